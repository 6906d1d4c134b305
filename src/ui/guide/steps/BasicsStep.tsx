import * as React from 'react';
import { Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { CONTRACT_TYPES, REGIMES } from '../../../domain';
import { AuthorityOptions } from '../../common/AuthorityOptions';
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
    // Each field its own height, from the top: stretched to the row's tallest (a two-line label, a hint), a
    // drop-down sat at the bottom of its cell and an input grew to 48 px.
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
});

export function BasicsStep({ draft, errors, onChange }: StepProps): React.ReactElement {
  const styles = useFormStyles();
  return (
    <div className={styles.grid}>
      <Field label={strings.Basics.Title} required className={styles.wide} {...fieldState(errors, 'title')}>
        <Input value={draft.title} onChange={(_, d) => onChange({ title: d.value })} maxLength={255} />
      </Field>
      <Field label={strings.Basics.Authority} required {...fieldState(errors, 'authorityId')}>
        <Select value={draft.authorityId} onChange={(_, d) => onChange({ authorityId: d.value })}>
          <AuthorityOptions />
        </Select>
      </Field>
      <Field label={strings.Basics.Directorate} required {...fieldState(errors, 'directorate')}>
        <Input value={draft.directorate} onChange={(_, d) => onChange({ directorate: d.value })} maxLength={255} />
      </Field>
      <Field label={strings.Basics.LeadName} required {...fieldState(errors, 'leadOfficer.displayName')}>
        <Input value={draft.leadOfficerName} onChange={(_, d) => onChange({ leadOfficerName: d.value })} />
      </Field>
      <Field label={strings.Basics.LeadEmail} required {...fieldState(errors, 'leadOfficer.email')}>
        <Input type="email" value={draft.leadOfficerEmail} onChange={(_, d) => onChange({ leadOfficerEmail: d.value })} />
      </Field>
      <Field label={strings.Basics.ContractType} required {...fieldState(errors, 'contractType')}>
        <Select value={draft.contractType} onChange={(_, d) => onChange({ contractType: d.value as ContractType })}>
          <option value="">{strings.Basics.ChooseContractType}</option>
          {CONTRACT_TYPES.map((c) => (
            <option key={c.id} value={c.id}>{c.label}</option>
          ))}
        </Select>
      </Field>
      <Field label={strings.Basics.Regime} hint={strings.Basics.RegimeHint} {...fieldState(errors, 'regime')}>
        <Select value={draft.regime} onChange={(_, d) => onChange({ regime: d.value as Regime })}>
          {REGIMES.map((r) => (
            <option key={r.id} value={r.id}>{r.label}</option>
          ))}
        </Select>
      </Field>
      <Field
        label={strings.Basics.Value}
        required
        hint={strings.Basics.ValueHint}
        {...fieldState(errors, 'estimatedValuePence')}
      >
        <Input inputMode="decimal" contentBefore="£" value={draft.estimatedValue} onChange={(_, d) => onChange({ estimatedValue: d.value })} />
      </Field>
      <Field label={strings.Basics.DecisionDate} required hint={strings.Basics.DecisionDateHint} {...fieldState(errors, 'decisionDate')}>
        <Input type="date" value={draft.decisionDate} onChange={(_, d) => onChange({ decisionDate: d.value })} />
      </Field>
      <Field label={strings.Basics.Duration} required {...fieldState(errors, 'durationMonths')}>
        <Input inputMode="numeric" value={draft.durationMonths} onChange={(_, d) => onChange({ durationMonths: d.value })} />
      </Field>
      {/* The question as text, not a second <label> for the box: the box's own label is its name. */}
      <Field>
        <Text weight="semibold">{strings.Basics.Framework}</Text>
        <Checkbox checked={!!draft.framework} onChange={(_, d) => onChange({ framework: !!d.checked })} label={strings.Basics.FrameworkYes} />
      </Field>
    </div>
  );
}
