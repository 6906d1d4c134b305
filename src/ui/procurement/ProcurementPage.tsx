import * as React from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { THEMES, allowedTransitions, canApprove, contractTypeLabel, regimeLabel } from '../../domain';
import type { ProcurementStatus } from '../../domain';
import type { HubData } from '../../data/ports';
import { ErrorNotice } from '../common/ErrorNotice';
import { StatusBadge } from '../common/StatusBadge';
import { authorityName, dateTime, longDate, money, tierLabel, weightingText } from '../common/labels';
import { useAsync } from '../common/useAsync';
import type { CurrentUser } from '../services';
import { saveFile } from '../common/download';
import { decideApproval, moveTo } from './procurementActions';

export interface ProcurementPageProps {
  data: HubData;
  user: CurrentUser;
  reference: string;
  onEdit: (reference: string) => void;
  onBack: () => void;
}

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalM },
  panel: { marginTop: tokens.spacingVerticalL },
});

// Statuses in which the officer edits the decision through the guide.
const EDITABLE: readonly ProcurementStatus[] = ['Draft', 'Rejected', 'Approved', 'Tendering'];

/** Everything about one procurement, its status history, and the actions its status allows. */
export function ProcurementPage({ data, user, reference, onEdit, onBack }: ProcurementPageProps): React.ReactElement {
  const styles = useStyles();
  const loaded = useAsync(async () => {
    const procurement = await data.procurements.get(reference);
    if (!procurement) return undefined;
    const [history, actions] = await Promise.all([
      procurement.id ? data.procurements.statusHistory(procurement.id) : Promise.resolve([]),
      data.actionPlan.listForProcurement(reference),
    ]);
    return { procurement, history, actions };
  }, [data, reference]);
  const [busy, setBusy] = React.useState(false);
  const [actionError, setActionError] = React.useState<unknown>(undefined);
  const [comments, setComments] = React.useState('');

  if (loaded.loading && !loaded.value) return <Spinner label="Opening the procurement…" />;
  if (loaded.error !== undefined) return <ErrorNotice title="The procurement could not be opened" error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.value) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>There is no procurement with the reference {reference}.</MessageBarBody>
      </MessageBar>
    );
  }
  const { procurement: p, history, actions } = loaded.value;
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setActionError(undefined);
    try {
      await work();
      setComments('');
      loaded.reload();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  };
  const downloadTenderPack = async (): Promise<void> => {
    setBusy(true);
    setActionError(undefined);
    try {
      // Loaded on demand: docx is only fetched when someone asks for a pack.
      const [{ tenderPackFile }, measures] = await Promise.all([
        import(/* webpackChunkName: 'tender-pack' */ '../../tenderPack'),
        data.measures.list(),
      ]);
      const file = await tenderPackFile(p, { measures });
      saveFile(file.bytes, file.fileName, file.mediaType);
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  };
  const officerMoves = allowedTransitions(p.status).filter(
    (t) => t.actor === 'officer' && (t.action === 'withdraw' || t.action === 'recall' || t.action === 'start-tendering' || t.action === 'revise'),
  );
  const mayApprove = canApprove(p, user.email);

  return (
    <article aria-labelledby="procurement-heading">
      <Button appearance="subtle" onClick={onBack}>
        Back to the register
      </Button>
      <h2 id="procurement-heading">
        {p.reference}: {p.title}
      </h2>
      <StatusBadge status={p.status} />

      <div className={styles.actions}>
        {EDITABLE.indexOf(p.status) >= 0 && (
          <Button appearance="primary" onClick={() => onEdit(p.reference)} disabled={busy}>
            {p.status === 'Draft' ? 'Edit draft' : 'Edit decision'}
          </Button>
        )}
        {p.status === 'Draft' && (
          <Button onClick={() => onEdit(p.reference)} disabled={busy}>
            Continue to submit
          </Button>
        )}
        <Button onClick={() => downloadTenderPack()} disabled={busy}>
          Download tender pack
        </Button>
        {officerMoves.map((t) => (
          <Button key={t.action} onClick={() => run(() => moveTo(data, p, t.to))} disabled={busy}>
            {t.label}
          </Button>
        ))}
      </div>
      {actionError !== undefined && <ErrorNotice title="That did not work" error={actionError} />}

      {p.status === 'Awaiting approval' && (
        <section className={styles.panel} aria-labelledby="approval-heading">
          <h3 id="approval-heading">Approval</h3>
          <Text as="p" block>
            Waiting for {p.approverEmail ?? 'an approver'} to approve the weighting decision in the Teams Approvals app.
          </Text>
          {mayApprove ? (
            <>
              <Field label="Comments for the officer" hint="Required when you reject.">
                <Textarea value={comments} onChange={(_, d) => setComments(d.value)} rows={3} />
              </Field>
              <div className={styles.actions}>
                <Button appearance="primary" disabled={busy} onClick={() => run(() => decideApproval(data, p, user, 'Approved', comments, new Date()))}>
                  Approve
                </Button>
                <Button disabled={busy} onClick={() => run(() => decideApproval(data, p, user, 'Rejected', comments, new Date()))}>
                  Reject
                </Button>
              </div>
            </>
          ) : (
            <Text as="p" size={200}>
              {p.leadOfficer.email.toLowerCase() === user.email.toLowerCase() || (p.submittedByEmail ?? '').toLowerCase() === user.email.toLowerCase()
                ? 'You cannot approve your own procurement.'
                : 'Only the named approver can decide.'}
            </Text>
          )}
        </section>
      )}
      {p.approvalOutcome && (
        <MessageBar intent={p.approvalOutcome === 'Approved' ? 'success' : 'error'} className={styles.panel}>
          <MessageBarBody>
            <MessageBarTitle>
              {p.approvalOutcome} by {p.approvedByEmail} on {dateTime(p.approvedAt)}
            </MessageBarTitle>
            {p.approvalComments}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.panel} aria-labelledby="facts-heading">
        <h3 id="facts-heading">The decision</h3>
        <dl className={styles.facts}>
          <dt className={styles.term}>Authority</dt>
          <dd className={styles.detail}>{authorityName(p.authorityId)}{p.directorate ? `, ${p.directorate}` : ''}</dd>
          <dt className={styles.term}>Lead officer</dt>
          <dd className={styles.detail}>{p.leadOfficer.displayName} ({p.leadOfficer.email})</dd>
          <dt className={styles.term}>Contract</dt>
          <dd className={styles.detail}>
            {contractTypeLabel(p.contractType)}, {regimeLabel(p.regime)}, {p.durationMonths} months
          </dd>
          <dt className={styles.term}>Estimated value</dt>
          <dd className={styles.detail}>{money(p.estimatedValuePence)} including VAT</dd>
          <dt className={styles.term}>Decision date</dt>
          <dd className={styles.detail}>{longDate(p.decisionDate)}</dd>
          <dt className={styles.term}>Tier</dt>
          <dd className={styles.detail}>
            {tierLabel(p.tierDecision?.tier)}
            {p.tierDecision && ` (threshold ${money(p.tierDecision.thresholdPence)} from ${longDate(p.tierDecision.thresholdEffectiveFrom)}, policy edition ${p.tierDecision.policyEditionId})`}
          </dd>
          <dt className={styles.term}>Themes</dt>
          <dd className={styles.detail}>{THEMES.filter((t) => p.themeIds.indexOf(t.id) >= 0).map((t) => t.label).join('; ') || '—'}</dd>
          <dt className={styles.term}>Measures</dt>
          <dd className={styles.detail}>
            {(p.measureTargets ?? []).map((t) => `${t.measureCode} × ${t.targetQuantity}`).join(', ') || '—'}
          </dd>
          <dt className={styles.term}>Weighting</dt>
          <dd className={styles.detail}>
            {weightingText(p.weighting)}
            {p.weighting.essentialCriteria?.length ? `: ${p.weighting.essentialCriteria.join('; ')}` : ''}
          </dd>
          <dt className={styles.term}>Justification</dt>
          <dd className={styles.detail}>{p.weighting.justification ?? '—'}</dd>
        </dl>
      </section>

      {actions.length > 0 && (
        <section className={styles.panel} aria-labelledby="plan-heading">
          <h3 id="plan-heading">Action plan</h3>
          <ol>
            {actions.map((a) => (
              <li key={a.id ?? a.action}>
                {a.action} — {a.ownerName}, due {longDate(a.dueDate)} ({a.status})
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className={styles.panel} aria-labelledby="history-heading">
        <h3 id="history-heading">Status history</h3>
        <ol>
          {history.map((h, i) => (
            <li key={i}>
              {h.status} — {dateTime(h.at)}
              {h.byName || h.byEmail ? ` by ${h.byName ?? h.byEmail}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
