// The delivery part of a procurement's page, for Tendering (record the award), Awarded, In delivery and
// Closed (the award, committed vs delivered, the delivery plan, outcome logs with verification,
// supplier returns). The lead mounts it on ProcurementPage; it reloads itself after its own writes and
// calls onChanged when the procurement record itself changed (award, status).
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ResponsiveTable } from '../common/ResponsiveTable';
import { allowedTransitions, duplicateOutcomes, periodLabel } from '../../domain';
import type { IsoDate, OutcomeLog, Procurement } from '../../domain';
import { SETTING_KEYS } from '../../domain';
import type { HubData, Stored } from '../../app/hubData';
import { channelMessageLink } from '../../teams/deepLinks';
import { useAction } from '../common/useAction';
import { ErrorNotice } from '../common/ErrorNotice';
import { longDate, money } from '../common/labels';
import { useAsync } from '../common/useAsync';
import type { CurrentUser } from '../services';
import { AwardPanel } from './AwardPanel';
import { CommitmentsTable } from './CommitmentsTable';
import { ContractManagement } from './ContractManagement';
import { DeliveryPlan } from './DeliveryPlan';
import { moveTo } from '../../app/procurementWorkflow';
import { logsOf, todayIso } from '../../app/deliveryFigures';
import { measureName, quantityText } from './deliveryLabels';
import { OutcomeLogPanel } from './OutcomeLogPanel';
import { SupplierReturnPanel } from './SupplierReturnPanel';
import { LogFacts, VerifyControls } from './VerificationQueue';
import { format } from '../../loc/format';

const S = strings.Delivery;

