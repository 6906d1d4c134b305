// Delivery, reference data and the outbox through the repositories, real PnPjs over HTTP.
import { ConflictError } from '../../src/data/ports';
import { commitment, MANAGER, OFFICER, OFFICER2, outcome, procurement, startHub, action } from './fixtures';
import type { Hub } from './fixtures';

jest.setTimeout(60_000);

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
  const ref = 'D-1';
  const saved = await hub.data.procurements.saveBundle({
    procurement: procurement(ref, { awardValuePence: 24_000_000, contractStart: '2026-04-01', contractEnd: '2028-03-31' }),
    commitments: [
      commitment(ref, 'GSE-01', 4, { dueDate: '2026-12-31' }),
      commitment(ref, 'ENV-01', 120, { unit: 'tonnes CO2e', proxyPenceLocked: 24_500, proxyEdition: '2022' }),
    ],
    actionPlan: [action(ref, 'Agree the delivery plan', { dueDate: '2026-05-31' }), action(ref, 'Publish the first return', { dueDate: '2026-08-31', status: 'Done' })],
  });
  expect(saved.ok).toBe(true);
});
afterAll(async () => {
  await hub?.server.stop();
});

describe('outcome logs', () => {
  it('keeps one log per commitment per period: a second report for the period corrects the first', async () => {
    const { outcomes } = hub.data;
    const first = await outcomes.record(outcome('D-1', 'ENV-01', '2026-06-30', 10, { proxyPence: 24_500, valuePence: 245_000 }));
    expect(first.corrected).toBe(false);
    const second = await outcomes.record(outcome('D-1', 'ENV-01', '2026-06-30', 12, { proxyPence: 24_500, valuePence: 294_000 }));
    expect(second.corrected).toBe(true);
    expect(second.log.id).toBe(first.log.id);
    const q1 = await outcomes.query({ procurementReference: 'D-1', periodEnd: '2026-06-30' });
    expect(q1.items).toHaveLength(1);
    expect(q1.items[0]).toMatchObject({ quantity: 12, valuePence: 294_000, verification: 'Reported', evidenceUrl: 'https://evidence.svhub.example/returns/q1' });
  });

  it('is verified or rejected by another officer with the ETag it was read with', async () => {
    const { outcomes } = hub.data;
    const { log } = await outcomes.record(outcome('D-1', 'GSE-01', '2026-06-30', 2));
    await expect(outcomes.update({ ...log, verification: 'Verified', verifiedBy: OFFICER.email })).rejects.toMatchObject({ field: 'verifiedBy' });
    // The reporter typing a colleague's name is refused too: SharePoint says who is verifying.
    await expect(outcomes.update({ ...log, verification: 'Verified', verifiedBy: OFFICER2.email })).rejects.toMatchObject({ field: 'verifiedBy' });
    // An approver verifies (the Verifications list is the approvers').
    await hub.server.setUser('manager');
    try {
      const verified = await outcomes.update({ ...log, verification: 'Verified', verifiedBy: MANAGER.email, verifiedAt: '2026-07-10T09:00:00Z' });
      await expect(outcomes.update({ ...log, verification: 'Rejected', verifiedBy: MANAGER.email, rejectionReason: 'No payroll' })).rejects.toBeInstanceOf(ConflictError);
      expect((await outcomes.get(verified.id))).toMatchObject({ verification: 'Verified', verifiedBy: MANAGER.email });
    } finally {
      await hub.server.setUser('officer');
    }
    const toVerify = await outcomes.query({ verification: 'Reported' });
    expect(toVerify.items.map((l) => l.measureCode)).toEqual(['ENV-01']);
    const verifiedOnes = await outcomes.query({ verification: 'Verified', periodFrom: '2026-04-01', periodTo: '2026-06-30' });
    expect(verifiedOnes.items.map((l) => l.measureCode)).toEqual(['GSE-01']);
  });

  it('refuses a log that is not for a quarter end, or claims an unknown measure, before writing', async () => {
    const { outcomes } = hub.data;
    await expect(outcomes.record(outcome('D-1', 'GSE-01', '2026-06-15', 1))).rejects.toMatchObject({ kind: 'validation', field: 'periodEnd' });
    await expect(outcomes.record(outcome('D-1', 'ZZZ-01', '2026-06-30', 1))).rejects.toMatchObject({ field: 'measureCode' });
    await expect(outcomes.record(outcome('D-1', 'GSE-01', '2026-09-30', 1, { evidenceNotes: 'n'.repeat(2001) }))).rejects.toMatchObject({ field: 'evidenceNotes' });
    expect((await outcomes.query({ procurementReference: 'D-1', periodEnd: '2026-09-30' })).items).toEqual([]);
  });

  it('keeps the success card’s message id through a correction read before the card was posted (found by tests/reliability)', async () => {
    const { outcomes } = hub.data;
    const { log } = await outcomes.record(outcome('D-1', 'GSE-01', '2026-12-31', 1, { verification: 'Verified', verifiedBy: OFFICER2.email }));
    const read = { ...log };
    // Meanwhile a colleague celebrates the verified outcome: the card is in the channel, its id on the log.
    await outcomes.update({ ...(await outcomes.get(log.id))!, celebratedMessageId: '1795000000001' });
    const corrected = await outcomes.record({ ...read, quantity: 2, verification: 'Reported', verifiedBy: undefined });
    expect(corrected).toMatchObject({ corrected: true, log: { celebratedMessageId: '1795000000001' } });
    expect(await outcomes.get(log.id)).toMatchObject({ quantity: 2, verification: 'Reported', celebratedMessageId: '1795000000001' });
  });
});

