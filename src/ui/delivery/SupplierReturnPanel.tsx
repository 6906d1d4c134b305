// Supplier returns: download the contract's return workbook for a quarter to send to the supplier, and
// import the filled one. Every row is checked and any problem is shown against its row; nothing is
// recorded until the officer confirms, and then each figure is Reported, awaiting verification.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
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
import type { ContractContext } from './contractContext';
import type { ReturnImport } from '../../documents/supplierReturn';
import { useAction } from '../common/useAction';
import { ErrorNotice } from '../common/ErrorNotice';
import { FilePicker } from '../common/FilePicker';
import { saveFile } from '../common/download';
import { recordReturn } from '../../app/supplierReturnImport';
import { quantityText } from './deliveryLabels';
import { reportablePeriods } from './OutcomeLogPanel';
import { format } from '../../loc/format';

const S = strings.Delivery;

export interface SupplierReturnPanelProps extends ContractContext {
  onImported: () => void;
}

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  error: { color: tokens.colorPaletteRedForeground1 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function readFile(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

export function SupplierReturnPanel({ data, user, procurement: p, commitments, logs, library, asOf, onImported }: SupplierReturnPanelProps): React.ReactElement {
  const styles = useStyles();
  const periods = reportablePeriods(p, asOf);
  const [periodId, setPeriodId] = React.useState(periods[0]?.id ?? '');
  const { busy, error: failure, run: act } = useAction();
  const [checked, setChecked] = React.useState<ReturnImport | undefined>(undefined);
  const [returned, setReturned] = React.useState<ArrayBuffer | undefined>(undefined);
  const [done, setDone] = React.useState<string | undefined>(undefined);
  const period = periods.filter((x) => x.id === periodId)[0];

  const run = async (work: () => Promise<void>): Promise<void> => {
    await act(work);
  };
  const download = (): Promise<void> =>
    run(async () => {
      const { buildSupplierReturn, supplierReturnFileName, XLSX_MEDIA_TYPE } = await import(/* webpackChunkName: 'supplier-return' */ '../../documents/supplierReturn');
      const bytes = await buildSupplierReturn({ reference: p.reference, title: p.title, supplierName: p.supplier?.name ?? '', period, commitments, library });
      saveFile(bytes, supplierReturnFileName(p.reference, period), XLSX_MEDIA_TYPE);
    });
  const check = (file: File): Promise<void> =>
    run(async () => {
      setDone(undefined);
      setChecked(undefined);
      const { readSupplierReturn } = await import(/* webpackChunkName: 'supplier-return' */ '../../documents/supplierReturn');
      const bytes = await readFile(file);
      setReturned(bytes);
      setChecked(
        await readSupplierReturn(bytes, {
          reference: p.reference,
          commitments,
          library,
          existingLogs: logs,
          reportedBy: user.email,
          asOf,
          reportedAt: new Date().toISOString(),
          expectedPeriodId: periodId,
        }),
      );
    });
  const downloadProblems = (): Promise<void> =>
    run(async () => {
      if (!checked || !returned) return;
      const { annotateSupplierReturn, problemsFileName, XLSX_MEDIA_TYPE } = await import(/* webpackChunkName: 'supplier-return' */ '../../documents/supplierReturn');
      saveFile(await annotateSupplierReturn(returned, checked), problemsFileName(p.reference, checked.period), XLSX_MEDIA_TYPE);
    });
  const confirm = (): Promise<void> =>
    run(async () => {
      if (!checked) return;
      const n = await recordReturn(data, p.reference, checked.ready);
      setChecked(undefined);
      setDone(format(n === 1 ? S.ReturnRecordedOne : S.ReturnRecordedMany, n));
      onImported();
    });

  if (!period) return <Text as="p" block>{S.ReturnsNotStarted}</Text>;
  const rowErrors = checked ? checked.rows.filter((r) => r.status === 'error').length : 0;
  return (
    <section aria-labelledby="returns-heading">
      <h3 id="returns-heading">{S.ReturnsTitle}</h3>
      <div className={styles.panel}>
        <Text as="p" block>
          {S.ReturnsIntro}
        </Text>
        <div className={styles.row}>
          <Field label={S.ReturnQuarter}>
            <Select value={periodId} onChange={(_, d) => { setPeriodId(d.value); setChecked(undefined); }}>
              {periods.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label}
                </option>
              ))}
            </Select>
          </Field>
          <Button disabled={busy} onClick={() => download()}>
            {S.DownloadReturn}
          </Button>
        </div>
        <FilePicker
          label={S.ImportReturn}
          hint={S.ImportHint}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onFile={(file) => check(file).catch(() => undefined)}
        />
        {failure !== undefined && <ErrorNotice title={S.ReturnFailed} error={failure} />}
        {done && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
        {checked && (
          <div>
            {checked.fileErrors.length > 0 || rowErrors > 0 ? (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>{S.NothingImportable}</MessageBarTitle>
                  {checked.fileErrors.length > 0 ? checked.fileErrors.join(' ') : format(rowErrors === 1 ? S.RowProblemOne : S.RowProblemMany, rowErrors)}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <MessageBar intent="info" role="status">
                <MessageBarBody>
                  <MessageBarTitle>{S.ReadyTitle}</MessageBarTitle>
                  {format(checked.ready.length === 1 ? S.ReadyOne : S.ReadyMany, checked.ready.length, checked.period?.label ?? '')}
                </MessageBarBody>
              </MessageBar>
            )}
            {checked.rows.length > 0 && (
              <ResponsiveTable aria-label={S.ReturnRows}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{S.ReturnRow}</TableHeaderCell>
                    <TableHeaderCell>{S.Measure}</TableHeaderCell>
                    <TableHeaderCell>{S.LogQuantity}</TableHeaderCell>
                    <TableHeaderCell>{S.ReturnCheck}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {checked.rows.map((r) => (
                    <TableRow key={r.row}>
                      <TableCell>{r.row}</TableCell>
                      <TableCell>{r.measureCode || '—'}</TableCell>
                      <TableCell>{r.log ? quantityText(r.log.quantity, commitments.filter((c) => c.measureCode === r.measureCode)[0]?.unit ?? 'count') : '—'}</TableCell>
                      <TableCell className={r.status === 'error' ? styles.error : undefined}>
                        {r.status === 'ready' ? S.RowReady : r.status === 'skipped' ? S.RowSkipped : S.RowProblem}
                        {r.messages.length > 0 ? `: ${r.messages.join(' ')}` : ''}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </ResponsiveTable>
            )}
            <div className={styles.row}>
              {checked.ready.length > 0 && (
                <Button appearance="primary" disabled={busy} onClick={() => confirm()}>
                  {format(checked.ready.length === 1 ? S.ConfirmOne : S.ConfirmMany, checked.ready.length)}
                </Button>
              )}
              {(checked.fileErrors.length > 0 || rowErrors > 0) && (
                <Button disabled={busy} onClick={() => downloadProblems()}>
                  {S.DownloadProblems}
                </Button>
              )}
              <Button disabled={busy} onClick={() => setChecked(undefined)}>
                {S.Discard}
              </Button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
