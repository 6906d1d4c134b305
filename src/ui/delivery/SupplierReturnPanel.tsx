// Supplier returns: download the contract's return workbook for a quarter to send to the supplier, and
// import the filled one. Every row is checked and any problem is shown against its row; nothing is
// recorded until the officer confirms, and then each figure is Reported, awaiting verification.
import * as React from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ContractContext } from './contractContext';
import type { ReturnImport } from '../../delivery/supplierReturn';
import { ErrorNotice } from '../common/ErrorNotice';
import { saveFile } from '../common/download';
import { recordReturn } from './deliveryActions';
import { quantityText } from './deliveryLabels';
import { reportablePeriods } from './OutcomeLogPanel';

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
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>(undefined);
  const [checked, setChecked] = React.useState<ReturnImport | undefined>(undefined);
  const [returned, setReturned] = React.useState<ArrayBuffer | undefined>(undefined);
  const [done, setDone] = React.useState<string | undefined>(undefined);
  const period = periods.filter((x) => x.id === periodId)[0];

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const download = (): Promise<void> =>
    run(async () => {
      const { buildSupplierReturn, supplierReturnFileName, XLSX_MEDIA_TYPE } = await import(/* webpackChunkName: 'supplier-return' */ '../../delivery/supplierReturn');
      const bytes = await buildSupplierReturn({ reference: p.reference, title: p.title, supplierName: p.supplier?.name ?? '', period, commitments, library });
      saveFile(bytes, supplierReturnFileName(p.reference, period), XLSX_MEDIA_TYPE);
    });
  const check = (file: File): Promise<void> =>
    run(async () => {
      setDone(undefined);
      setChecked(undefined);
      const { readSupplierReturn } = await import(/* webpackChunkName: 'supplier-return' */ '../../delivery/supplierReturn');
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
      const { annotateSupplierReturn, problemsFileName, XLSX_MEDIA_TYPE } = await import(/* webpackChunkName: 'supplier-return' */ '../../delivery/supplierReturn');
      saveFile(await annotateSupplierReturn(returned, checked), problemsFileName(p.reference, checked.period), XLSX_MEDIA_TYPE);
    });
  const confirm = (): Promise<void> =>
    run(async () => {
      if (!checked) return;
      const n = await recordReturn(data, p.reference, checked.ready);
      setChecked(undefined);
      setDone(`${n} figure${n === 1 ? '' : 's'} recorded from the supplier’s return, awaiting verification by another officer.`);
      onImported();
    });

  if (!period) return <Text as="p">Returns can be made once the contract has started.</Text>;
  const rowErrors = checked ? checked.rows.filter((r) => r.status === 'error').length : 0;
  return (
    <section aria-labelledby="returns-heading">
      <h3 id="returns-heading">Supplier returns</h3>
      <div className={styles.panel}>
        <Text as="p" block>
          Suppliers are not in the hub: send them the return workbook for the quarter, then import the one they fill in. Figures are checked row by row before anything is recorded.
        </Text>
        <div className={styles.row}>
          <Field label="Quarter of the return">
            <Select value={periodId} onChange={(_, d) => { setPeriodId(d.value); setChecked(undefined); }}>
              {periods.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label}
                </option>
              ))}
            </Select>
          </Field>
          <Button disabled={busy} onClick={() => download()}>
            Download the return workbook
          </Button>
        </div>
        <Field label="Import a filled return (.xlsx)" hint="Nothing is recorded until you confirm.">
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) check(file).catch(() => undefined);
                e.target.value = '';
              }}
            />
          )}
        </Field>
        {failure !== undefined && <ErrorNotice title="The return could not be handled" error={failure} />}
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
                  <MessageBarTitle>Nothing can be imported from this return</MessageBarTitle>
                  {checked.fileErrors.length > 0 ? checked.fileErrors.join(' ') : `${rowErrors} row${rowErrors === 1 ? ' has a problem' : 's have problems'}: ask the supplier to correct ${rowErrors === 1 ? 'it' : 'them'} and send the return again.`}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <MessageBar intent="info" role="status">
                <MessageBarBody>
                  <MessageBarTitle>Ready to import</MessageBarTitle>
                  {checked.ready.length} figure{checked.ready.length === 1 ? '' : 's'} for {checked.period?.label}. Check them, then confirm.
                </MessageBarBody>
              </MessageBar>
            )}
            {checked.rows.length > 0 && (
              <Table aria-label="Rows of the supplier’s return">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Row</TableHeaderCell>
                    <TableHeaderCell>Measure</TableHeaderCell>
                    <TableHeaderCell>Quantity</TableHeaderCell>
                    <TableHeaderCell>Check</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {checked.rows.map((r) => (
                    <TableRow key={r.row}>
                      <TableCell>{r.row}</TableCell>
                      <TableCell>{r.measureCode || '—'}</TableCell>
                      <TableCell>{r.log ? quantityText(r.log.quantity, commitments.filter((c) => c.measureCode === r.measureCode)[0]?.unit ?? 'count') : '—'}</TableCell>
                      <TableCell className={r.status === 'error' ? styles.error : undefined}>
                        {r.status === 'ready' ? 'Ready' : r.status === 'skipped' ? 'Left out' : 'Problem'}
                        {r.messages.length > 0 ? `: ${r.messages.join(' ')}` : ''}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <div className={styles.row}>
              {checked.ready.length > 0 && (
                <Button appearance="primary" disabled={busy} onClick={() => confirm()}>
                  Confirm and record {checked.ready.length} figure{checked.ready.length === 1 ? '' : 's'}
                </Button>
              )}
              {(checked.fileErrors.length > 0 || rowErrors > 0) && (
                <Button disabled={busy} onClick={() => downloadProblems()}>
                  Download the problems for the supplier
                </Button>
              )}
              <Button disabled={busy} onClick={() => setChecked(undefined)}>
                Discard
              </Button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
