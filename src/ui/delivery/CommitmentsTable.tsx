// Tracking: committed vs delivered per commitment, with a progress bar that says its figures in words,
// the RAG status and its reason (the domain's commitmentProgress, counting verified outcomes only), and
// what is reported but still awaiting verification, shown separately.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import {
  Field,
  ProgressBar,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ResponsiveTable } from '../common/ResponsiveTable';
import { DELIVERY_BASIS, RAG_RULE, commitmentProgress, committedByTheme, deliveredByTheme } from '../../domain';
import type { Commitment, IsoDate, Measure, OutcomeLog } from '../../domain';
import { longDate, money } from '../common/labels';
import { format } from '../../loc/format';
import { RagBadge, measureName, proxyText, quantityText } from './deliveryLabels';

const S = strings.Delivery;

export interface CommitmentsTableProps {
  commitments: readonly Commitment[];
  logs: readonly OutcomeLog[];
  library: readonly Measure[];
  contractStart?: IsoDate;
  asOf: IsoDate;
}

const useStyles = makeStyles({
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  reason: { display: 'block', marginTop: tokens.spacingVerticalXS },
  themes: { marginTop: tokens.spacingVerticalM },
});

export function CommitmentsTable({ commitments, logs, library, contractStart, asOf }: CommitmentsTableProps): React.ReactElement {
  const styles = useStyles();
  if (commitments.length === 0) return <Text as="p" block>{S.NoCommitmentsAtAward}</Text>;
  const committed = committedByTheme(commitments);
  const verified = deliveredByTheme(logs, DELIVERY_BASIS);
  return (
    <>
      <ResponsiveTable aria-label={S.CommitmentsTable}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{S.Measure}</TableHeaderCell>
            <TableHeaderCell>{S.Committed}</TableHeaderCell>
            <TableHeaderCell>{S.DeliveredVerified}</TableHeaderCell>
            <TableHeaderCell>{S.Awaiting}</TableHeaderCell>
            <TableHeaderCell>{S.Status}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {commitments.map((c) => {
            const pr = commitmentProgress(c, logs, asOf, { basis: DELIVERY_BASIS, contractStart });
            const label = measureName(c.measureCode, library);
            return (
              <TableRow key={c.measureCode}>
                <TableCell>
                  {label}
                  <Text size={200} className={styles.reason}>
                    {format(S.ProxyLocked, proxyText(c.proxyPenceLocked, c.unit, c.proxyEdition))}
                  </Text>
                </TableCell>
                <TableCell>
                  {format(S.CommittedBy, quantityText(c.targetQuantity, c.unit), longDate(c.dueDate))}
                  {pr.committedValuePence !== undefined && <Text size={200} className={styles.reason}>{format(S.WorthValue, money(pr.committedValuePence))}</Text>}
                </TableCell>
                <TableCell>
                  <Field
                    label={format(S.ProgressLabel, c.measureCode, quantityText(pr.verifiedQuantity, c.unit), quantityText(c.targetQuantity, c.unit), pr.percentDelivered)}
                    hint={pr.verifiedValuePence !== undefined ? format(S.VerifiedValue, money(pr.verifiedValuePence)) : S.RecordOnlyValue}
                  >
                    <ProgressBar value={Math.min(1, pr.percentDelivered / 100)} max={1} thickness="large" color={pr.rag === 'Red' ? 'error' : pr.rag === 'Amber' ? 'warning' : 'success'} />
                  </Field>
                </TableCell>
                <TableCell>{pr.awaitingVerificationQuantity > 0 ? quantityText(pr.awaitingVerificationQuantity, c.unit) : S.None}</TableCell>
                <TableCell>
                  <RagBadge rag={pr.rag} />
                  {pr.overdue && <span className={styles.overdue}> Overdue</span>}
                  <Text size={200} className={styles.reason}>
                    {pr.ragReason}
                  </Text>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </ResponsiveTable>
      <details>
        <summary>{S.RagHow}</summary>
        <Text as="p" block>
          {RAG_RULE.summary}
        </Text>
        <ul>
          {RAG_RULE.lines
            .filter((l) => !/^Delivery counts/.test(l))
            .map((l) => (
              <li key={l}>{l}</li>
            ))}
          <li>{S.RagVerifiedOnly}</li>
        </ul>
      </details>
      <ResponsiveTable aria-label={S.ThemesTable} className={styles.themes}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{S.Theme}</TableHeaderCell>
            <TableHeaderCell>{S.Committed}</TableHeaderCell>
            <TableHeaderCell>{S.VerifiedDelivered}</TableHeaderCell>
            <TableHeaderCell>{S.ShareOfVerified}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {committed.themes
            .filter((t, i) => t.itemCount > 0 || verified.themes[i].itemCount > 0)
            .map((t) => {
              const v = verified.themes.filter((x) => x.themeId === t.themeId)[0];
              // A theme committed only in record-only measures (jobs, apprenticeships) has no £ to show: "£0" would
              // read as nothing delivered. Its quantities are in the table above.
              const recordOnly = t.itemCount > 0 && t.recordOnlyCount === t.itemCount;
              return (
                <TableRow key={t.themeId}>
                  <TableCell>{t.label}</TableCell>
                  <TableCell>{recordOnly ? S.RecordOnlyValue : money(t.valuePence)}</TableCell>
                  <TableCell>{recordOnly ? S.RecordOnlyValue : money(v.valuePence)}</TableCell>
                  <TableCell>{recordOnly ? strings.Common.NotRecorded : `${v.sharePercent}%`}</TableCell>
                </TableRow>
              );
            })}
        </TableBody>
      </ResponsiveTable>
    </>
  );
}
