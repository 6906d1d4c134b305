// Issue 18: a full save in two requests — one $batch that takes the record and reads what the save is diffed
// against, one $batch of the writes — counted as HTTP requests through fetch (PnPjs's transport) against the local
// server, with nothing half-written when the take fails or a part of the writes' batch fails.
import { decideApproval, saveProcurement, submitForApproval } from '../../src/app';
import { MEASURES } from '../../src/domain';
import type { Procurement } from '../../src/domain';
import { ConflictError } from '../../src/data/ports';
import type { ProcurementBundle, Stored } from '../../src/data/ports';
import { createSharePointData } from '../../src/data/sharepoint';
import { action, commitment, MANAGER, OFFICER, procurement, startHubWithApprover } from './fixtures';
import type { Hub } from './fixtures';

jest.setTimeout(60_000);

let hub: Hub;
beforeAll(async () => {
  hub = await startHubWithApprover();
});
afterAll(async () => {
  await hub?.server.stop();
});

const ACTIVE = MEASURES.filter((m) => m.active);

/** A procurement with 15 commitments and 10 actions (the bench's figure). */
function full(ref: string, title = 'Grounds maintenance across WMCA sites'): ProcurementBundle {
  return {
    procurement: procurement(ref, { title }),
    commitments: ACTIVE.slice(0, 15).map((m, i) => commitment(ref, m.code, 10 + i, { unit: m.unit, proxyPenceLocked: m.recordOnly ? undefined : m.proxyPence })),
    actionPlan: Array.from({ length: 10 }, (_, i) => action(ref, `Action ${i + 1} of the delivery plan`)),
  };
}

/** The requests a piece of work sends ("POST …/$batch"), through fetch. */
async function requestsOf<T>(work: () => Promise<T>): Promise<{ result: T | undefined; error: unknown; requests: string[] }> {
  const plain = globalThis.fetch;
  const requests: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(`${init?.method ?? 'GET'} ${String(input).replace(hub.server.siteUrl, '')}`);
    return plain(input, init);
  }) as typeof fetch;
  try {
    return { result: await work(), error: undefined, requests };
  } catch (error) {
    return { result: undefined, error, requests };
  } finally {
    globalThis.fetch = plain;
  }
}

const count = async (list: string, filter: string): Promise<number> =>
  ((await hub.sp.web.lists.getByTitle(list).items.filter(filter).select('Id').top(5000)()) as unknown[]).length;

/** A data layer as a screen has it: the measure library and the signed-in officer already known. */
async function warmData(): Promise<ReturnType<typeof createSharePointData>> {
  const data = createSharePointData(hub.sp);
  await data.users.ensure(OFFICER.email);
  await data.procurements.saveBundle({ procurement: procurement('WARM-UP') });
  return data;
}

