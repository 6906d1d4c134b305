// Each authority's own edition of the policy (src/domain/authorityEdition.ts): the editions saved so far, and a
// form to add one. Editions are only ever added under a new id, so a record naming one keeps its meaning; the
// thresholds stay the region's (they are law).
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import { Button, Field, Input, Select, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { PolicyInputError, authorityById, formatLongDate, formatPounds, parsePounds } from '../../domain';
import { AuthorityOptions } from '../common/AuthorityOptions';
import type { AuthorityEdition, FieldError } from '../../domain';
import type { HubData } from '../../app/hubData';
import { addAuthorityEdition } from '../../app/measureLibrary';
import { refusedFields } from '../../app/outcomes';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldState } from '../common/FieldErrors';
import { ResponsiveTable } from '../common/ResponsiveTable';
import { useAction } from '../common/useAction';
import { format } from '../../loc/format';

const S = strings.LibraryAuthorities;

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', marginTop: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

interface Form {
  authorityId: string;
  editionId: string;
  effectiveFrom: string;
  source: string;
  lightTouchLimit: string;
  weightingMinPercent: string;
  weightingMaxPercent: string;
  measureCodes: string;
}

const EMPTY: Form = { authorityId: '', editionId: '', effectiveFrom: '', source: '', lightTouchLimit: '', weightingMinPercent: '', weightingMaxPercent: '', measureCodes: '' };

/** The form as an edition, and what could not be read as typed (each under its field). */
function editionOf(form: Form): { edition: AuthorityEdition; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let lightTouchLimitPence = NaN;
  try {
    lightTouchLimitPence = parsePounds(form.lightTouchLimit, 'light-touch line');
  } catch (e) {
    if (!(e instanceof PolicyInputError)) throw e;
    errors.push({ field: 'lightTouchLimitPence', message: e.message });
  }
  const percent = (text: string, field: string): number => {
    const n = text.trim() === '' ? NaN : Number(text.trim());
    if (!isFinite(n)) errors.push({ field, message: S.PercentNeeded });
    return n;
  };
  const codes = form.measureCodes
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');
  return {
    edition: {
      authorityId: form.authorityId,
      editionId: form.editionId,
      effectiveFrom: form.effectiveFrom.trim(),
      source: form.source,
      lightTouchLimitPence,
      weightingMinPercent: percent(form.weightingMinPercent, 'weightingMinPercent'),
      weightingMaxPercent: percent(form.weightingMaxPercent, 'weightingMaxPercent'),
      measureCodes: codes.length > 0 ? codes : undefined,
    },
    errors,
  };
}

export interface AuthorityEditionsTabProps {
  data: HubData;
  editions: readonly AuthorityEdition[];
  /** Called after a save, with what was saved (the screen shows it and reloads). */
  onChanged: (message: string) => void;
}

export function AuthorityEditionsTab({ data, editions, onChanged }: AuthorityEditionsTabProps): React.ReactElement {
  const styles = useStyles();
  const [form, setForm] = React.useState<Form>(EMPTY);
  const [typed, setTyped] = React.useState<FieldError[]>([]);
  const { busy, error, run } = useAction();
  const change = (patch: Partial<Form>): void => setForm({ ...form, ...patch });
  const refused = refusedFields(error) ?? [];
  // What could not be read as typed first; then what the rules refused, field by field.
  const errors = typed.length > 0 ? typed : refused;

  const save = async (): Promise<void> => {
    const { edition, errors: unreadable } = editionOf(form);
    setTyped(unreadable);
    if (unreadable.length > 0) return;
    const saved = await run(() => addAuthorityEdition(data, edition));
    if (saved) {
      setForm(EMPTY);
      onChanged(format(S.Saved, saved.editionId, authorityById(saved.authorityId)?.name ?? saved.authorityId));
    }
  };

  return (
    <div className={styles.form}>
      <Text>{S.Intro}</Text>
      {editions.length === 0 ? (
        <Text>{S.None}</Text>
      ) : (
        <ResponsiveTable aria-label={S.TableName}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{S.Authority}</TableHeaderCell>
              <TableHeaderCell>{S.Edition}</TableHeaderCell>
              <TableHeaderCell>{S.From}</TableHeaderCell>
              <TableHeaderCell>{S.Figures}</TableHeaderCell>
              <TableHeaderCell>{S.Measures}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {editions.map((e) => (
              <TableRow key={e.editionId}>
                <TableCell>{authorityById(e.authorityId)?.name ?? e.authorityId}</TableCell>
                <TableCell>{e.editionId}</TableCell>
                <TableCell>{formatLongDate(e.effectiveFrom)}</TableCell>
                <TableCell>{format(S.FiguresText, formatPounds(e.lightTouchLimitPence), e.weightingMinPercent, e.weightingMaxPercent)}</TableCell>
                <TableCell>{e.measureCodes ? e.measureCodes.join(', ') : S.WholeLibrary}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ResponsiveTable>
      )}
      <h3>{S.AddTitle}</h3>
      <Field label={S.Authority} required {...fieldState(errors, 'authorityId')}>
        <Select value={form.authorityId} onChange={(_, d) => change({ authorityId: d.value })}>
          <option value="">{S.ChooseAuthority}</option>
          <AuthorityOptions />
        </Select>
      </Field>
      <Field label={S.EditionId} hint={S.EditionHint} required {...fieldState(errors, 'editionId')}>
        <Input value={form.editionId} onChange={(_, d) => change({ editionId: d.value })} />
      </Field>
      <Field label={S.EffectiveFrom} hint={S.EffectiveFromHint} required {...fieldState(errors, 'effectiveFrom')}>
        <Input type="date" value={form.effectiveFrom} onChange={(_, d) => change({ effectiveFrom: d.value })} />
      </Field>
      <Field label={S.Source} hint={S.SourceHint} required {...fieldState(errors, 'source')}>
        <Textarea value={form.source} onChange={(_, d) => change({ source: d.value })} />
      </Field>
      <Field label={S.LightTouch} required {...fieldState(errors, 'lightTouchLimitPence')}>
        <Input value={form.lightTouchLimit} inputMode="decimal" onChange={(_, d) => change({ lightTouchLimit: d.value })} />
      </Field>
      <Field label={S.Min} required {...fieldState(errors, 'weightingMinPercent')}>
        <Input value={form.weightingMinPercent} inputMode="decimal" onChange={(_, d) => change({ weightingMinPercent: d.value })} />
      </Field>
      <Field label={S.Max} required {...fieldState(errors, 'weightingMaxPercent')}>
        <Input value={form.weightingMaxPercent} inputMode="decimal" onChange={(_, d) => change({ weightingMaxPercent: d.value })} />
      </Field>
      <Field label={S.MeasureCodes} hint={S.MeasureCodesHint} {...fieldState(errors, 'measureCodes')}>
        <Textarea value={form.measureCodes} onChange={(_, d) => change({ measureCodes: d.value })} />
      </Field>
      {error !== undefined && refused.length === 0 && <ErrorNotice title={S.SaveFailed} error={error} />}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => save()}>
          {S.Save}
        </Button>
      </div>
    </div>
  );
}
