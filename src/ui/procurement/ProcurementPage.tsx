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
import * as strings from 'SocialValueHubStrings';
import { THEMES, allowedTransitions, canApprove, contractTypeLabel, mayMoveWithoutRecord, regimeLabel } from '../../domain';
import type { OutcomeLog, ProcurementStatus } from '../../domain';
import type { HubData, Stored } from '../../app/hubData';
import { useAction } from '../common/useAction';
import { ErrorNotice } from '../common/ErrorNotice';
import { StatusBadge } from '../common/StatusBadge';
import { authorityName, dateTime, longDate, money, tierLabel, weightingText } from '../common/labels';
import { useAsync } from '../common/useAsync';
import { useEditionInForce } from '../editionInForce';
import { format } from '../../loc/format';
import type { CurrentUser } from '../services';
import { saveFile } from '../common/download';
import { DeliverySection } from '../delivery';
import { CelebrateDialog } from '../celebrate/CelebrateDialog';
import type { GraphClientLike } from '../../app/taskforceChannel';
import { decideApproval } from '../../app/approval';
import { moveTo } from '../../app/procurementWorkflow';

export interface ProcurementPageProps {
  data: HubData;
  graph?: GraphClientLike;
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

// From award the delivery section shows the action plan as the editable delivery plan.
const DELIVERY_STATUSES: readonly ProcurementStatus[] = ['Awarded', 'In delivery', 'Closed'];

// Statuses in which the officer edits the decision through the guide.
const EDITABLE: readonly ProcurementStatus[] = ['Draft', 'Rejected', 'Approved', 'Tendering'];

/** Everything about one procurement, its status history, and the actions its status allows. */
export function ProcurementPage({ data, graph, user, reference, onEdit, onBack }: ProcurementPageProps): React.ReactElement {
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
  const action = useAction();
  const { busy, error: actionError } = action;
  const [comments, setComments] = React.useState('');
  const [celebrating, setCelebrating] = React.useState<Stored<OutcomeLog> | undefined>();
  // Bumped when a celebration closes: the delivery section reads its logs again, so a celebrated outcome
  // shows its post at once and offers no second one.
  const [deliveryRevision, setDeliveryRevision] = React.useState(0);
  const policy = useEditionInForce();

  if (loaded.loading && !loaded.value) return <Spinner label={strings.Procurement.Opening} />;
  if (loaded.error !== undefined) return <ErrorNotice title={strings.Procurement.CouldNotOpen} error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.value) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{format(strings.Procurement.NotFound, reference)}</MessageBarBody>
      </MessageBar>
    );
  }
  const { procurement: p, history, actions } = loaded.value;
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    const done = await action.run(async () => {
      await work();
      return true;
    });
    if (done) {
      setComments('');
      loaded.reload();
    }
  };
  const downloadTenderPack = (): Promise<void | undefined> =>
    action.run(async () => {
      // The pack states the weighting against the edition in force: not against a guessed one.
      if (policy.error !== undefined) throw policy.error;
      // Loaded on demand: docx is only fetched when someone asks for a pack.
      const [{ tenderPackFile }, measures] = await Promise.all([
        import(/* webpackChunkName: 'tender-pack' */ '../../documents/tenderPack'),
        data.measures.list(),
      ]);
      const file = await tenderPackFile(p, { measures, edition: policy.editionFor(p.authorityId, p.decisionDate) });
      saveFile(file.bytes, file.fileName, file.mediaType);
    });
  const officerMoves = allowedTransitions(p.status).filter(
    (t) =>
      t.actor === 'officer' &&
      (t.action === 'withdraw' || t.action === 'recall' || t.action === 'start-tendering' || t.action === 'revise') &&
      // A status the Approvals list does not back goes no further (domain approvalRecord).
      (!p.approvalNotOnRecord || mayMoveWithoutRecord(t.to)),
  );
  const mayApprove = canApprove(p, user.email);
  // A decision not yet approved is worked out again under a newer edition when it is next edited.
  const decidedUnder = p.tierDecision?.policyEditionId;
  const editionNow = policy.editionFor(p.authorityId, p.decisionDate).id;
  const editionChanged = !policy.loading && decidedUnder !== undefined && decidedUnder !== editionNow && (p.status === 'Draft' || p.status === 'Rejected');

  return (
    <article aria-labelledby="procurement-heading">
      <Button appearance="subtle" onClick={onBack}>
        {strings.Procurement.BackToRegister}
      </Button>
      <h2 id="procurement-heading">
        {p.reference}: {p.title}
      </h2>
      <StatusBadge status={p.status} />

      <div className={styles.actions}>
        {EDITABLE.indexOf(p.status) >= 0 && (
          <Button appearance="primary" onClick={() => onEdit(p.reference)} disabled={busy}>
            {p.status === 'Draft' ? strings.Procurement.EditDraft : strings.Procurement.EditDecision}
          </Button>
        )}
        {p.status === 'Draft' && (
          <Button onClick={() => onEdit(p.reference)} disabled={busy}>
            {strings.Procurement.ContinueToSubmit}
          </Button>
        )}
        <Button onClick={() => downloadTenderPack()} disabled={busy || policy.loading}>
          {strings.Procurement.DownloadTenderPack}
        </Button>
        {officerMoves.map((t) => (
          <Button key={t.action} onClick={() => run(() => moveTo(data, p, t.to))} disabled={busy}>
            {t.label}
          </Button>
        ))}
      </div>
      {actionError !== undefined && <ErrorNotice title={strings.Common.ThatDidNotWork} error={actionError} />}

      {p.status === 'Awaiting approval' && (
        <section className={styles.panel} aria-labelledby="approval-heading">
          <h3 id="approval-heading">{strings.Procurement.Approval}</h3>
          <Text as="p" block>
            {format(strings.Procurement.WaitingFor, p.approverEmail ?? strings.Procurement.AnApprover)}
          </Text>
          {mayApprove ? (
            <>
              <Field label={strings.Procurement.Comments} hint={strings.Procurement.CommentsHint}>
                <Textarea value={comments} onChange={(_, d) => setComments(d.value)} rows={3} />
              </Field>
              <div className={styles.actions}>
                <Button appearance="primary" disabled={busy} onClick={() => run(() => decideApproval(data, p, user, 'Approved', comments, new Date()))}>
                  {strings.Procurement.Approve}
                </Button>
                <Button disabled={busy} onClick={() => run(() => decideApproval(data, p, user, 'Rejected', comments, new Date()))}>
                  {strings.Procurement.Reject}
                </Button>
              </div>
            </>
          ) : (
            <Text as="p" block size={200}>
              {p.leadOfficer.email.toLowerCase() === user.email.toLowerCase() || (p.submittedByEmail ?? '').toLowerCase() === user.email.toLowerCase()
                ? strings.Procurement.OwnProcurement
                : strings.Procurement.OnlyNamedApprover}
            </Text>
          )}
        </section>
      )}
      {p.approvalNotOnRecord !== undefined && (
        <MessageBar intent="warning" className={styles.panel}>
          <MessageBarBody>
            <MessageBarTitle>{strings.Procurement.ApprovalNotOnRecord}</MessageBarTitle>
            {format(strings.Procurement.ApprovalNotOnRecordHelp, p.status, p.approvalNotOnRecord)}
          </MessageBarBody>
        </MessageBar>
      )}
      {p.approvalOutcome && (
        <MessageBar intent={p.approvalOutcome === 'Approved' ? 'success' : 'error'} className={styles.panel}>
          <MessageBarBody>
            <MessageBarTitle>
              {format(strings.Procurement.DecidedBy, p.approvalOutcome, p.approvedByName || p.approvedByEmail || '', dateTime(p.approvedAt))}
            </MessageBarTitle>
            {p.approvalComments}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.panel} aria-labelledby="facts-heading">
        <h3 id="facts-heading">{strings.Procurement.TheDecision}</h3>
        <dl className={styles.facts}>
          <dt className={styles.term}>{strings.Procurement.Authority}</dt>
          <dd className={styles.detail}>{authorityName(p.authorityId)}{p.directorate ? `, ${p.directorate}` : ''}</dd>
          <dt className={styles.term}>{strings.Procurement.LeadOfficer}</dt>
          <dd className={styles.detail}>{p.leadOfficer.displayName} ({p.leadOfficer.email})</dd>
          <dt className={styles.term}>{strings.Procurement.Contract}</dt>
          <dd className={styles.detail}>
            {format(strings.Procurement.ContractLine, contractTypeLabel(p.contractType), regimeLabel(p.regime), p.durationMonths)}
          </dd>
          <dt className={styles.term}>{strings.Procurement.Value}</dt>
          <dd className={styles.detail}>{format(strings.Review.IncVat, money(p.estimatedValuePence))}</dd>
          <dt className={styles.term}>{strings.Procurement.DecisionDate}</dt>
          <dd className={styles.detail}>{longDate(p.decisionDate)}</dd>
          <dt className={styles.term}>{strings.Procurement.Tier}</dt>
          <dd className={styles.detail}>
            {tierLabel(p.tierDecision?.tier)}
            {p.tierDecision && format(strings.Procurement.TierDetail, money(p.tierDecision.thresholdPence), longDate(p.tierDecision.thresholdEffectiveFrom), p.tierDecision.policyEditionId)}
            {editionChanged && (
              <Text as="p" block size={200}>
                {format(strings.Procurement.EditionChanged, decidedUnder ?? '', editionNow)}
              </Text>
            )}
          </dd>
          <dt className={styles.term}>{strings.Procurement.Themes}</dt>
          <dd className={styles.detail}>{THEMES.filter((t) => p.themeIds.indexOf(t.id) >= 0).map((t) => t.label).join('; ') || strings.Common.NotRecorded}</dd>
          <dt className={styles.term}>{strings.Procurement.Measures}</dt>
          <dd className={styles.detail}>
            {(p.measureTargets ?? []).map((t) => `${t.measureCode} × ${t.targetQuantity}`).join(', ') || strings.Common.NotRecorded}
          </dd>
          <dt className={styles.term}>{strings.Procurement.Weighting}</dt>
          <dd className={styles.detail}>
            {weightingText(p.weighting)}
            {p.weighting.essentialCriteria?.length ? `: ${p.weighting.essentialCriteria.join('; ')}` : ''}
          </dd>
          <dt className={styles.term}>{strings.Procurement.Justification}</dt>
          <dd className={styles.detail}>{p.weighting.justification ?? strings.Common.NotRecorded}</dd>
        </dl>
      </section>

      <DeliverySection data={data} user={user} procurement={p} onChanged={loaded.reload} onCelebrate={setCelebrating} revision={deliveryRevision} />
      {celebrating && (
        <CelebrateDialog
          data={data}
          graph={graph}
          log={celebrating}
          verifierName={user.displayName}
          onClose={() => {
            setCelebrating(undefined);
            setDeliveryRevision((r) => r + 1);
          }}
        />
      )}

      {actions.length > 0 && !DELIVERY_STATUSES.includes(p.status) && (
        <section className={styles.panel} aria-labelledby="plan-heading">
          <h3 id="plan-heading">{strings.Procurement.ActionPlan}</h3>
          <ol>
            {actions.map((a) => (
              <li key={a.id ?? a.action}>
                {format(strings.Procurement.ActionLine, a.action, a.ownerName, longDate(a.dueDate), a.status)}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className={styles.panel} aria-labelledby="history-heading">
        <h3 id="history-heading">{strings.Procurement.StatusHistory}</h3>
        <ol>
          {history.map((h, i) => (
            <li key={i}>
              {format(strings.Procurement.HistoryLine, h.status, dateTime(h.at))}
              {h.byName || h.byEmail ? format(strings.Procurement.HistoryBy, h.byName ?? h.byEmail ?? '') : ''}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
