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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ResponsiveTable } from '../../common/ResponsiveTable';
import * as strings from 'SocialValueHubStrings';
import { THEMES, formatPounds, socialValuePence, suggestedMeasures, totalsByTheme } from '../../../domain';
import type { Measure, ThemeId, TierDecision } from '../../../domain';
import { CheckboxGroupField } from '../../common/CheckboxGroupField';
import { fieldState } from '../../common/FieldErrors';
import { targetField } from '../draft';
import { format } from '../../../loc/format';
import type { StepProps } from './BasicsStep';

const useStyles = makeStyles({
  themes: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: tokens.spacingHorizontalM },
  theme: { marginBottom: tokens.spacingVerticalL },
  numeric: { textAlign: 'right', whiteSpace: 'nowrap' },
  // A heading may wrap ("Proxy per unit" ran into "Value" at tablet widths); the figures under it do not.
  numericHeading: { textAlign: 'right' },
  quantity: { width: '100%', maxWidth: '12rem' },
  // The unit on one line: in a narrow cell it broke a letter a line ("F T E").
  unit: { whiteSpace: 'nowrap' },
  // The fixed layout's equal shares crushed the measure's words and the target box beside a near-empty
  // Remove column: give the words and the box the room.
  measureColumn: { width: '30%' },
  targetColumn: { width: '24%' },
  removeColumn: { width: '6rem' },
});

/** Quantity × proxy for a typed target; undefined for record-only measures or unreadable input. */
function targetValue(measure: Measure | undefined, quantity: string): number | undefined {
  const n = Number(quantity);
  if (!measure || quantity.trim() === '' || !isFinite(n) || n <= 0) return undefined;
  try {
    return socialValuePence(n, measure.recordOnly ? undefined : measure.proxyPence);
  } catch {
    return undefined;
  }
}

