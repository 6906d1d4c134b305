// Procurements through the repository, real PnPjs over HTTP: create/get/update/query, ETags, escaping,
// the one-batch bundle with a part that fails, approvals, bad input refused before anything is written.
import { ConflictError, DataError } from '../../src/data/ports';
import { odataString } from '../../src/data/sharepoint';
import { action, commitment, MANAGER, OFFICER, OFFICER2, procurement, startHub } from './fixtures';
import type { Hub } from './fixtures';

jest.setTimeout(60_000);

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.server.stop();
});

const countItems = async (list: string, filter: string): Promise<number> =>
  ((await hub.sp.web.lists.getByTitle(list).items.filter(filter).select('Id').top(5000)()) as unknown[]).length;

describe('procurements', () => {
  it('creates, reads back the same record, and refuses a second with the same reference', async () => {
    const { procurements } = hub.data;
    const created = await procurements.create(procurement('T-CRUD-1'));
    expect(created.id).toBeGreaterThan(0);
    expect(created.etag).toBeTruthy();
    const read = await procurements.get('T-CRUD-1');
    expect(read).toMatchObject({
      reference: 'T-CRUD-1',
      title: 'Grounds maintenance across WMCA sites',
      authorityId: 'wmca',
      leadOfficer: { email: OFFICER.email, displayName: OFFICER.displayName },
      estimatedValuePence: 25_000_000,
      decisionDate: '2026-03-02',
      tierDecision: { tier: 'toms-included', thresholdPence: 20_772_000, thresholdEffectiveFrom: '2026-01-01' },
      themeIds: ['environment', 'growth-skills-employment'],
      measureTargets: [{ measureCode: 'GSE-01', targetQuantity: 4 }],
      weighting: { method: 'weighted', percent: 10 },
      status: 'Draft',
    });
    expect((await procurements.getById(created.id))?.reference).toBe('T-CRUD-1');
    await expect(procurements.create(procurement('T-CRUD-1'))).rejects.toMatchObject({ kind: 'duplicate', field: 'reference' });
    expect(await procurements.get('T-NOPE')).toBeUndefined();
  });

  it('updates with the ETag it read; a stale ETag is a ConflictError naming what to do', async () => {
    const { procurements } = hub.data;
    const mine = await procurements.create(procurement('T-ETAG-1'));
    const theirs = (await procurements.get('T-ETAG-1'))!;
    const saved = await procurements.update({ ...theirs, title: 'Grounds maintenance (north)' });
    expect(saved.etag).not.toBe(theirs.etag);
    const stale = procurements.update({ ...mine, title: 'Grounds maintenance (south)' });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ kind: 'conflict', status: 412, message: expect.stringMatching(/changed by someone else — reload/) });
    expect((await procurements.get('T-ETAG-1'))!.title).toBe('Grounds maintenance (north)');
    // The fresh ETag from the save works for the next save.
    await procurements.update({ ...saved, title: 'Grounds maintenance (all sites)' });
  });

  it('persists the approval round and status it is given (the lifecycle is the workflows’: tests/app)', async () => {
    const { procurements } = hub.data;
    const draft = await procurements.create(procurement('T-ROUND-1'));
    expect(draft.approvalRound ?? 0).toBe(0);
    await procurements.update({ ...draft, status: 'Awaiting approval', approvalRound: 3, submittedByEmail: OFFICER.email, approverEmail: MANAGER.email });
    expect(await procurements.get('T-ROUND-1')).toMatchObject({ status: 'Awaiting approval', approvalRound: 3 });
  });

  it('queries on indexed columns with filters, sorting and continuation tokens', async () => {
    const { procurements } = hub.data;
    for (let i = 0; i < 7; i++) {
      await procurements.create(
        procurement(`T-Q-${i}`, {
          title: `Query sample ${i}`,
          authorityId: i % 2 === 0 ? 'coventry' : 'dudley',
          estimatedValuePence: 1_000_000 * (i + 1),
          tierDecision: { tier: i < 3 ? 'light-touch' : 'toms-considered', thresholdPence: 20_772_000, thresholdEffectiveFrom: '2026-01-01', policyEditionId: 'wmca-svp-2026' },
          themeIds: i === 6 ? ['social-innovation'] : ['environment'],
          leadOfficer: i === 5 ? OFFICER2 : OFFICER,
        }),
      );
    }
    const coventry = await procurements.query({ authorityId: 'coventry', sort: { by: 'estimatedValue', descending: true } });
    expect(coventry.items.map((p) => p.reference)).toEqual(['T-Q-6', 'T-Q-4', 'T-Q-2', 'T-Q-0']);
    const light = await procurements.query({ tier: 'light-touch', authorityId: 'dudley' });
    expect(light.items.map((p) => p.reference)).toEqual(['T-Q-1']);
    expect((await procurements.query({ leadOfficerEmail: OFFICER2.email })).items.map((p) => p.reference)).toEqual(['T-Q-5']);
    expect((await procurements.query({ leadOfficerEmail: 'not.on.site@svhub.example' })).items).toEqual([]);
    expect((await procurements.query({ themeId: 'social-innovation' })).items.map((p) => p.reference)).toEqual(['T-Q-6']);
    expect((await procurements.query({ text: 'T-Q-3' })).items.map((p) => p.reference)).toEqual(['T-Q-3']);
    expect((await procurements.query({ text: 'sample 4' })).items.map((p) => p.reference)).toEqual(['T-Q-4']);

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await procurements.query({ text: 'Query sample', sort: { by: 'reference' }, pageSize: 3, pageToken: token });
      seen.push(...page.items.map((p) => p.reference));
      token = page.nextPageToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(['T-Q-0', 'T-Q-1', 'T-Q-2', 'T-Q-3', 'T-Q-4', 'T-Q-5', 'T-Q-6']);
  });

  it("escapes user text: O'Neil & Sons is found, and a quote-injection cannot widen the query", async () => {
    const { procurements } = hub.data;
    await procurements.create(procurement('T-ESC-1', { title: "O'Neil & Sons cleaning", authorityId: 'walsall' }));
    await procurements.create(procurement('T-ESC-2', { title: 'Other cleaning', authorityId: 'walsall' }));
    expect(odataString("O'Neil & Sons")).toBe("'O''Neil & Sons'");
    expect((await procurements.query({ text: "O'Neil & Sons" })).items.map((p) => p.reference)).toEqual(['T-ESC-1']);
    expect((await procurements.get("x' or Reference ne 'x"))).toBeUndefined();
    const injected = await procurements.query({ text: "' or 1 eq 1 or Title eq '" });
    expect(injected.items).toEqual([]);
    const injectedAuthority = await procurements.query({ authorityId: "walsall' or Authority ne 'x" });
    expect(injectedAuthority.items).toEqual([]);
  });

  it('refuses bad input before writing, naming the field, and writes nothing', async () => {
    const { procurements } = hub.data;
    const before = await countItems('Procurements', "startswith(Reference,'T-BAD')");
    await expect(procurements.create(procurement('T-BAD-1', { authorityId: 'atlantis' }))).rejects.toMatchObject({ kind: 'validation', field: 'authorityId' });
    await expect(procurements.create(procurement('T-BAD-2', { status: 'Shelved' as never }))).rejects.toMatchObject({ field: 'status' });
    await expect(procurements.create(procurement('T-BAD-3', { title: 'x'.repeat(256) }))).rejects.toMatchObject({ field: 'title', message: expect.stringMatching(/255 characters or fewer \(it has 256\)/) });
    await expect(procurements.create(procurement('T-BAD-4', { estimatedValuePence: '250000' as never }))).rejects.toMatchObject({ field: 'estimatedValuePence' });
    await expect(procurements.create(procurement('T-BAD-5', { estimatedValuePence: 12.5 }))).rejects.toMatchObject({ field: 'estimatedValuePence' });
    await expect(procurements.create(procurement('T-BAD-6', { themeIds: ['environment', 'space' as never] }))).rejects.toMatchObject({ field: 'themeIds' });
    await expect(procurements.create(procurement('T-BAD-7', { leadOfficer: { email: 'nobody@elsewhere.example', displayName: 'Nobody' } }))).rejects.toMatchObject({
      field: 'leadOfficer',
    });
    expect(await countItems('Procurements', "startswith(Reference,'T-BAD')")).toBe(before);
  });
});

