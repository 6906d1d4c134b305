// Data survives the server stopping (cleanly or killed), and the repositories ride out SharePoint
// throttling (429/503 with Retry-After) with nothing lost and nothing written twice.
import { action, commitment, outcome, procurement, startHub } from './fixtures';
import type { Hub } from './fixtures';

jest.setTimeout(90_000);

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.server.stop();
});

const count = async (list: string, filter: string): Promise<number> =>
  ((await hub.sp.web.lists.getByTitle(list).items.filter(filter).select('Id').top(5000)()) as unknown[]).length;

describe('persistence', () => {
  it('keeps what was written across a restart and a kill', async () => {
    const { procurements, outcomes } = hub.data;
    await procurements.saveBundle({
      procurement: procurement('R-1', { status: 'Awaiting approval' }),
      commitments: [commitment('R-1', 'GSE-01', 3)],
      actionPlan: [action('R-1', 'Agree the plan')],
    });
    await outcomes.record(outcome('R-1', 'GSE-01', '2026-06-30', 1));
    await hub.server.restart();
    expect((await procurements.get('R-1'))?.status).toBe('Awaiting approval');
    const before = (await procurements.get('R-1'))!;
    await procurements.update({ ...before, title: 'Renamed before the crash' });
    await hub.server.kill();
    // While the server is down, the UI gets a network error it can show, not a crash.
    const { createLocalSp, createSharePointData } = await import('../../src/data/sharepoint');
    const offline = createSharePointData(createLocalSp(hub.server.siteUrl, { retries: 1 }));
    await expect(offline.procurements.get('R-1')).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/Could not reach SharePoint/) });
    await hub.server.restart();
    expect((await procurements.get('R-1'))?.title).toBe('Renamed before the crash');
    expect(await hub.data.commitments.listForProcurement('R-1')).toHaveLength(1);
    expect((await outcomes.query({ procurementReference: 'R-1' })).items).toHaveLength(1);
    // Provisioning after a restart finds everything in place.
    const again = await hub.data.provisioning.provision();
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
  });
});

describe('throttling', () => {
  it('retries 429/503 (honouring Retry-After) with nothing lost or duplicated', async () => {
    const { procurements, outcomes, outbox } = hub.data;
    await hub.server.setFaults({ rate: 0.3, statuses: [429, 503], retryAfterSeconds: 0, seed: 7 });
    // Count the throttled answers PnPjs saw, to be sure the retries were exercised.
    const realFetch = global.fetch;
    const throttled: number[] = [];
    global.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await realFetch(input, init);
      if (res.status === 429 || res.status === 503) throttled.push(res.status);
      return res;
    }) as typeof fetch;
    try {
      for (let i = 0; i < 6; i++) {
        const ref = `F-${i}`;
        const result = await procurements.saveBundle({
          procurement: procurement(ref),
          commitments: [commitment(ref, 'GSE-01', 2), commitment(ref, 'GSE-07', 10, { unit: 'weeks' })],
          actionPlan: [action(ref, 'Agree the plan'), action(ref, 'First review', { dueDate: '2026-09-30' })],
        });
        expect(result.failed).toEqual([]);
        await outcomes.record(outcome(ref, 'GSE-01', '2026-06-30', 1));
        await outcomes.record(outcome(ref, 'GSE-01', '2026-06-30', 2));
        await outbox.enqueue({ idempotencyKey: `success|${ref}`, kind: 'success', title: `Jobs on ${ref}` });
        await outbox.enqueue({ idempotencyKey: `success|${ref}`, kind: 'success', title: `Jobs on ${ref}` });
      }
    } finally {
      global.fetch = realFetch;
      await hub.server.setFaults({ rate: 0 });
    }
    expect(throttled.length).toBeGreaterThan(10);
    expect(new Set(throttled)).toEqual(new Set([429, 503]));
    expect(await count('Procurements', "startswith(Reference,'F-')")).toBe(6);
    for (let i = 0; i < 6; i++) {
      expect(await count('Commitments', `ProcurementRef eq 'F-${i}'`)).toBe(2);
      expect(await count('ActionPlan', `ProcurementRef eq 'F-${i}'`)).toBe(2);
      const logs = await outcomes.query({ procurementReference: `F-${i}` });
      expect(logs.items.map((l) => l.quantity)).toEqual([2]);
      expect(await count('TaskforcePosts', `IdempotencyKey eq 'success|F-${i}'`)).toBe(1);
    }
  });
});

describe('an answer on PnPjs’s last try', () => {
  it('is classified from SharePoint’s own error: a duplicate after two 429s is still a duplicate (found by tests/reliability)', async () => {
    const { createLocalSp } = await import('../../src/data/sharepoint');
    const { ListGateway } = await import('../../src/data/sharepoint/listGateway');
    const { postToItem } = await import('../../src/data/sharepoint/mapping');
    const { TASKFORCE_POSTS_LIST } = await import('../../src/data/schema/lists');
    const gateway = new ListGateway(createLocalSp(hub.server.siteUrl, { retries: 3 }), TASKFORCE_POSTS_LIST);
    const body = postToItem({ idempotencyKey: 'success|LAST-TRY', kind: 'success', title: 'Last try', status: 'Pending', attempts: 0 });
    await gateway.add(body, 'The card');
    // The next two adds are throttled before they reach the server; the third meets the unique key (400),
    // which PnPjs reports as "Retry count exceeded" without SharePoint's answer.
    const realFetch = global.fetch;
    let throttle = 2;
    global.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST' && /TaskforcePosts'\)\/items$/.test(String(input)) && throttle-- > 0) {
        return new Response('{"odata.error":{"code":"-2147024860, Microsoft.SharePoint.SPQueryThrottledException","message":{"lang":"en-US","value":"Throttled."}}}', { status: 429, headers: { 'retry-after': '0' } });
      }
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      await expect(gateway.add(body, 'The card')).rejects.toMatchObject({ kind: 'duplicate', status: 400 });
    } finally {
      global.fetch = realFetch;
    }
    expect(throttle).toBe(-1);
  });
});

describe('a batch that cannot be sent', () => {
  it('reports every part as failed (throttled) instead of hanging, and a later save completes the set', async () => {
    const { createLocalSp, createSharePointData } = await import('../../src/data/sharepoint');
    const { runBatchParts } = await import('../../src/data/sharepoint/batch');
    const impatient = createLocalSp(hub.server.siteUrl, { retries: 1 });
    await hub.server.setFaults({ rate: 1, statuses: [503], retryAfterSeconds: 0 });
    let outcomes;
    try {
      outcomes = await runBatchParts(impatient, (batched) =>
        ['B-1', 'B-2'].map((ref) => ({
          what: `setting ${ref}`,
          run: () => batched.web.lists.getByTitle('Settings').items.add({ Title: `test.${ref}`, SettingValue: ref }),
        })),
      );
    } finally {
      await hub.server.setFaults({ rate: 0 });
    }
    expect(outcomes.map((o) => [o.what, o.ok, o.ok ? undefined : o.error.kind])).toEqual([
      ['setting B-1', false, 'throttled'],
      ['setting B-2', false, 'throttled'],
    ]);
    expect(await count('Settings', "startswith(Title,'test.B-')")).toBe(0);
    const data = createSharePointData(impatient);
    await data.settings.set('test.B-1', 'B-1');
    expect(await data.settings.get('test.B-1')).toBe('B-1');
  });
});
