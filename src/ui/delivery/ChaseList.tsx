// The "to chase this month" screen: across live contracts, supplier returns not received, commitments
// overdue or due this month and not met, and delivery-plan actions overdue or due this month.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import { Badge, Link, Spinner, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { ResponsiveTable } from '../common/ResponsiveTable';
import { addDays, compareIsoDates, periodFor, previousPeriod } from '../../domain';
import type { IsoDate } from '../../domain';
import type { HubData } from '../../app/hubData';
import { chaseList, monthEnd } from '../../domain';
import type { ChaseKind } from '../../domain';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAsync } from '../common/useAsync';
import { allPages } from '../../app/hubData';
import { todayIso } from '../../app/deliveryFigures';

export interface ChaseListProps {
  data: HubData;
  onOpen: (reference: string) => void;
  /** Today (tests pass a fixed date). */
  today?: IsoDate;
}

const S = strings.Delivery;
const KIND_LABELS: Record<ChaseKind, string> = { return: S.ChaseReturn, commitment: S.ChaseCommitment, action: S.ChaseAction };

/**
 * A few paged queries, however many contracts are live: live procurements, every commitment (ID order,
 * past 5,000), last quarter's logs (for missing returns), the actions due by the month's end, and the
 * logs of only those contracts with a commitment due by then (for its progress).
 */
export async function loadChaseList(data: HubData, today: IsoDate): Promise<ReturnType<typeof chaseList>> {
  const end = monthEnd(today);
  const quarter = previousPeriod(periodFor(today));
  const [procurements, allCommitments, quarterLogs, actions] = await Promise.all([
    allPages((pageToken) => data.procurements.query({ status: ['Awarded', 'In delivery'], pageSize: 500, pageToken }), 20),
    allPages((pageToken) => data.commitments.query({ pageSize: 500, pageToken }), 100),
    allPages((pageToken) => data.outcomes.query({ periodEnd: quarter.end, pageSize: 500, pageToken }), 100),
    allPages((pageToken) => data.actionPlan.query({ overdueOn: addDays(end, 1), pageSize: 500, pageToken }), 20),
  ]);
  const live = procurements.map((p) => p.reference);
  const commitments = allCommitments.filter((c) => live.indexOf(c.procurementReference) >= 0);
  const dueRefs = commitments.filter((c) => compareIsoDates(c.dueDate, end) <= 0).map((c) => c.procurementReference);
  const contractLogs = await Promise.all(
    dueRefs.filter((r, i) => dueRefs.indexOf(r) === i).map((ref) => allPages((pageToken) => data.outcomes.query({ procurementReference: ref, pageSize: 500, pageToken }))),
  );
  const logs = contractLogs.flat();
  const known = logs.map((l) => l.id);
  return chaseList({
    today,
    procurements,
    commitments,
    logs: logs.concat(quarterLogs.filter((l) => known.indexOf(l.id) < 0)),
    actions: actions.filter((a) => live.indexOf(a.procurementReference) >= 0),
  });
}

export function ChaseList({ data, onOpen, today }: ChaseListProps): React.ReactElement {
  const asOf = today ?? todayIso();
  const loaded = useAsync(() => loadChaseList(data, asOf), [data, asOf]);
  return (
    <section aria-labelledby="chase-heading">
      <h2 id="chase-heading">{S.ChaseTitle}</h2>
      {loaded.error !== undefined && <ErrorNotice title={S.ChaseLoadFailed} error={loaded.error} onRetry={loaded.reload} />}
      {loaded.loading && !loaded.value && <Spinner label={S.ChaseLoading} />}
      {loaded.value && loaded.value.length === 0 && <Text as="p" block>{S.ChaseEmpty}</Text>}
      {loaded.value && loaded.value.length > 0 && (
        <ResponsiveTable aria-label={S.ChaseTitle}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{S.ChaseContract}</TableHeaderCell>
              <TableHeaderCell>{S.ChaseWhat}</TableHeaderCell>
              <TableHeaderCell>{S.ChaseWhy}</TableHeaderCell>
              <TableHeaderCell>{S.ChaseWho}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {loaded.value.map((item, i) => (
              <TableRow key={i}>
                <TableCell>
                  <Link onClick={() => onOpen(item.procurementReference)}>{item.procurementReference}</Link> {item.procurementTitle}
                </TableCell>
                <TableCell>
                  <Badge appearance="outline">{KIND_LABELS[item.kind]}</Badge> {item.what}
                </TableCell>
                <TableCell>
                  {item.overdue && (
                    <Badge appearance="filled" color="danger">
                      {S.Overdue}
                    </Badge>
                  )}{' '}
                  {item.why}
                </TableCell>
                <TableCell>{item.who}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ResponsiveTable>
      )}
    </section>
  );
}