describe('a procurement with its commitments and action plan, in one batch', () => {
  it('an edit from a read that lands in part returns the record under its new ETag, and saving again from it completes the set', async () => {
    const { procurements, commitments } = hub.data;
    const ref = 'T-BUNDLE-ETAG';
    expect((await procurements.saveBundle({ procurement: procurement(ref), commitments: [] })).ok).toBe(true);
    const read = (await procurements.get(ref))!;
    const blocker = (await hub.sp.web.lists.getByTitle('Commitments').items.add({
      Title: 'blocker', CommitmentKey: `${ref}|GSE-07`, ProcurementRef: 'T-ELSEWHERE', MeasureCode: 'GSE-07', Theme: 'growth-skills-employment', TargetQuantity: 1, Unit: 'weeks', DueDate: '2027-03-31T00:00:00Z',
    })) as { Id: number };
    const edit = { procurement: { ...read, title: 'Retitled while saving' }, commitments: [commitment(ref, 'GSE-01', 4), commitment(ref, 'GSE-07', 52, { unit: 'weeks' })] };
    const first = await procurements.saveBundle(edit);
    expect(first.ok).toBe(false);
    expect(first.failed.map((f) => f.what)).toEqual(['create commitment GSE-07']);
    expect(first.procurement?.etag).not.toBe(read.etag);
    // The officer's Try again saves from what came back; from the stale read it would look like someone else's edit.
    await hub.sp.web.lists.getByTitle('Commitments').items.getById(blocker.Id).delete();
    await expect(procurements.saveBundle(edit)).rejects.toBeInstanceOf(ConflictError);
    const again = await procurements.saveBundle({ ...edit, procurement: { ...first.procurement!, title: 'Retitled while saving' } });
    expect(again.ok).toBe(true);
    expect((await commitments.listForProcurement(ref)).map((c) => c.measureCode)).toEqual(['GSE-01', 'GSE-07']);
    expect((await procurements.get(ref))!.title).toBe('Retitled while saving');
  });

  it('writes all parts; when one part fails the others land, the failure is named, and a retry completes the set', async () => {
    const { procurements, commitments, actionPlan } = hub.data;
    const ref = 'T-BUNDLE-1';
    // Something already holds the key one commitment will need (a unique column), so SharePoint refuses that part.
    const blocker = (await hub.sp.web.lists.getByTitle('Commitments').items.add({
      Title: 'blocker',
      CommitmentKey: `${ref}|GSE-07`,
      ProcurementRef: 'T-ELSEWHERE',
      MeasureCode: 'GSE-07',
      Theme: 'growth-skills-employment',
      TargetQuantity: 1,
      Unit: 'weeks',
      DueDate: '2027-03-31T00:00:00Z',
    })) as { Id: number };
    const bundle = {
      procurement: procurement(ref, { supplier: { name: "O'Neil & Sons (fictional)", isSme: true, isVcse: false, isLocal: true, postcode: 'B1 1BB' }, awardValuePence: 24_000_000, contractStart: '2026-04-01', contractEnd: '2028-03-31' }),
      commitments: [
        commitment(ref, 'GSE-01', 4),
        commitment(ref, 'GSE-07', 52, { unit: 'weeks' }),
        commitment(ref, 'ENV-01', 120, { unit: 'tonnes CO2e', proxyPenceLocked: 24_500, proxyEdition: '2022' }),
      ],
      actionPlan: [action(ref, 'Agree the social value delivery plan with the supplier'), action(ref, 'Quarterly review of commitments', { dueDate: '2026-09-30' })],
    };
    const first = await procurements.saveBundle(bundle);
    expect(first.ok).toBe(false);
    expect(first.failed.map((f) => f.what)).toEqual(['create commitment GSE-07']);
    expect(first.failed[0].error).toBeInstanceOf(DataError);
    expect(first.failed[0].error.kind).toBe('duplicate');
    expect(first.written).toEqual(
      expect.arrayContaining([`create procurement ${ref}`, 'create commitment GSE-01', 'create commitment ENV-01', expect.stringMatching(/^create action/)]),
    );
    expect(first.procurement?.reference).toBe(ref);
    expect((await commitments.listForProcurement(ref)).map((c) => c.measureCode)).toEqual(['ENV-01', 'GSE-01']);

    await hub.sp.web.lists.getByTitle('Commitments').items.getById(blocker.Id).delete();
    const retry = await procurements.saveBundle(bundle);
    expect(retry.ok).toBe(true);
    expect(retry.written).toEqual(['create commitment GSE-07']);
    const saved = await commitments.listForProcurement(ref);
    expect(saved.map((c) => c.measureCode)).toEqual(['ENV-01', 'GSE-01', 'GSE-07']);
    expect(saved.find((c) => c.measureCode === 'ENV-01')).toMatchObject({ proxyPenceLocked: 24_500, proxyEdition: '2022', targetQuantity: 120 });
    expect(await actionPlan.listForProcurement(ref)).toHaveLength(2);
    expect(await countItems('Procurements', `Reference eq '${ref}'`)).toBe(1);

    // Saving again changes nothing; dropping an action deletes it.
    expect((await procurements.saveBundle(bundle)).written).toEqual([]);
    const trimmed = await procurements.saveBundle({ ...bundle, actionPlan: bundle.actionPlan.slice(0, 1) });
    expect(trimmed.written).toEqual(['delete action “Quarterly review of commitments”']);
    expect(await actionPlan.listForProcurement(ref)).toHaveLength(1);
  });

  it('stops a bundle saved from a stale read before any part is written', async () => {
    const { procurements, actionPlan } = hub.data;
    const ref = 'T-BUNDLE-STALE';
    const first = await procurements.saveBundle({ procurement: procurement(ref), actionPlan: [action(ref, 'Kick-off')] });
    const read = first.procurement!;
    await procurements.update({ ...(await procurements.get(ref))!, title: 'Changed by a colleague' });
    await expect(
      procurements.saveBundle({ procurement: { ...read, title: 'My edit' }, actionPlan: [action(ref, 'Kick-off'), action(ref, 'Second action')] }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await actionPlan.listForProcurement(ref)).toHaveLength(1);
    expect((await procurements.get(ref))!.title).toBe('Changed by a colleague');
  });

  it('refuses a bundle with a bad commitment before writing any part of it', async () => {
    const { procurements } = hub.data;
    const ref = 'T-BUNDLE-BAD';
    await expect(
      procurements.saveBundle({
        procurement: procurement(ref),
        commitments: [commitment(ref, 'GSE-01', 4), commitment(ref, 'XXX-99', 1)],
        actionPlan: [action(ref, 'Kick-off')],
      }),
    ).rejects.toMatchObject({ kind: 'validation', field: 'commitments[1].measureCode' });
    expect(await countItems('Procurements', `Reference eq '${ref}'`)).toBe(0);
    expect(await countItems('ActionPlan', `ProcurementRef eq '${ref}'`)).toBe(0);
  });
});
