// The measure library by theme, and the editor for one measure. A proxy change is saved as a new edition
// (its name and source asked for); commitments keep the proxy locked at their award.
import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ResponsiveTable } from '../common/ResponsiveTable';
import { MEASURE_UNITS, PolicyInputError, THEMES, formatPounds, isMeasureUnit, parsePounds } from '../../domain';
import type { FieldError, Measure, ThemeId } from '../../domain';
import type { HubData } from '../../app/hubData';
import { saveMeasure } from '../../app/measureLibrary';
import { measureChangeProblems, normaliseMeasure, proxyChanged } from '../../domain';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../common/useAction';
import { fieldState } from '../common/FieldErrors';
import * as strings from 'SocialValueHubStrings';
import { format } from '../../loc/format';

const S = strings.LibraryMeasures;

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '44rem', marginTop: tokens.spacingVerticalL },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  theme: { marginTop: tokens.spacingVerticalL },
  // Nine equal columns crushed the measure's words and its source to a few letters a line: the words get
  // the room, and below 1,000 px the rows become cards.
  measureColumn: { width: '26%' },
  sourceColumn: { width: '22%' },
});

interface Form {
  code: string;
  themeId: string;
  outcome: string;
  text: string;
  unit: string;
  proxy: string;
  proxyEdition: string;
  proxySource: string;
  recordOnly: boolean;
  active: boolean;
}

function formFor(m: Measure | undefined): Form {
  if (!m) return { code: '', themeId: '', outcome: '', text: '', unit: '', proxy: '', proxyEdition: '', proxySource: '', recordOnly: true, active: true };
  return {
    code: m.code,
    themeId: m.themeId,
    outcome: m.outcome,
    text: m.text,
    unit: m.unit,
    proxy: m.proxyPence === undefined ? '' : formatPounds(m.proxyPence, { pence: true }).replace('£', ''),
    proxyEdition: m.proxyEdition ?? '',
    proxySource: m.proxySource ?? '',
    recordOnly: m.recordOnly,
    active: m.active,
  };
}

/** The form as a measure, and the problems reading it (a proxy that is not money). */
function measureFrom(form: Form): { measure: Measure; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let proxyPence: number | undefined;
  if (!form.recordOnly && form.proxy.trim() !== '') {
    try {
      proxyPence = parsePounds(form.proxy, 'proxy');
    } catch (e) {
      errors.push({ field: 'proxyPence', message: e instanceof PolicyInputError ? e.message : String(e) });
    }
  }
  const measure: Measure = {
    code: form.code.trim().toUpperCase(),
    themeId: form.themeId as ThemeId,
    outcome: form.outcome,
    text: form.text,
    unit: (isMeasureUnit(form.unit) ? form.unit : undefined) as Measure['unit'],
    recordOnly: form.recordOnly,
    active: form.active,
  };
  if (!form.recordOnly) {
    if (proxyPence !== undefined) measure.proxyPence = proxyPence;
    measure.proxyEdition = form.proxyEdition;
    measure.proxySource = form.proxySource;
  }
  return { measure, errors };
}

export interface MeasureEditorProps {
  data: HubData;
  /** The measure as stored; undefined to add one. */
  before?: Measure;
  existingCodes: readonly string[];
  onSaved: (m: Measure) => void;
  onCancel: () => void;
}

