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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { RELEVANCE_LEVELS, WEIGHTING_METHODS } from '../../../domain';
import type { PolicyEdition, SocialValueRelevance, TierDecision, WeightingMethod } from '../../../domain';
import { CheckboxGroupField } from '../../common/CheckboxGroupField';
import { fieldState } from '../../common/FieldErrors';
import { weightingRecommendation } from '../draft';
import { format } from '../../../loc/format';
import type { StepProps } from './BasicsStep';
import { useFormStyles } from './BasicsStep';

const RELEVANCE_LABELS: Record<SocialValueRelevance, string> = {
  low: strings.Weighting.RelevanceLow,
  medium: strings.Weighting.RelevanceMedium,
  high: strings.Weighting.RelevanceHigh,
};

// Fluent's radio labels reach a few pixels beyond their rows: stacked, one overlapped the next.
const useRadioStyles = makeStyles({ group: { rowGap: tokens.spacingVerticalXS } });

export function WeightingStep({ draft, errors, onChange, tier, edition }: StepProps & { tier: TierDecision; edition: PolicyEdition }): React.ReactElement {
  const styles = useFormStyles();
  const radios = useRadioStyles();
  const recommendation = weightingRecommendation(draft, tier, edition);
  const allowedMethods = WEIGHTING_METHODS.filter((m) => !(m.id === 'none' && tier.weightingRequired));
  const { weightingMinPercent: min, weightingMaxPercent: max } = edition;

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
      <Field label={strings.Weighting.Relevance}>
        <Select value={draft.relevance} onChange={(_, d) => onChange({ relevance: d.value as SocialValueRelevance })}>
          {RELEVANCE_LEVELS.map((r) => (
            <option key={r} value={r}>{RELEVANCE_LABELS[r]}</option>
          ))}
        </Select>
      </Field>
      {/* The question names the group; the box keeps its own label as its name (one label a control). */}
      <CheckboxGroupField label={strings.Weighting.Essential}>
        <Checkbox
          checked={draft.socialValueEssential}
          onChange={(_, d) => onChange({ socialValueEssential: !!d.checked })}
          label={strings.Weighting.EssentialYes}
        />
      </CheckboxGroupField>

      {/* multiline: its list and button are blocks, and the single-line layout left the title against the top edge. */}
      <MessageBar intent="info" layout="multiline" className={styles.wide}>
        <MessageBarBody>
          <MessageBarTitle>{strings.Weighting.Recommendation}</MessageBarTitle>
          {recommendation.method === 'weighted'
            ? format(strings.Weighting.RecommendWeighted, recommendation.suggested ?? recommendation.min, recommendation.min, recommendation.max)
            : recommendation.method === 'pass-fail'
              ? strings.Weighting.RecommendPassFail
              : strings.Weighting.RecommendNone}
          <ul aria-label={strings.Weighting.Why}>
            {recommendation.rationale.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <Button size="small" onClick={applyRecommendation}>{strings.Weighting.UseRecommendation}</Button>
        </MessageBarBody>
      </MessageBar>

      <Field label={strings.Weighting.Method} required className={styles.wide} {...fieldState(errors, 'method')}>
        <RadioGroup className={radios.group} value={draft.method} onChange={(_, d) => onChange({ method: d.value as WeightingMethod, percent: d.value === 'weighted' ? draft.percent : '' })}>
          {allowedMethods.map((m) => (
            <Radio key={m.id} value={m.id} label={m.label} />
          ))}
        </RadioGroup>
      </Field>
      {draft.method === 'weighted' && (
        <Field label={format(strings.Weighting.Percent, min, max)} required {...fieldState(errors, 'percent')}>
          <Input inputMode="decimal" contentAfter="%" value={draft.percent} onChange={(_, d) => onChange({ percent: d.value })} />
        </Field>
      )}
      {draft.method === 'pass-fail' && (
        <Field
          label={strings.Weighting.Criteria}
          required
          className={styles.wide}
          hint={strings.Weighting.CriteriaHint}
          {...fieldState(errors, 'essentialCriteria')}
        >
          <Textarea value={draft.essentialCriteria} onChange={(_, d) => onChange({ essentialCriteria: d.value })} rows={4} resize="vertical" />
        </Field>
      )}
      <Field
        label={strings.Weighting.Justification}
        required={tier.justificationRequired}
        className={styles.wide}
        hint={tier.justificationRequired ? strings.Weighting.JustificationHint : undefined}
        {...fieldState(errors, 'justification')}
      >
        <Textarea value={draft.justification} onChange={(_, d) => onChange({ justification: d.value })} rows={3} resize="vertical" />
      </Field>
    </div>
  );
}
