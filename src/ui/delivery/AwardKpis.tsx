// The award's key performance indicators (Procurement Act 2023 section 52): a name and a target each, the
// commitments offered as KPIs, and section 52(1)'s own exception with its reason. The duty's words are the
// domain's (kpiDutyForProcurement); the award workflow refuses a set the duty does not allow.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { PolicyInputError, kpiDutyForProcurement } from '../../domain';
import type { Commitment, FieldError, Kpi, KpiDuty, Measure, Procurement } from '../../domain';
import { kpisFromCommitments } from '../../domain';
import { fieldState, messageFor } from '../common/FieldErrors';
import { format } from '../../loc/format';
import { useFieldRowStyles } from '../common/fieldRow';

const S = strings.Contract;

export interface KpiRow {
  key: number;
  name: string;
  target: string;
  measureCode?: string;
}

let nextKey = 1;
export const kpiRows = (kpis: readonly Kpi[] | undefined): KpiRow[] => (kpis ?? []).map((k) => ({ key: nextKey++, ...k }));
export const kpisOfRows = (rows: readonly KpiRow[]): Kpi[] =>
  rows.map((r) => (r.measureCode ? { name: r.name, target: r.target, measureCode: r.measureCode } : { name: r.name, target: r.target }));

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  wide: { flexGrow: 1, minWidth: 'min(100%, 16rem)' },
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

function dutyWithoutException(p: Procurement): KpiDuty | undefined {
  try {
    return kpiDutyForProcurement({ ...p, kpisNotAppropriateReason: undefined });
  } catch (e) {
    // A record the duty cannot be judged on (a hand-edited contract type): the award says so when it is saved.
    if (e instanceof PolicyInputError) return undefined;
    throw e;
  }
}

export interface AwardKpisProps {
  procurement: Procurement;
  rows: KpiRow[];
  onRows: (rows: KpiRow[]) => void;
  reason: string;
  onReason: (reason: string) => void;
  /** The commitments as the officer has entered them so far (the valid ones). */
  commitments: () => Commitment[];
  library: readonly Measure[];
  errors: readonly FieldError[];
}

export function AwardKpis({ procurement, rows, onRows, reason, onReason, commitments, library, errors }: AwardKpisProps): React.ReactElement {
  const styles = useStyles();
  const rowStyles = useFieldRowStyles();
  const [hint, setHint] = React.useState<string | undefined>(undefined);
  // The duty as it stands without the exception: the exception is only offered where the duty would apply.
  const duty = dutyWithoutException(procurement);
  const set = (key: number, patch: Partial<KpiRow>): void => onRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const useCommitments = (): void => {
    const made = kpisFromCommitments(commitments(), library).filter((k) => !rows.some((r) => r.name.trim() === k.name));
    if (made.length === 0 && commitments().length === 0) {
      setHint(S.NoCommitmentsToUse);
      return;
    }
    setHint(undefined);
    onRows(rows.filter((r) => r.name.trim() !== '' || r.target.trim() !== '').concat(kpiRows(made)));
  };
  return (
    <fieldset className={styles.group}>
      <legend>{S.KpisGroup}</legend>
      {duty && (
        <Text as="p" block>
          {duty.reason}
        </Text>
      )}
      {messageFor(errors, 'kpis') && (
        <MessageBar intent="error">
          <MessageBarBody>{messageFor(errors, 'kpis')}</MessageBarBody>
        </MessageBar>
      )}
      {rows.map((row, i) => (
        <div key={row.key} className={styles.row} role="group" aria-label={format(S.KpiN, i + 1)}>
          <Field className={styles.wide} label={format(S.KpiNameN, i + 1)} required {...fieldState(errors, `kpis[${i}].name`)}>
            <Input value={row.name} onChange={(_, d) => set(row.key, { name: d.value, measureCode: undefined })} />
          </Field>
          <Field className={styles.wide} label={format(S.KpiTargetN, i + 1)} required hint={S.KpiTargetHint} {...fieldState(errors, `kpis[${i}].target`)}>
            <Input value={row.target} onChange={(_, d) => set(row.key, { target: d.value })} />
          </Field>
          <Button className={rowStyles.besideControls} onClick={() => onRows(rows.filter((r) => r.key !== row.key))} aria-label={format(S.RemoveKpiN, i + 1)}>
            {S.Remove}
          </Button>
        </div>
      ))}
      <div className={styles.buttons}>
        <Button onClick={() => onRows(rows.concat([{ key: nextKey++, name: '', target: '' }]))}>{S.AddKpi}</Button>
        <Button onClick={useCommitments}>{S.UseCommitments}</Button>
      </div>
      {hint && (
        <Text as="p" block role="status">
          {hint}
        </Text>
      )}
      {duty?.applies && (
        <Field label={S.NotAppropriate} hint={S.NotAppropriateHint} {...fieldState(errors, 'kpisNotAppropriateReason')}>
          <Textarea value={reason} onChange={(_, d) => onReason(d.value)} resize="vertical" />
        </Field>
      )}
    </fieldset>
  );
}