describe('a save of a procurement with 15 commitments and 10 actions', () => {
  it('creates a new one in 2 requests, both $batch, and every part lands', async () => {
    const data = await warmData();
    const ref = 'SR-NEW';
    const { result, requests } = await requestsOf(() => data.procurements.saveBundle(full(ref)));
    expect(requests).toEqual(['POST /_api/$batch', 'POST /_api/$batch']);
    expect(result?.ok).toBe(true);
    expect(result?.written).toHaveLength(26);
    expect(await count('Commitments', `ProcurementRef eq '${ref}'`)).toBe(15);
    expect(await count('ActionPlan', `ProcurementRef eq '${ref}'`)).toBe(10);
  });

  it('saves an edit from a read (ETag taken in the first batch) in 2 requests', async () => {
    const data = await warmData();
    const ref = 'SR-EDIT';
    await data.procurements.saveBundle(full(ref));
    const read = (await data.procurements.get(ref))!;
    const edit = full(ref, 'Grounds maintenance, re-scoped');
    edit.commitments = edit.commitments!.map((c, i) => (i < 5 ? { ...c, targetQuantity: c.targetQuantity + 1 } : c));
    const { result, requests } = await requestsOf(() => data.procurements.saveBundle({ ...edit, procurement: { ...edit.procurement, id: read.id, etag: read.etag } as Stored<Procurement> }));
    expect(requests).toEqual(['POST /_api/$batch', 'POST /_api/$batch']);
    expect(result?.ok).toBe(true);
    expect(result?.written).toEqual([`update procurement ${ref}`, ...edit.commitments!.slice(0, 5).map((c) => `update commitment ${c.measureCode}`)]);
    expect(result?.procurement?.etag).not.toBe(read.etag);
    expect((await data.procurements.get(ref))!.title).toBe('Grounds maintenance, re-scoped');
  });

  it('stops at the take when someone saved since the read: a 412 ConflictError, and nothing of the save is written', async () => {
    const data = await warmData();
    const ref = 'SR-STALE';
    await data.procurements.saveBundle({ procurement: procurement(ref), actionPlan: [action(ref, 'Kick-off')] });
    const read = (await data.procurements.get(ref))!;
    await data.procurements.update({ ...read, title: 'Changed by a colleague' });
    const edit = full(ref, 'My edit');
    const { error, requests } = await requestsOf(() => data.procurements.saveBundle({ ...edit, procurement: { ...edit.procurement, id: read.id, etag: read.etag } as Stored<Procurement> }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 412 });
    expect(requests).toEqual(['POST /_api/$batch']);
    expect((await data.procurements.get(ref))!.title).toBe('Changed by a colleague');
    expect(await count('Commitments', `ProcurementRef eq '${ref}'`)).toBe(0);
    expect((await data.actionPlan.listForProcurement(ref)).map((a) => a.action)).toEqual(['Kick-off']);
  });

  it('when one write of the batch fails, names it, lands the rest with nothing half-made, and a retry completes the set', async () => {
    const data = await warmData();
    const ref = 'SR-PART';
    const bundle = full(ref);
    const blocked = bundle.commitments![7].measureCode;
    // Something already holds the key one commitment needs (a unique column), so SharePoint refuses that part.
    const blocker = (await hub.sp.web.lists.getByTitle('Commitments').items.add({
      Title: 'blocker', CommitmentKey: `${ref}|${blocked}`, ProcurementRef: 'SR-ELSEWHERE', MeasureCode: blocked, Theme: 'growth-skills-employment', TargetQuantity: 1, Unit: 'weeks', DueDate: '2027-03-31T00:00:00Z',
    })) as { Id: number };
    const { result, requests } = await requestsOf(() => data.procurements.saveBundle(bundle));
    expect(requests).toEqual(['POST /_api/$batch', 'POST /_api/$batch']);
    expect(result?.ok).toBe(false);
    expect(result?.failed.map((f) => f.what)).toEqual([`create commitment ${blocked}`]);
    expect(result?.failed[0].error.kind).toBe('duplicate');
    // Each part is whole or absent: the procurement once, every other commitment and action once, with its values.
    expect(await count('Procurements', `Reference eq '${ref}'`)).toBe(1);
    const saved = await data.commitments.listForProcurement(ref);
    expect(saved.map((c) => c.measureCode).sort()).toEqual(bundle.commitments!.map((c) => c.measureCode).filter((c) => c !== blocked).sort());
    for (const c of saved) expect(c.targetQuantity).toBe(bundle.commitments!.find((b) => b.measureCode === c.measureCode)!.targetQuantity);
    expect(await count('ActionPlan', `ProcurementRef eq '${ref}'`)).toBe(10);

    await hub.sp.web.lists.getByTitle('Commitments').items.getById(blocker.Id).delete();
    const retry = await requestsOf(() => data.procurements.saveBundle(bundle));
    expect(retry.result?.ok).toBe(true);
    expect(retry.result?.written).toEqual([`create commitment ${blocked}`]);
    expect(retry.requests).toHaveLength(2);
    expect(await count('Commitments', `ProcurementRef eq '${ref}'`)).toBe(15);
    expect(await count('Procurements', `Reference eq '${ref}'`)).toBe(1);
  });

  it('sends one request of each batch even past PnPjs’s default of 20 parts, and never more than the platform’s 100 a request', async () => {
    const data = await warmData();
    const ref = 'SR-WIDE';
    const wide: ProcurementBundle = { ...full(ref), actionPlan: Array.from({ length: 60 }, (_, i) => action(ref, `Action ${i + 1} of the delivery plan`)) };
    // 1 procurement + 15 commitments + 60 actions = 76 writes: one request, not four.
    const { result, requests } = await requestsOf(() => data.procurements.saveBundle(wide));
    expect(result?.ok).toBe(true);
    expect(requests).toEqual(['POST /_api/$batch', 'POST /_api/$batch']);
    // 1 + 15 + 100 = 116 writes: two requests of the writes' batch (the server refuses a batch over 100).
    const wider: ProcurementBundle = { ...full('SR-WIDER'), actionPlan: Array.from({ length: 100 }, (_, i) => action('SR-WIDER', `Action ${i + 1} of the delivery plan`)) };
    const second = await requestsOf(() => data.procurements.saveBundle(wider));
    expect(second.result?.ok).toBe(true);
    expect(second.requests).toEqual(['POST /_api/$batch', 'POST /_api/$batch', 'POST /_api/$batch']);
    expect(await count('ActionPlan', "ProcurementRef eq 'SR-WIDER'")).toBe(100);
  });
});