describe('commitments and the action plan', () => {
  it('lists a procurement’s commitments, finds the at-risk ones, and saves progress', async () => {
    const { commitments } = hub.data;
    const all = await commitments.listForProcurement('D-1');
    expect(all.map((c) => c.measureCode)).toEqual(['ENV-01', 'GSE-01']);
    const env = all[0];
    await commitments.update({ ...env, rag: 'Red', verifiedQuantity: 12 });
    const atRisk = await commitments.query({ rag: ['Red', 'Amber'] });
    expect(atRisk.items.map((c) => c.measureCode)).toEqual(['ENV-01']);
    expect(atRisk.items[0]).toMatchObject({ rag: 'Red', verifiedQuantity: 12, proxyPenceLocked: 24_500 });
    const dueSoon = await commitments.query({ procurementReference: 'D-1', dueBy: '2026-12-31' });
    expect(dueSoon.items.map((c) => c.measureCode)).toEqual(['GSE-01']);
    await expect(commitments.update({ ...env, unit: 'hours' })).rejects.toMatchObject({ field: 'unit' });
  });

  it('finds overdue actions and updates one', async () => {
    const { actionPlan } = hub.data;
    const overdue = await actionPlan.query({ overdueOn: '2026-07-01' });
    expect(overdue.items.map((a) => a.action)).toEqual(['Agree the delivery plan']);
    await actionPlan.update({ ...overdue.items[0], status: 'Done' });
    expect((await actionPlan.query({ overdueOn: '2026-07-01' })).items).toEqual([]);
    expect(await actionPlan.listForProcurement('D-1')).toHaveLength(2);
  });
});

