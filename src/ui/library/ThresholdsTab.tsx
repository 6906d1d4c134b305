// Threshold tables by effective date, and adding a new table (e.g. the 2028 figures) as a new policy
// edition, checked by the domain (buildPolicyEdition/policyEditionProblems). Tables in force are never rewritten.
import * as React from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
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
import { CONTRACT_TYPES, REGIMES, formatLongDate, formatPounds, isoDateFromDate } from '../../domain';
import type { FieldError, PolicyEdition, ThresholdRow } from '../../domain';
import type { HubData } from '../../app/hubData';
import { savePolicyEdition } from '../../app/measureLibrary';
import { figureField, figuresAsText, planThresholdTable } from '../../domain';
import type { ThresholdTableInput } from '../../domain';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../common/useAction';
import { fieldState, messageFor } from '../common/FieldErrors';
import * as strings from 'SocialValueHubStrings';
import { format } from '../../loc/format';

const S = strings.LibraryThresholds;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalM },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '52rem' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(4, minmax(8rem, 1fr))', gap: tokens.spacingHorizontalS },
});

export interface ThresholdsTabProps {
  data: HubData;
  edition: PolicyEdition;
  rows: readonly ThresholdRow[];
  knownEditionIds: readonly string[];
  /** Called after a save, with what was saved (the screen shows it and reloads). */
  onChanged: (message: string) => void;
  /** Today, for the never-rewrite rule; defaults to the clock. */
  today?: string;
}

export function ThresholdsTab({ data, edition, rows, knownEditionIds, onChanged, today }: ThresholdsTabProps): React.ReactElement {
  const styles = useStyles();
  const tables = edition.thresholdTables;
  const latest = tables[tables.length - 1];
  const blank = (): ThresholdTableInput => ({ editionId: '', effectiveFrom: '', source: '', figures: figuresAsText(latest) });
  const [form, setForm] = React.useState<ThresholdTableInput | undefined>(undefined);
  const [errors, setErrors] = React.useState<FieldError[]>([]);
  const { busy: saving, error: failure, run } = useAction();

  const save = async (): Promise<void> => {
    if (!form) return;
    const plan = planThresholdTable(form, edition, knownEditionIds, today ?? isoDateFromDate(new Date()), rows);
    setErrors(plan.errors);
    if (!plan.edition || plan.errors.length) return;
    const next = plan.edition;
    if ((await run(() => savePolicyEdition(data, next, plan.rowsToSave).then(() => true))) !== true) return;
    setForm(undefined);
    onChanged(format(S.Saved, formatLongDate(form.effectiveFrom.trim()), next.id));
  };

  const setFigure = (regime: keyof ThresholdTableInput['figures'], type: string, value: string): void => {
    if (!form) return;
    setForm({ ...form, figures: { ...form.figures, [regime]: { ...form.figures[regime], [type]: value } } });
  };
  const general = messageFor(errors, 'edition');

  return (
    <div className={styles.panel}>
      <Text>{S.Intro}</Text>
      {tables
        .slice()
        .reverse()
        .map((t, i, all) => {
          const next = i > 0 ? all[i - 1] : undefined;
          const storedTo = rows.filter((r) => r.effectiveFrom === t.effectiveFrom && r.effectiveTo)[0]?.effectiveTo;
          const heading = format(S.From, formatLongDate(t.effectiveFrom)) + (storedTo || next ? format(S.To, formatLongDate(storedTo ?? next!.effectiveFrom)) : '');
          return (
            <section key={t.effectiveFrom} aria-label={heading}>
              <h3>{heading}</h3>
              <Text size={200}>{t.source}</Text>
              <ResponsiveTable size="small" aria-label={heading}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{S.Regime}</TableHeaderCell>
                    {CONTRACT_TYPES.map((c) => (
                      <TableHeaderCell key={c.id}>{c.label}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {REGIMES.map((r) => (
                    <TableRow key={r.id}>
                      <TableCell>{r.label}</TableCell>
                      {CONTRACT_TYPES.map((c) => (
                        <TableCell key={c.id}>{formatPounds(t.figures[r.id][c.id])}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </ResponsiveTable>
            </section>
          );
        })}
      {!form && (
        <div className={styles.buttons}>
          <Button onClick={() => setForm(blank())}>{S.Add}</Button>
        </div>
      )}
      {form && (
        <section aria-label={S.AddHeading} className={styles.form}>
          <h3>{S.AddHeading}</h3>
          <Text>{S.AddIntro}</Text>
          <Field label={S.EditionId} hint={S.EditionHint} required {...fieldState(errors, 'editionId')}>
            <Input value={form.editionId} onChange={(_, d) => setForm({ ...form, editionId: d.value })} />
          </Field>
          <Field label={S.EffectiveFrom} required {...fieldState(errors, 'effectiveFrom')}>
            <Input value={form.effectiveFrom} onChange={(_, d) => setForm({ ...form, effectiveFrom: d.value })} />
          </Field>
          <Field label={S.Source} required {...fieldState(errors, 'source')}>
            <Textarea value={form.source} onChange={(_, d) => setForm({ ...form, source: d.value })} />
          </Field>
          {REGIMES.map((r) => (
            <div key={r.id} className={styles.grid} role="group" aria-label={r.label}>
              {CONTRACT_TYPES.map((c) => (
                <Field key={c.id} label={`${r.label} ${c.label.toLowerCase()} (£)`} {...fieldState(errors, figureField(r.id, c.id))}>
                  <Input value={form.figures[r.id][c.id]} inputMode="decimal" onChange={(_, d) => setFigure(r.id, c.id, d.value)} />
                </Field>
              ))}
            </div>
          ))}
          {general && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{`${S.EditionProblems}: ${general}`}</MessageBarBody>
            </MessageBar>
          )}
          {failure !== undefined && <ErrorNotice title={S.SaveFailed} error={failure} />}
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={saving} onClick={() => save()}>
              {S.Save}
            </Button>
            <Button disabled={saving} onClick={() => setForm(undefined)}>
              {S.Cancel}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
