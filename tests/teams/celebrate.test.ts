// Celebrate a verified outcome: one success card per outcome log, and its message id on the log.
import { DEMO_TASKFORCE_CHANNEL_ID, DEMO_TEAM_ID } from '../../local/graph';
import { ConflictError, Stored } from '../../src/data';
import type { OutcomeLog as DomainOutcomeLog } from '../../src/domain';
import { buildSuccessCard } from '../../src/teams/cards';
import { celebrateOutcome, CelebrateRequest } from '../../src/teams/posting';
import { startGraphSink, StartedGraphSink } from '../support/graphSink';
import { MemoryOutbox } from './memoryOutbox';

type Log = Stored<DomainOutcomeLog>;

/** Outcome logs with ETags, like the OutcomeLogs list. */
class MemoryOutcomes {
  public rows = new Map<number, Log>();

  public async get(id: number): Promise<Log | undefined> {
    const row = this.rows.get(id);
    return row ? { ...row } : undefined;
  }

  public async update(log: Log): Promise<Log> {
    await new Promise((resolve) => setImmediate(resolve));
    const current = this.rows.get(log.id)!;
    if (current.etag !== log.etag) throw new ConflictError('The outcome log', { status: 412 });
    const saved = { ...log, etag: `"${Number(current.etag.replace(/"/g, '')) + 1}"` };
    this.rows.set(log.id, saved);
    return { ...saved };
  }
}

const verified: Log = {
  id: 7,
  etag: '"3"',
  procurementReference: 'WMCA-2026-0042',
  measureCode: 'GSE-03',
  periodEnd: '2026-06-30',
  quantity: 104,
  valuePence: 3_456_789,
  reportedBy: 'priya.sandhu@svhub.example',
  verification: 'Verified',
  verifiedBy: 'daniel.hughes@svhub.example',
};

let started: StartedGraphSink;
let outcomes: MemoryOutcomes;
let outbox: MemoryOutbox;

beforeEach(async () => {
  started = await startGraphSink();
  outcomes = new MemoryOutcomes();
  outcomes.rows.set(verified.id, { ...verified });
  outbox = new MemoryOutbox();
});

afterEach(() => started.close());

function request(log: Log = verified): CelebrateRequest {
  return {
    graph: started.client(),
    outbox,
    outcomes,
    log,
    teamId: DEMO_TEAM_ID,
    channelId: DEMO_TASKFORCE_CHANNEL_ID,
    card: buildSuccessCard({
      procurement: { reference: log.procurementReference, title: 'Bus shelters' },
      supplier: { name: 'Shelter Works CIC', isSme: true, isVcse: true },
      themeId: 'growth-skills-employment',
      measure: { code: log.measureCode, text: 'Apprenticeship weeks', unit: 'weeks' },
      outcome: { quantity: log.quantity, valuePence: log.valuePence, periodEnd: log.periodEnd },
      verifiedBy: 'Daniel Hughes',
      hubTab: { appId: 'app', entityId: 'socialvaluehub' },
    }),
    options: { baseDelayMs: 0, sleep: () => Promise.resolve() },
  };
}

test('posts once and writes the message id on the outcome log, even when the log changed meanwhile', async () => {
  // Someone corrected the notes after this officer loaded the log: the id still lands, on their version.
  outcomes.rows.set(verified.id, { ...verified, etag: '"4"', evidenceNotes: 'Corrected' });
  const result = await celebrateOutcome(request());
  expect(result.status).toBe('posted');
  const messages = started.sink.messages(DEMO_TEAM_ID, DEMO_TASKFORCE_CHANNEL_ID);
  expect(messages).toHaveLength(1);
  const saved = outcomes.rows.get(verified.id)!;
  expect(saved.celebratedMessageId).toBe(messages[0].id);
  expect(saved.evidenceNotes).toBe('Corrected');
  expect(outbox.all()[0].idempotencyKey).toBe('success|WMCA-2026-0042|GSE-03|2026-06-30');

  const again = await celebrateOutcome(request(saved));
  expect(again).toMatchObject({ status: 'posted', alreadyPosted: true, messageId: messages[0].id });
  expect(started.sink.messages(DEMO_TEAM_ID, DEMO_TASKFORCE_CHANNEL_ID)).toHaveLength(1);
});

test('only a verified outcome can be celebrated', async () => {
  const reported: Log = { ...verified, verification: 'Reported' };
  await expect(celebrateOutcome(request(reported))).rejects.toThrow(/verified/);
  expect(outbox.all()).toHaveLength(0);
});