describe('case studies', () => {
  it('creates, publishes and browses by theme', async () => {
    const { caseStudies } = hub.data;
    const draft = await caseStudies.create({
      procurementReference: 'D-1',
      themeId: 'environment',
      title: 'A quieter, cleaner fleet',
      story: 'The supplier replaced diesel mowers with electric ones across 40 sites.',
      published: false,
      imageUrl: 'https://images.svhub.example/fleet.jpg',
    });
    expect((await caseStudies.query({ published: true })).items).toEqual([]);
    await caseStudies.update({ ...draft, published: true, quote: 'Residents noticed the difference.' });
    const published = await caseStudies.query({ published: true, themeId: 'environment' });
    expect(published.items).toHaveLength(1);
    expect(published.items[0]).toMatchObject({ title: 'A quieter, cleaner fleet', imageUrl: 'https://images.svhub.example/fleet.jpg', quote: 'Residents noticed the difference.' });
    await expect(caseStudies.create({ ...draft, themeId: 'weather' as never })).rejects.toMatchObject({ field: 'themeId' });
  });
});

describe('reference data', () => {
  it('is read by officers but changed only by owners (the list has its own permissions)', async () => {
    const env1 = (await hub.data.measures.getByCode('ENV-01'))!;
    await expect(hub.data.measures.save({ ...env1, proxyPence: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(hub.data.settings.set('policy.weightingMaxPercent', '99')).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await hub.data.measures.getByCode('ENV-01'))?.proxyPence).toBe(24_500);
  });

  it('has the seeded measure library, thresholds and settings, and saves changes by key', async () => {
    await hub.server.setUser('admin');
    const { measures, thresholds, settings } = hub.data;
    const library = await measures.list();
    expect(library.length).toBeGreaterThan(30);
    expect(library.map((m) => m.code)).toEqual([...library.map((m) => m.code)].sort());
    const env1 = (await measures.getByCode('ENV-01'))!;
    expect(env1).toMatchObject({ themeId: 'environment', unit: 'tonnes CO2e', proxyPence: 24_500, recordOnly: false, active: true });
    await measures.save({ ...env1, active: false });
    expect((await measures.list({ activeOnly: true })).map((m) => m.code)).not.toContain('ENV-01');
    await measures.save({ ...env1, active: true });

    const rows = await thresholds.list();
    expect(rows.find((r) => r.regime === 'sub-central' && r.contractType === 'services' && r.effectiveFrom === '2026-01-01')?.valuePence).toBe(20_772_000);
    const added = await thresholds.save({ regime: 'sub-central', contractType: 'works', valuePence: 530_000_000, effectiveFrom: '2028-01-01', source: 'Expected 2028 review (test).' });
    expect(added.id).toBeGreaterThan(0);
    expect((await thresholds.list()).filter((r) => r.effectiveFrom === '2028-01-01')).toHaveLength(1);

    expect(await settings.get('policy.weightingMaxPercent')).toBe('30');
    await settings.set('taskforce.channelId', '19:taskforce@thread.tacv2');
    expect((await settings.all())['taskforce.channelId']).toBe('19:taskforce@thread.tacv2');
    expect(await settings.get('no.such.key')).toBeUndefined();
    await hub.server.setUser('officer');
  });
});

describe('taskforce outbox', () => {
  it('enqueues a card once per idempotency key, even when two senders race, and lets one claim win', async () => {
    const { outbox } = hub.data;
    const card = { idempotencyKey: 'success|D-1|ENV-01|2026-06-30', kind: 'success' as const, title: 'Carbon saved on D-1', subjectRef: 'D-1|ENV-01|2026-06-30', cardJson: '{"type":"AdaptiveCard"}' };
    const [a, b] = await Promise.all([outbox.enqueue(card), outbox.enqueue(card)]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.post.id).toBe(b.post.id);
    expect((await outbox.query({ status: 'Pending' })).items).toHaveLength(1);
    const due = await outbox.due('2026-07-01T00:00:00Z');
    expect(due.items.map((p) => p.idempotencyKey)).toEqual([card.idempotencyKey]);

    const claimed = await outbox.update({ ...a.post, status: 'Posting', attempts: 1 });
    await expect(outbox.update({ ...b.post, status: 'Posting', attempts: 1 })).rejects.toBeInstanceOf(ConflictError);
    const failed = await outbox.update({ ...claimed, status: 'Failed', lastError: '429 Too Many Requests', nextAttemptAt: '2026-07-01T00:05:00Z' });
    expect((await outbox.due('2026-07-01T00:01:00Z')).items).toEqual([]);
    expect((await outbox.due('2026-07-01T00:06:00Z')).items).toHaveLength(1);
    await outbox.update({ ...failed, status: 'Posted', messageId: '1700000000000', postedAt: '2026-07-01T00:06:00Z' });
    expect((await outbox.get(card.idempotencyKey))).toMatchObject({ status: 'Posted', messageId: '1700000000000', attempts: 1 });
  });
});

describe('rollups, as the site owner who writes them', () => {
  // The Rollups list is written by site owners only (issue 19); the members' refusal is in tests/security.
  beforeEach(() => hub.server.setUser('admin'));
  afterEach(() => hub.server.setUser('officer'));

  it('saves rollups by key in batches (again = no change) and reads them by period and theme', async () => {
    const { rollups } = hub.data;
    const rows = ['2026-06-30', '2026-09-30'].flatMap((periodEnd) =>
      (['environment', 'growth-skills-employment'] as const).map((themeId) => ({
        procurementReference: 'D-1',
        periodEnd,
        themeId,
        authorityId: 'wmca',
        supplierName: 'Tame Valley Facilities Ltd (fictional)',
        committedPence: 2_940_000,
        reportedPence: 0,
        verifiedPence: themeId === 'environment' ? 294_000 : 0,
      })),
    );
    expect(await rollups.saveMany(rows)).toEqual({ ok: true, saved: 4, failed: [] });
    expect((await rollups.saveMany(rows)).ok).toBe(true);
    const q2 = await rollups.query({ periodFrom: '2026-07-01', themeId: 'environment' });
    expect(q2.items).toHaveLength(1);
    expect(q2.items[0]).toMatchObject({ periodEnd: '2026-09-30', verifiedPence: 294_000 });
    expect((await rollups.query({ procurementReference: 'D-1' })).items).toHaveLength(4);
  });

  it('keeps one list item per procurement and quarter; saving one theme leaves the quarter\'s other themes as they were', async () => {
    const { rollups } = hub.data;
    const base = { procurementReference: 'D-2', periodEnd: '2026-06-30', authorityId: 'dudley', committedPence: 100, reportedPence: 20, verifiedPence: 30 };
    await rollups.saveMany([
      { ...base, themeId: 'environment' },
      { ...base, themeId: 'local-businesses', committedPence: 0, reportedPence: 0, verifiedPence: 0 },
    ]);
    await rollups.saveMany([{ ...base, themeId: 'environment', verifiedPence: 75 }]);
    const rows = (await rollups.query({ procurementReference: 'D-2' })).items;
    expect(rows.map((r) => [r.themeId, r.committedPence, r.reportedPence, r.verifiedPence])).toEqual([
      ['local-businesses', 0, 0, 0],
      ['environment', 100, 20, 75],
    ]);
    // One item carries both themes, with totals a manager can read in the list.
    const items = await hub.sp.web.lists.getByTitle('Rollups').items.filter("ProcurementRef eq 'D-2'")();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ RollupKey: 'D-2|2026-06-30', Themes: ['local-businesses', 'environment'], EnvironmentVerified: 75, VerifiedPence: 75, CommittedPence: 100, GrowthVerified: null });
  });

});

describe('people', () => {
  it('knows the signed-in user and resolves people by email', async () => {
    const me = await hub.data.users.current();
    expect(me).toMatchObject({ email: OFFICER.email, displayName: OFFICER.displayName });
    expect((await hub.data.users.ensure(MANAGER.email)).displayName).toBe(MANAGER.displayName);
    await expect(hub.data.users.ensure('someone@not-here.example')).rejects.toMatchObject({ kind: 'not-found' });
  });
});
