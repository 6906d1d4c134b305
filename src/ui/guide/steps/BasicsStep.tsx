import * as React from 'react';
import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { AUTHORITIES, CONTRACT_TYPES, REGIMES } from '../../../domain';
import type { ContractType, FieldError, Regime } from '../../../domain';
import { fieldState } from '../../common/FieldErrors';
import type { GuideDraft } from '../draft';

export interface StepProps {
  draft: GuideDraft;
  errors?: FieldError[];
  onChange: (patch: Partial<GuideDraft>) => void;
}

export const useFormStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
    gap: tokens.spacingVerticalM + ' ' + tokens.spacingHorizontalL,
  },
  wide: { gridColumn: '1 / -1' },
});

export function BasicsStep({ draft, errors, onChange }: StepProps): React.ReactElement {
  const styles = useFormStyles();
  return (
    <div className={styles.grid}>
      <Field label="Procurement title" required className={styles.wide} {...fieldState(errors, 'title')}>
        <Input value={draft.title} onChange={(_, d) => onChange({ title: d.value })} maxLength={255} />
      </Field>
      <Field label="Authority" required {...fieldState(errors, 'authorityId')}>
        <Select value={draft.authorityId} onChange={(_, d) => onChange({ authorityId: d.value })}>
          {AUTHORITIES.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
        </Select>
      </Field>
      <Field label="Directorate" required {...fieldState(errors, 'directorate')}>
        <Input value={draft.directorate} onChange={(_, d) => onChange({ directorate: d.value })} maxLength={255} />
      </Field>
      <Field label="Lead officer’s name" required {...fieldState(errors, 'leadOfficer.displayName')}>
        <Input value={draft.leadOfficerName} onChange={(_, d) => onChange({ leadOfficerName: d.value })} />
      </Field>
      <Field label="Lead officer’s email" required {...fieldState(errors, 'leadOfficer.email')}>
        <Input type="email" value={draft.leadOfficerEmail} onChange={(_, d) => onChange({ leadOfficerEmail: d.value })} />
      </Field>
      <Field label="Contract type" required {...fieldState(errors, 'contractType')}>
        <Select value={draft.contractType} onChange={(_, d) => onChange({ contractType: d.value as ContractType })}>
          <option value="">Choose a contract type</option>
          {CONTRACT_TYPES.map((c) => (
            <option key={c.id} value={c.id}>{c.label}</option>
          ))}
        </Select>
      </Field>
      <Field label="Procurement regime" hint="WMCA is a sub-central authority; some work (e.g. tram operation) may be utilities." {...fieldState(errors, 'regime')}>
        <Select value={draft.regime} onChange={(_, d) => onChange({ regime: d.value as Regime })}>
          {REGIMES.map((r) => (
            <option key={r.id} value={r.id}>{r.label}</option>
          ))}
        </Select>
      </Field>
      <Field
        label="Estimated whole-life value (£, including VAT)"
        required
        hint="As the Procurement Act 2023 counts it: the whole contract term, including extensions, with VAT."
        {...fieldState(errors, 'estimatedValuePence')}
      >
        <Input inputMode="decimal" contentBefore="£" value={draft.estimatedValue} onChange={(_, d) => onChange({ estimatedValue: d.value })} />
      </Field>
      <Field label="Decision date" required hint="The threshold in force on this date applies." {...fieldState(errors, 'decisionDate')}>
        <Input type="date" value={draft.decisionDate} onChange={(_, d) => onChange({ decisionDate: d.value })} />
      </Field>
      <Field label="Contract duration (months)" required {...fieldState(errors, 'durationMonths')}>
        <Input inputMode="numeric" value={draft.durationMonths} onChange={(_, d) => onChange({ durationMonths: d.value })} />
      </Field>
    </div>
  );
}
