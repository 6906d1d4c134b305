import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { CURRENT_POLICY_EDITION, RELEVANCE_LEVELS, WEIGHTING_METHODS } from '../../../domain';
import type { SocialValueRelevance, TierDecision, WeightingMethod } from '../../../domain';
import { fieldState } from '../../common/FieldErrors';
import { weightingRecommendation } from '../draft';
import type { StepProps } from './BasicsStep';
import { useFormStyles } from './BasicsStep';

const RELEVANCE_LABELS: Record<SocialValueRelevance, string> = {
  low: 'Low: little scope for social value in this contract',
  medium: 'Medium: some scope',
  high: 'High: social value is central to what is bought',
};

export function WeightingStep({ draft, errors, onChange, tier }: StepProps & { tier: TierDecision }): React.ReactElement {
  const styles = useFormStyles();
  const recommendation = weightingRecommendation(draft, tier);
  const allowedMethods = WEIGHTING_METHODS.filter((m) => !(m.id === 'none' && tier.weightingRequired));
  const { weightingMinPercent: min, weightingMaxPercent: max } = CURRENT_POLICY_EDITION;

  const applyRecommendation = (): void => {
    const d = recommendation.draft;
    onChange({
      method: d.method,
      percent: d.percent === undefined ? '' : String(d.percent),
      essentialCriteria: (d.essentialCriteria ?? []).join('\n') || draft.essentialCriteria,
    });
  };

  return (
    <div className={styles.grid}>
      <Field label="How relevant is social value to this contract?">
        <Select value={draft.relevance} onChange={(_, d) => onChange({ relevance: d.value as SocialValueRelevance })}>
          {RELEVANCE_LEVELS.map((r) => (
            <option key={r} value={r}>{RELEVANCE_LABELS[r]}</option>
          ))}
        </Select>
      </Field>
      <Field label="Social value is essential to delivering this project">
        <Checkbox
          checked={draft.socialValueEssential}
          onChange={(_, d) => onChange({ socialValueEssential: !!d.checked })}
          label="Yes: a bid must meet essential social value criteria (PASS/FAIL)"
        />
      </Field>

      <MessageBar intent="info" className={styles.wide}>
        <MessageBarBody>
          <MessageBarTitle>Recommendation</MessageBarTitle>
          {recommendation.method === 'weighted'
            ? `Weight social value at ${recommendation.suggested}% (between ${recommendation.min}% and ${recommendation.max}%).`
            : recommendation.method === 'pass-fail'
              ? 'Use PASS/FAIL with the essential criteria.'
              : 'No weighting is required at this tier.'}
          <ul aria-label="Why this is recommended">
            {recommendation.rationale.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <Button size="small" onClick={applyRecommendation}>Use the recommendation</Button>
        </MessageBarBody>
      </MessageBar>

      <Field label="Weighting method" required className={styles.wide} {...fieldState(errors, 'method')}>
        <RadioGroup value={draft.method} onChange={(_, d) => onChange({ method: d.value as WeightingMethod, percent: d.value === 'weighted' ? draft.percent : '' })}>
          {allowedMethods.map((m) => (
            <Radio key={m.id} value={m.id} label={m.label} />
          ))}
        </RadioGroup>
      </Field>
      {draft.method === 'weighted' && (
        <Field label={`Weighting (%) — between ${min}% and ${max}%`} required {...fieldState(errors, 'percent')}>
          <Input inputMode="decimal" contentAfter="%" value={draft.percent} onChange={(_, d) => onChange({ percent: d.value })} />
        </Field>
      )}
      {draft.method === 'pass-fail' && (
        <Field
          label="Essential criteria (one per line)"
          required
          className={styles.wide}
          hint="What a bid must commit to, to pass."
          {...fieldState(errors, 'essentialCriteria')}
        >
          <Textarea value={draft.essentialCriteria} onChange={(_, d) => onChange({ essentialCriteria: d.value })} rows={4} resize="vertical" />
        </Field>
      )}
      <Field
        label="Justification"
        required={tier.justificationRequired}
        className={styles.wide}
        hint={tier.justificationRequired ? 'Why this weighting: the policy leaves it to your discretion, so the record must say why.' : undefined}
        {...fieldState(errors, 'justification')}
      >
        <Textarea value={draft.justification} onChange={(_, d) => onChange({ justification: d.value })} rows={3} resize="vertical" />
      </Field>
    </div>
  );
}
