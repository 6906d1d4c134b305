// Import measures from a CSV or XLSX sheet: every row checked and shown (ready, unchanged, or its problems
// by column); nothing is saved until the administrator confirms, then only the ready rows are saved.
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
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
import type { Measure } from '../../domain';
import type { HubData } from '../../app/hubData';
import { importMeasures } from '../../app/measureLibrary';
import { measureFileKind, readMeasureCsv, readMeasureWorkbook } from '../../documents/measureFile';
import { columnHeading, measuresToCsv } from '../../documents/measureSheet';
import type { MeasureImport, MeasureImportRow } from '../../documents/measureSheet';
import { useAction } from '../common/useAction';
import { ErrorNotice } from '../common/ErrorNotice';
import { FilePicker } from '../common/FilePicker';
import { saveFile } from '../common/download';
import * as strings from 'SocialValueHubStrings';
import { format } from '../../loc/format';

const S = strings.LibraryImport;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function readAs(file: File, kind: 'text' | 'bytes'): Promise<string | ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string | ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    if (kind === 'text') reader.readAsText(file, 'utf-8');
    else reader.readAsArrayBuffer(file);
  });
}

function resultText(r: MeasureImportRow): string {
  if (r.action === 'new') return S.New;
  if (r.action === 'update') return r.newProxyEdition ? S.UpdateProxy : S.Update;
  return S.Unchanged;
}

export interface ImportTabProps {
  data: HubData;
  measures: readonly Measure[];
  onChanged: () => void;
}

export function ImportTab({ data, measures, onChanged }: ImportTabProps): React.ReactElement {
  const styles = useStyles();
  const [preview, setPreview] = React.useState<MeasureImport | undefined>(undefined);
  const { busy, error: failure, run } = useAction();
  const [failed, setFailed] = React.useState<string[]>([]);
  const [done, setDone] = React.useState('');

  const check = async (file: File): Promise<void> => {
    setFailed([]);
    setDone('');
    await run(async () => {
      const kind = measureFileKind(file.name);
      if (kind === 'csv') setPreview(readMeasureCsv(String(await readAs(file, 'text')), measures));
      else if (kind === 'xlsx') setPreview(await readMeasureWorkbook((await readAs(file, 'bytes')) as ArrayBuffer, measures));
      else setPreview({ fileErrors: [S.WrongFile], rows: [], ready: [] });
    });
  };

  const confirm = async (): Promise<void> => {
    if (!preview) return;
    const result = await run(() => importMeasures(data, preview.ready));
    if (!result) return;
    const { saved, failed: problems } = result;
    setFailed(problems);
    setDone(format(S.Saved, saved));
    setPreview(undefined);
    if (saved) onChanged();
  };

  const withProblems = preview ? preview.rows.filter((r) => r.errors.length > 0).length : 0;
  const unchanged = preview ? preview.rows.filter((r) => r.action === 'unchanged').length : 0;
  return (
    <div className={styles.panel}>
      <Text>{S.Intro}</Text>
      <div className={styles.buttons}>
        <Button onClick={() => saveFile(new TextEncoder().encode(measuresToCsv(measures)), S.TemplateFileName, 'text/csv')}>{S.Template}</Button>
      </div>
      <FilePicker
        label={S.Pick}
        hint={S.PickHint}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={busy}
        onFile={(file) => check(file).catch(() => undefined)}
      />
      {busy && <Text>{S.Reading}</Text>}
      {failure !== undefined && <ErrorNotice title={S.ReadFailed} error={failure} />}
      <Text aria-live="polite">{done}</Text>
      {failed.length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{S.SomeFailed}</MessageBarTitle>
            {failed.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && preview.fileErrors.length > 0 && (
        <MessageBar intent={preview.rows.length ? 'warning' : 'error'} role="alert">
          <MessageBarBody>
            <MessageBarTitle>{S.FileProblems}</MessageBarTitle>
            {preview.fileErrors.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && preview.rows.length > 0 && (
        <>
          <Text>{format(S.Summary, preview.ready.length, withProblems, unchanged)}</Text>
          <ResponsiveTable size="small" aria-label={S.PreviewTable}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{S.Row}</TableHeaderCell>
                <TableHeaderCell>{S.Code}</TableHeaderCell>
                <TableHeaderCell>{S.Result}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.rows.map((r) => (
                <TableRow key={r.row}>
                  <TableCell>{r.row}</TableCell>
                  <TableCell>{r.code}</TableCell>
                  <TableCell>
                    {r.errors.length === 0 ? (
                      resultText(r)
                    ) : (
                      <ul className={styles.error}>
                        {r.errors.map((e, i) => (
                          <li key={i}>{`${columnHeading(e.field)}: ${e.message}`}</li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ResponsiveTable>
          {preview.ready.length === 0 && <Text>{S.NothingToSave}</Text>}
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy || preview.ready.length === 0} onClick={() => confirm()}>
              {format(S.Confirm, preview.ready.length)}
            </Button>
            <Button disabled={busy} onClick={() => setPreview(undefined)}>
              {S.Cancel}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