describe('a save whose status claims an approval (Approved, Tendering, Awarded, In delivery, Closed, Rejected)', () => {
  const officer = { email: OFFICER.email, displayName: OFFICER.displayName };
  const manager = { email: MANAGER.email, displayName: MANAGER.displayName };

  it('with the decision on record: 3 requests — the reads with the evidence, the take, the writes', async () => {
    const data = await warmData();
    const ref = 'SR-CLAIM';
    const draft = (await saveProcurement(data, undefined, full(ref))).procurement!;
    const submitted = await submitForApproval(data, draft, officer, new Date('2026-03-04T09:00:00Z'));
    await hub.server.setUser('manager');
    await decideApproval(data, submitted, manager, 'Approved', 'Proportionate.', new Date('2026-03-05T10:00:00Z'));
    await hub.server.setUser('officer');
    const approved = (await data.procurements.get(ref))!;
    const bundle = full(ref);
    const { result, requests } = await requestsOf(() => saveProcurement(data, approved, { ...bundle, procurement: { ...approved, status: 'Tendering' } }));
    expect(result?.ok).toBe(true);
    expect(requests).toEqual(['POST /_api/$batch', `POST /_api/web/lists/getByTitle('Procurements')/items(${approved.id})`, 'POST /_api/$batch']);
    const tendering = (await data.procurements.get(ref))!;
    expect(tendering.status).toBe('Tendering');
    // Saved again unchanged: the reads only — nothing to write, so the record is not taken and its ETag stays.
    const again = await requestsOf(() => saveProcurement(data, tendering, { ...bundle, procurement: { ...tendering } }));
    expect(again.result).toMatchObject({ ok: true, written: [] });
    expect(again.requests).toEqual(['POST /_api/$batch']);
    expect((await data.procurements.get(ref))!.etag).toBe(tendering.etag);
  });

  it('without it: refused after the one request of reads, the record and its ETag untouched, so the officer carries on from the same read', async () => {
    const data = await warmData();
    const ref = 'SR-FORGED';
    const draft = (await saveProcurement(data, undefined, full(ref))).procurement!;
    const submitted = await submitForApproval(data, draft, officer, new Date('2026-03-04T09:00:00Z'));
    const read = (await data.procurements.get(ref))!;
    const edit = full(ref, 'Approved by no one');
    const { error, requests } = await requestsOf(() => data.procurements.saveBundle({ ...edit, procurement: { ...read, title: 'Approved by no one', status: 'Approved' } }));
    expect(error).toMatchObject({ kind: 'validation', field: 'status', message: expect.stringMatching(/approval is not on record/) });
    expect(requests).toEqual(['POST /_api/$batch']);
    const after = (await data.procurements.get(ref))!;
    expect(after).toMatchObject({ status: 'Awaiting approval', title: submitted.title, etag: read.etag });
    // The same read still saves: nothing moved under it.
    expect((await data.procurements.saveBundle({ ...full(ref, 'Retitled while awaiting'), procurement: { ...read, title: 'Retitled while awaiting' } })).ok).toBe(true);
  });
});