export function MeasuresStep({
  draft,
  errors,
  onChange,
  tier,
  library,
}: StepProps & { tier: TierDecision; library: readonly Measure[] }): React.ReactElement {
  const styles = useStyles();
  const byCode = new Map(library.map((m) => [m.code, m]));
  const chosen = new Set(draft.targets.map((t) => t.code));
  const suggested = suggestedMeasures(tier.contractType, tier.tier, library);

  const toggleTheme = (id: ThemeId, on: boolean): void =>
    onChange({ themeIds: on ? [...draft.themeIds, id] : draft.themeIds.filter((t) => t !== id) });
  const addMeasures = (measures: readonly Measure[]): void => {
    const fresh = measures.filter((m) => !chosen.has(m.code));
    const themeIds = Array.from(new Set([...draft.themeIds, ...fresh.map((m) => m.themeId)]));
    onChange({ themeIds, targets: [...draft.targets, ...fresh.map((m) => ({ code: m.code, quantity: '' }))] });
  };
  const setQuantity = (code: string, quantity: string): void =>
    onChange({ targets: draft.targets.map((t) => (t.code === code ? { ...t, quantity } : t)) });
  const remove = (code: string): void => onChange({ targets: draft.targets.filter((t) => t.code !== code) });

  // The £ value of the targets per theme, as the officer types (never only one total).
  const totals = totalsByTheme(
    draft.targets.map((t) => ({ measureCode: t.code, valuePence: targetValue(byCode.get(t.code), t.quantity) })),
  );

  return (
    <div>
      <CheckboxGroupField label={strings.Measures.Themes} required className={styles.themes} {...fieldState(errors, 'themeIds')}>
        {THEMES.map((t) => (
          <Checkbox
            key={t.id}
            checked={draft.themeIds.indexOf(t.id) >= 0}
            onChange={(_, d) => toggleTheme(t.id, !!d.checked)}
            label={
              <span>
                <strong>{t.label}</strong>
                <br />
                <Text size={200}>{t.description}</Text>
              </span>
            }
          />
        ))}
      </CheckboxGroupField>

      <MessageBar intent="info">
        <MessageBarBody>
          {tier.tier === 'light-touch'
            ? format(strings.Measures.LightSet, suggested.length, formatPounds(tier.lightTouchLimitPence))
            : format(strings.Measures.SuggestedSet, suggested.length)}{' '}
          <Button size="small" onClick={() => addMeasures(suggested)} disabled={suggested.every((m) => chosen.has(m.code))}>
            {strings.Measures.AddSuggested}
          </Button>
        </MessageBarBody>
      </MessageBar>

      {draft.themeIds.map((themeId) => {
        const theme = THEMES.filter((t) => t.id === themeId)[0];
        const themeMeasures = library.filter((m) => m.themeId === themeId && m.active);
        const picked = draft.targets.filter((t) => byCode.get(t.code)?.themeId === themeId);
        const total = totals.themes.filter((t) => t.themeId === themeId)[0];
        return (
          <section key={themeId} className={styles.theme} aria-labelledby={`theme-${themeId}`}>
            <h3 id={`theme-${themeId}`}>
              {format(strings.Measures.ThemeWorth, theme.label, formatPounds(total ? total.valuePence : 0))}
            </h3>
            {picked.length > 0 && (
              <ResponsiveTable size="small" aria-label={format(strings.Measures.MeasuresUnder, theme.label)}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.measureColumn}>{strings.Measures.Measure}</TableHeaderCell>
                    <TableHeaderCell className={styles.targetColumn}>{strings.Measures.Target}</TableHeaderCell>
                    <TableHeaderCell className={styles.numericHeading}>{strings.Measures.Proxy}</TableHeaderCell>
                    <TableHeaderCell className={styles.numericHeading}>{strings.Measures.Value}</TableHeaderCell>
                    <TableHeaderCell className={styles.removeColumn} aria-label={strings.Measures.Remove} />
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {picked.map((t) => {
                    const m = byCode.get(t.code);
                    const index = draft.targets.indexOf(t);
                    const value = targetValue(m, t.quantity);
                    return (
                      <TableRow key={t.code}>
                        <TableCell>
                          <strong>{t.code}</strong> {m?.text}
                        </TableCell>
                        <TableCell>
                          <Field
                            label={format(strings.Measures.TargetFor, t.code, m?.unit ?? '')}
                            size="small"
                            {...fieldState(errors, targetField(index))}
                          >
                            <Input
                              className={styles.quantity}
                              inputMode="decimal"
                              value={t.quantity}
                              contentAfter={m?.unit ? { children: m.unit, className: styles.unit } : undefined}
                              onChange={(_, d) => setQuantity(t.code, d.value)}
                            />
                          </Field>
                        </TableCell>
                        <TableCell className={styles.numeric}>
                          {m && !m.recordOnly && m.proxyPence !== undefined ? formatPounds(m.proxyPence) : strings.Measures.RecordOnly}
                        </TableCell>
                        <TableCell className={styles.numeric}>{value === undefined ? strings.Common.NotRecorded : formatPounds(value)}</TableCell>
                        <TableCell>
                          <Button size="small" onClick={() => remove(t.code)} aria-label={format(strings.Measures.RemoveMeasure, t.code)}>
                            {strings.Measures.Remove}
                          </Button>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </ResponsiveTable>
            )}
            <Field label={format(strings.Measures.AddUnder, theme.label)}>
              <Select
                value=""
                onChange={(_, d) => {
                  const m = byCode.get(d.value);
                  if (m) addMeasures([m]);
                }}
              >
                <option value="">{strings.Measures.ChooseMeasure}</option>
                {themeMeasures
                  .filter((m) => !chosen.has(m.code))
                  .map((m) => (
                    <option key={m.code} value={m.code}>
                      {m.code} — {m.text} ({m.unit})
                    </option>
                  ))}
              </Select>
            </Field>
          </section>
        );
      })}
      <Text as="p" block weight="semibold" aria-live="polite">
        {format(strings.Measures.AllThemes, formatPounds(totals.totalPence))}
      </Text>
    </div>
  );
}