export interface DeliverySectionProps {
  data: HubData;
  user: CurrentUser;
  procurement: Stored<Procurement>;
  /** The procurement record changed (award recorded, delivery started, contract closed): reload it. */
  onChanged: () => void;
  /** Called with each log once verified (e.g. to celebrate it in the taskforce channel). */
  onVerified?: (log: Stored<OutcomeLog>) => void;
  /** Offered on verified outcomes not yet celebrated: post a success card to the taskforce channel. */
  onCelebrate?: (log: Stored<OutcomeLog>) => void;
  /** Today (tests pass a fixed date). */
  today?: IsoDate;
  /** Changes when something outside the section changed its logs (a celebration): read them again. */
  revision?: number;
}

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}` },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // The evidence column holds the facts, the reason box and the buttons: the fixed layout's equal shares
  // crushed it to a few words a line beside half-empty columns.
  narrowColumn: { width: '14%' },
  wideColumn: { width: '44%' },
});

const SHOWN = ['Tendering', 'Awarded', 'In delivery', 'Closed'];
const LOGGING = ['Awarded', 'In delivery'];

export function DeliverySection({ data, user, procurement: p, onChanged, onVerified, onCelebrate, today, revision }: DeliverySectionProps): React.ReactElement {
  const styles = useStyles();
  const asOf = today ?? todayIso();
  const loaded = useAsync(async () => {
    const [commitments, logs, actions, library, settings] = await Promise.all([
      data.commitments.listForProcurement(p.reference),
      logsOf(data, p.reference),
      data.actionPlan.listForProcurement(p.reference),
      data.measures.list(),
      data.settings.all(),
    ]);
    return { commitments, logs, actions, library, channel: { teamId: settings[SETTING_KEYS.taskforceTeamId], channelId: settings[SETTING_KEYS.taskforceChannelId] } };
  }, [data, p.reference, p.etag, revision]);
  const { busy, error: failure, run } = useAction();

  if (SHOWN.indexOf(p.status) < 0) return <></>;
  if (loaded.error !== undefined) return <ErrorNotice title={S.SectionLoadFailed} error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.value) return <Spinner label={S.SectionLoading} />;
  const { commitments, logs, actions, library, channel } = loaded.value;

  if (p.status === 'Tendering') {
    return (
      <div className={styles.section}>
        <AwardPanel data={data} user={user} procurement={p} library={library} actionPlan={actions} onAwarded={onChanged} />
      </div>
    );
  }

  const move = async (to: 'In delivery' | 'Closed'): Promise<void> => {
    if (await run(() => moveTo(data, p, to))) onChanged();
  };
  const moves = allowedTransitions(p.status).filter((t) => t.action === 'start-delivery' || t.action === 'close');
  const sortedLogs = logs.slice().sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : a.periodEnd > b.periodEnd ? -1 : a.measureCode.localeCompare(b.measureCode)));
  const unitOf = (code: string): string => commitments.filter((c) => c.measureCode === code)[0]?.unit ?? '';

  return (
    <div className={styles.section}>
      <section aria-labelledby="award-facts-heading">
        <h3 id="award-facts-heading">{S.AwardTitle}</h3>
        <dl className={styles.facts}>
          <dt className={styles.term}>{S.Supplier}</dt>
          <dd className={styles.detail}>
            {p.supplier?.name ?? '—'}
            {p.supplier &&
              ` (${[p.supplier.isSme ? S.IsSme : S.NotSme, p.supplier.isVcse ? S.IsVcse : undefined, p.supplier.isLocal ? S.IsLocal : S.NotLocal]
                .filter((x) => !!x)
                .join(', ')}${p.supplier.postcode ? `, ${p.supplier.postcode}` : ''})`}
          </dd>
          <dt className={styles.term}>{S.AwardValue}</dt>
          <dd className={styles.detail}>{format(S.IncludingVat, money(p.awardValuePence))}</dd>
          <dt className={styles.term}>{S.Contract}</dt>
          <dd className={styles.detail}>
            {format(S.DateRange, longDate(p.contractStart), longDate(p.contractEnd))}
          </dd>
        </dl>
        {moves.length > 0 && (
          <div className={styles.buttons}>
            {moves.map((t) => (
              <Button key={t.action} disabled={busy} onClick={() => move(t.to as 'In delivery' | 'Closed')}>
                {t.action === 'close' ? S.CloseContract : t.label}
              </Button>
            ))}
          </div>
        )}
        {failure !== undefined && <ErrorNotice title={S.Failed} error={failure} />}
      </section>

      <section aria-labelledby="tracking-heading">
        <h3 id="tracking-heading">{S.TrackingTitle}</h3>
        <CommitmentsTable commitments={commitments} logs={logs} library={library} contractStart={p.contractStart} asOf={asOf} />
      </section>

      <section aria-labelledby="plan-delivery-heading">
        <h3 id="plan-delivery-heading">{S.PlanTable}</h3>
        <DeliveryPlan data={data} actions={actions} asOf={asOf} readOnly={p.status === 'Closed'} onChanged={loaded.reload} />
      </section>

      <ContractManagement data={data} procurement={p} asOf={asOf} readOnly={p.status === 'Closed'} onChanged={onChanged} />

      {LOGGING.indexOf(p.status) >= 0 && (
        <OutcomeLogPanel data={data} user={user} procurement={p} commitments={commitments} logs={logs} library={library} asOf={asOf} onRecorded={loaded.reload} />
      )}

      <section aria-labelledby="logs-heading">
        <h3 id="logs-heading">{S.LogsTitle}</h3>
        {duplicateOutcomes(logs).map((group) => (
          <MessageBar key={`${group[0].measureCode}|${group[0].periodEnd}`} intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{S.CountedTwice}</MessageBarTitle>
              {format(S.CountedTwiceBody, group[0].measureCode, group.length, periodLabel(group[0].periodEnd))}
            </MessageBarBody>
          </MessageBar>
        ))}
        {sortedLogs.length === 0 ? (
          <Text as="p" block>{S.NoLogs}</Text>
        ) : (
          // Verifying and rejecting happen inside its rows (a reason box included): it needs more room than most.
          <ResponsiveTable aria-label={S.LogsTitle} stackBelow={900}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.narrowColumn}>{S.LogPeriod}</TableHeaderCell>
                <TableHeaderCell>{S.Measure}</TableHeaderCell>
                <TableHeaderCell className={styles.narrowColumn}>{S.LogQuantity}</TableHeaderCell>
                <TableHeaderCell className={styles.narrowColumn}>{S.Status}</TableHeaderCell>
                <TableHeaderCell className={styles.wideColumn}>{S.LogEvidence}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sortedLogs.map((log) => (
                <TableRow key={`${log.id}-${log.etag}`}>
                  <TableCell>{periodLabel(log.periodEnd)}</TableCell>
                  <TableCell>{measureName(log.measureCode, library)}</TableCell>
                  <TableCell>{unitOf(log.measureCode) ? quantityText(log.quantity, unitOf(log.measureCode) as Parameters<typeof quantityText>[1]) : log.quantity}</TableCell>
                  <TableCell>{log.verification === 'Reported' ? S.AwaitingStatus : log.verification}</TableCell>
                  <TableCell data-stack="full">
                    <LogFacts log={log} library={library} />
                    {log.verification === 'Reported' && <VerifyControls data={data} user={user} log={log} onDone={loaded.reload} onVerified={onVerified} />}
                    {log.verification === 'Verified' && log.celebratedMessageId && (
                      <Text block size={200}>
                        {strings.Celebrate.Celebrated}
                        {channel.teamId && channel.channelId && (
                          <>
                            {' '}
                            <Link href={channelMessageLink({ teamId: channel.teamId, channelId: channel.channelId, messageId: log.celebratedMessageId })} target="_blank" rel="noreferrer">
                              {strings.Celebrate.OpenMessage}
                            </Link>
                          </>
                        )}
                      </Text>
                    )}
                    {log.verification === 'Verified' && !log.celebratedMessageId && onCelebrate && (
                      <Button size="small" onClick={() => onCelebrate(log)}>
                        {strings.Celebrate.Button}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ResponsiveTable>
        )}
      </section>

      {LOGGING.indexOf(p.status) >= 0 && (
        <SupplierReturnPanel data={data} user={user} procurement={p} commitments={commitments} logs={logs} library={library} asOf={asOf} onImported={loaded.reload} />
      )}
    </div>
  );
}