export function MeasureEditor({ data, before, existingCodes, onSaved, onCancel }: MeasureEditorProps): React.ReactElement {
  const styles = useStyles();
  const [form, setForm] = React.useState<Form>(() => formFor(before));
  const [errors, setErrors] = React.useState<FieldError[]>([]);
  const { busy: saving, error: failure, run } = useAction();
  const change = (patch: Partial<Form>): void => setForm((f) => ({ ...f, ...patch }));
  const read = measureFrom(form);
  const changingProxy = !!before && !form.recordOnly && proxyChanged(before, read.measure);

  const save = async (): Promise<void> => {
    const { measure, errors: readErrors } = measureFrom(form);
    const problems = readErrors.concat(measureChangeProblems(before, measure).filter((e) => !readErrors.some((r) => r.field === e.field)));
    if (!before && existingCodes.indexOf(measure.code) >= 0) {
      problems.push({ field: 'code', message: `${measure.code} is already in the library; edit it instead.` });
    }
    setErrors(problems);
    if (problems.length) return;
    const saved = await run(() => saveMeasure(data, normaliseMeasure(measure)));
    if (saved) onSaved(saved);
  };

  const title = before ? format(S.EditHeading, before.code) : S.AddHeading;
  return (
    <section aria-label={title} className={styles.form}>
      <h3>{title}</h3>
      <Field label={S.Code} required {...fieldState(errors, 'code')}>
        <Input value={form.code} disabled={!!before} onChange={(_, d) => change({ code: d.value })} />
      </Field>
      <Field label={S.Theme} required {...fieldState(errors, 'themeId')}>
        <Select value={form.themeId} onChange={(_, d) => change({ themeId: d.value })}>
          <option value="">{S.ChooseTheme}</option>
          {THEMES.map((t) => (
            <option key={t.id} value={t.id}>{`${t.measurePrefix} ${t.label}`}</option>
          ))}
        </Select>
      </Field>
      <Field label={S.Outcome} required {...fieldState(errors, 'outcome')}>
        <Input value={form.outcome} onChange={(_, d) => change({ outcome: d.value })} />
      </Field>
      <Field label={S.Text} required {...fieldState(errors, 'text')}>
        <Textarea value={form.text} onChange={(_, d) => change({ text: d.value })} />
      </Field>
      <Field label={S.Unit} required {...fieldState(errors, 'unit')}>
        <Select value={form.unit} onChange={(_, d) => change({ unit: d.value })}>
          <option value="" />
          {MEASURE_UNITS.map((u) => (
            <option key={u} value={u}>{u}</option>
          ))}
        </Select>
      </Field>
      <Checkbox label={S.RecordOnlyLabel} checked={form.recordOnly} onChange={(_, d) => change({ recordOnly: d.checked === true })} />
      {!form.recordOnly && (
        <>
          <Field label={S.Proxy} required {...fieldState(errors, 'proxyPence')}>
            <Input value={form.proxy} inputMode="decimal" onChange={(_, d) => change({ proxy: d.value })} />
          </Field>
          {changingProxy && (
            <MessageBar intent="warning">
              <MessageBarBody>{S.ProxyChangeNote}</MessageBarBody>
            </MessageBar>
          )}
          <Field label={S.Edition} required {...fieldState(errors, 'proxyEdition')}>
            <Input value={form.proxyEdition} onChange={(_, d) => change({ proxyEdition: d.value })} />
          </Field>
          <Field label={S.Source} required {...fieldState(errors, 'proxySource')}>
            <Textarea value={form.proxySource} onChange={(_, d) => change({ proxySource: d.value })} />
          </Field>
        </>
      )}
      {before && !changingProxy && <Text>{S.LockedNote}</Text>}
      <Checkbox label={S.ActiveLabel} checked={form.active} onChange={(_, d) => change({ active: d.checked === true })} />
      {failure !== undefined && <ErrorNotice title={S.SaveFailed} error={failure} />}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={saving} onClick={() => save()}>
          {S.Save}
        </Button>
        <Button disabled={saving} onClick={onCancel}>
          {S.Cancel}
        </Button>
      </div>
    </section>
  );
}

export interface MeasuresTabProps {
  data: HubData;
  measures: readonly Measure[];
  onChanged: () => void;
}

export function MeasuresTab({ data, measures, onChanged }: MeasuresTabProps): React.ReactElement {
  const styles = useStyles();
  const [editing, setEditing] = React.useState<{ before?: Measure } | undefined>(undefined);
  const [saved, setSaved] = React.useState('');
  return (
    <div>
      <Text>{S.Intro}</Text>
      <div className={styles.buttons}>
        <Button onClick={() => setEditing({})}>{S.Add}</Button>
        <Text aria-live="polite">{saved}</Text>
      </div>
      {editing && (
        <MeasureEditor
          key={editing.before?.code ?? 'new'}
          data={data}
          before={editing.before}
          existingCodes={measures.map((m) => m.code)}
          onCancel={() => setEditing(undefined)}
          onSaved={(m) => {
            setEditing(undefined);
            setSaved(format(S.Saved, m.code));
            onChanged();
          }}
        />
      )}
      {THEMES.map((theme) => {
        const rows = measures.filter((m) => m.themeId === theme.id);
        if (!rows.length) return undefined;
        return (
          <section key={theme.id} className={styles.theme} aria-label={theme.label}>
            <h3>{theme.label}</h3>
            <ResponsiveTable size="small" stackBelow={1000} aria-label={`${S.Heading}: ${theme.label}`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{S.Code}</TableHeaderCell>
                  <TableHeaderCell className={styles.measureColumn}>{S.Measure}</TableHeaderCell>
                  <TableHeaderCell>{S.Unit}</TableHeaderCell>
                  <TableHeaderCell>{S.Proxy}</TableHeaderCell>
                  <TableHeaderCell>{S.Edition}</TableHeaderCell>
                  <TableHeaderCell className={styles.sourceColumn}>{S.Source}</TableHeaderCell>
                  <TableHeaderCell>{S.RecordOnly}</TableHeaderCell>
                  <TableHeaderCell>{S.Active}</TableHeaderCell>
                  <TableHeaderCell />
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((m) => (
                  <TableRow key={m.code}>
                    <TableCell>{m.code}</TableCell>
                    <TableCell>{m.text}</TableCell>
                    <TableCell>{m.unit}</TableCell>
                    <TableCell>{m.proxyPence === undefined ? S.None : formatPounds(m.proxyPence)}</TableCell>
                    <TableCell>{m.proxyEdition || S.None}</TableCell>
                    <TableCell>{m.proxySource || S.None}</TableCell>
                    <TableCell>{m.recordOnly ? S.Yes : S.No}</TableCell>
                    <TableCell>{m.active ? S.Yes : S.No}</TableCell>
                    <TableCell>
                      <Button size="small" aria-label={`${S.Edit} ${m.code}`} onClick={() => setEditing({ before: m })}>
                        {S.Edit}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ResponsiveTable>
          </section>
        );
      })}
    </div>
  );
}
