// Verification: an approver checks each reported outcome's evidence and verifies it or rejects it with a
// reason. Only verified outcomes count as delivered. The person who reported an outcome cannot verify
// it (the domain's verifyOutcome refuses), nor can anyone SharePoint does not let add a verification (the
// Verifications list is the Approvers group's): the screen says so instead of offering the buttons.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import { Button, Card, Field, Link, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { isReporter, measureByCode, periodLabel, verifierShown } from '../../domain';
import type { Measure, OutcomeLog } from '../../domain';
import type { HubData, Stored } from '../../app/hubData';
import { useAction } from '../common/useAction';
import { ErrorNotice } from '../common/ErrorNotice';
import { dateTime, money } from '../common/labels';
import { useAsync } from '../common/useAsync';
import type { CurrentUser } from '../services';
import { allPages } from '../../app/hubData';
import { rejectLog, verifyLog } from '../../app/outcomes';
import { format } from '../../loc/format';
import { measureName, quantityText } from './deliveryLabels';

const S = strings.Delivery;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: 0, listStyleType: 'none' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  // minmax(0, 1fr): a long evidence link wraps inside the column instead of widening the page on a phone.
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
});

/** Verify / reject buttons for one reported log, with the rejection reason. */
export function VerifyControls({
  data,
  user,
  log,
  onDone,
  onVerified,
}: {
  data: HubData;
  user: CurrentUser;
  log: Stored<OutcomeLog>;
  onDone: () => void;
  onVerified?: (log: Stored<OutcomeLog>) => void;
}): React.ReactElement {
  const styles = useStyles();
  const [reason, setReason] = React.useState('');
  const { busy, error: failure, run: act } = useAction();
  if (user.canVerify === false) return <Text as="p" block>{S.NotAVerifier}</Text>;
  if (isReporter(log.reportedBy, user.email)) {
    return <Text as="p" block>{S.SelfReported}</Text>;
  }
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    const done = await act(async () => {
      await work();
      return true;
    });
    if (done) onDone();
  };
  const what = format(S.LogWhat, log.measureCode, periodLabel(log.periodEnd));
  // Not onVerified?.(await verifyLog(…)): an optional call skips its arguments when there is no callback.
  const verify = async (): Promise<void> => {
    const saved = await verifyLog(data, log, user, new Date());
    onVerified?.(saved);
  };
  return (
    <div>
      <Field label={format(S.RejectReason, what)} hint={S.RejectHint}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} rows={2} />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => run(verify)} aria-label={format(S.VerifyLabel, what)}>
          {S.Verify}
        </Button>
        <Button disabled={busy} onClick={() => run(() => rejectLog(data, log, user, reason, new Date()))} aria-label={format(S.RejectLabel, what)}>
          {S.Reject}
        </Button>
      </div>
      {failure !== undefined && <ErrorNotice title={S.Failed} error={failure} />}
    </div>
  );
}

/** What a log says: quantity in its unit, its £ at the locked proxy, evidence, who reported it and when. */
export function LogFacts({ log, library }: { log: OutcomeLog; library: readonly Measure[] }): React.ReactElement {
  const styles = useStyles();
  const m = measureByCode(log.measureCode, library);
  return (
    <dl className={styles.facts}>
      <dt className={styles.term}>{S.Delivered}</dt>
      <dd className={styles.detail}>
        {m ? quantityText(log.quantity, m.unit) : log.quantity}
        {log.valuePence !== undefined ? format(S.Worth, money(log.valuePence)) : S.RecordOnly}
      </dd>
      <dt className={styles.term}>{S.Evidence}</dt>
      <dd className={styles.detail}>
        {log.evidenceUrl && (/^https?:\/\//i.test(log.evidenceUrl) ? (
          <Link href={log.evidenceUrl} target="_blank" rel="noopener noreferrer">
            {log.evidenceUrl}
          </Link>
        ) : (
          log.evidenceUrl
        ))}
        {log.evidenceUrl && log.evidenceNotes ? ' — ' : ''}
        {log.evidenceNotes}
      </dd>
      <dt className={styles.term}>{S.ReportedBy}</dt>
      <dd className={styles.detail}>
        {log.reportedBy}
        {log.reportedAt ? `, ${dateTime(log.reportedAt)}` : ''}
      </dd>
      {log.verification !== 'Reported' && (
        <>
          <dt className={styles.term}>{format(S.DecidedBy, log.verification)}</dt>
          <dd className={styles.detail}>
            {verifierShown(log)}
            {log.verifiedAt ? `, ${dateTime(log.verifiedAt)}` : ''}
            {log.rejectionReason ? `: ${log.rejectionReason}` : ''}
          </dd>
        </>
      )}
    </dl>
  );
}

export interface VerificationQueueProps {
  data: HubData;
  user: CurrentUser;
  /** Opens a procurement's page. */
  onOpen: (reference: string) => void;
  /** Called with each log once verified (e.g. to celebrate it in the taskforce channel). */
  onVerified?: (log: Stored<OutcomeLog>) => void;
}

/** Every outcome reported and awaiting verification, oldest period first, across all contracts. */
export function VerificationQueue({ data, user, onOpen, onVerified }: VerificationQueueProps): React.ReactElement {
  const styles = useStyles();
  const loaded = useAsync(async () => {
    const [logs, library] = await Promise.all([
      allPages((pageToken) => data.outcomes.query({ verification: 'Reported', pageSize: 200, pageToken }), 10),
      data.measures.list(),
    ]);
    return { logs: logs.slice().sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : a.procurementReference.localeCompare(b.procurementReference))), library };
  }, [data]);
  // Someone SharePoint does not let verify reads the queue: said once, not on every outcome.
  const reader = user.canVerify === false;
  return (
    <section aria-labelledby="verification-heading">
      <h2 id="verification-heading">{S.QueueTitle}</h2>
      <Text as="p" block>
        {reader ? S.QueueIntroReader : S.QueueIntro}
      </Text>
      {loaded.error !== undefined && <ErrorNotice title={S.QueueLoadFailed} error={loaded.error} onRetry={loaded.reload} />}
      {loaded.loading && !loaded.value && <Spinner label={S.QueueLoading} />}
      {loaded.value && loaded.value.logs.length === 0 && <Text as="p" block>{S.QueueEmpty}</Text>}
      {loaded.value && loaded.value.logs.length > 0 && (
        <ul className={styles.list} aria-label={S.QueueList}>
          {loaded.value.logs.map((log) => (
            <li key={`${log.id}-${log.etag}`}>
              <Card>
                <Text weight="semibold" as="h3">
                  <Link onClick={() => onOpen(log.procurementReference)}>{log.procurementReference}</Link>: {measureName(log.measureCode, loaded.value!.library)} — {periodLabel(log.periodEnd)}
                </Text>
                <LogFacts log={log} library={loaded.value!.library} />
                {!reader && <VerifyControls data={data} user={user} log={log} onDone={loaded.reload} onVerified={onVerified} />}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
