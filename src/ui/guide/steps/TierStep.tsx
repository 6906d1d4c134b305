import * as React from 'react';
import { Badge, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { SOCIAL_VALUE_ACT_DUTY, socialValueActApplies } from '../../../domain';
import type { FieldError, PolicyEdition, TierDecision } from '../../../domain';
import { fieldState } from '../../common/FieldErrors';
import { tierLabel } from '../../common/labels';
import { format } from '../../../loc/format';
import type { GuideDraft } from '../draft';
import { kpiDutyOf } from '../draft';

const useStyles = makeStyles({
  asks: { marginTop: tokens.spacingVerticalM },
  list: { marginTop: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalXL },
});

/** What the tier asks of the officer, as a checklist; the figures come from the policy edition applied. */
function checklist(tier: TierDecision, edition: PolicyEdition): string[] {
  const range = format(strings.Tier.Range, edition.weightingMinPercent, edition.weightingMaxPercent);
  if (tier.tier === 'light-touch') {
    return [strings.Tier.LightToolkit, strings.Tier.LightQuotations, strings.Tier.LightMeasures];
  }
  const items = [strings.Tier.ConsiderToms, format(tier.weightingRequired ? strings.Tier.IncludeToms : strings.Tier.DecideWeighting, range)];
  if (tier.justificationRequired) items.push(strings.Tier.RecordWhy);
  if (tier.actionPlanRequired) items.push(strings.Tier.PlanActions);
  return items;
}

export interface TierStepProps {
  tier?: TierDecision;
  error?: string;
  /** The one `tier` was worked out under (the edition in force). */
  edition: PolicyEdition;
  draft: GuideDraft;
  errors?: FieldError[];
  onChange: (patch: Partial<GuideDraft>) => void;
}

export function TierStep({ tier, error, edition, draft, errors, onChange }: TierStepProps): React.ReactElement {
  const styles = useStyles();
  if (!tier) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{strings.Tier.CannotDecide}</MessageBarTitle>
          {error ?? strings.Tier.CompleteBasics}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div>
      <div>
        <Text size={400} weight="semibold">{strings.Tier.Tier}</Text> <Badge appearance="filled" color="brand">{tierLabel(tier.tier)}</Badge>
      </div>
      <Text as="p" block role="note" aria-label={strings.Tier.Why}>{tier.reason}</Text>
      <Text as="p" block>{format(strings.Tier.DecidedUnder, edition.label, edition.id)}</Text>
      {tier.warnings.map((w) => (
        <MessageBar key={w} intent="warning" className={styles.asks}>
          <MessageBarBody>
            <MessageBarTitle>{strings.Tier.Warning}</MessageBarTitle>
            {w}
          </MessageBarBody>
        </MessageBar>
      ))}
      <div className={styles.asks}>
        <Text as="h3" weight="semibold">{strings.Tier.WhatPolicyAsks}</Text>
        <Text as="p" block>{tier.policyAsks}</Text>
        <ul className={styles.list} aria-label={strings.Tier.Checklist}>
          {checklist(tier, edition).map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
      <div className={styles.asks}>
        <Text as="h3" weight="semibold">{strings.Tier.KpiDuty}</Text>
        <Text as="p" block>{kpiDutyOf(draft, tier, edition).reason}</Text>
      </div>
      {socialValueActApplies(tier.contractType, tier) && (
        <div className={styles.asks}>
          <Text as="h3" weight="semibold">{strings.Tier.SocialValueAct}</Text>
          <Text as="p" block>{SOCIAL_VALUE_ACT_DUTY}</Text>
          {/* The question as text, not a second <label> for the box: the box's own label is its name. */}
          <Text weight="semibold">{strings.Tier.Considered}</Text>
          <Field {...fieldState(errors, 'socialValueConsidered')}>
            <Checkbox
              required
              checked={!!draft.socialValueConsidered}
              onChange={(_, d) => onChange({ socialValueConsidered: !!d.checked })}
              label={strings.Tier.ConsideredYes}
            />
          </Field>
          <Field label={strings.Tier.Consideration} hint={strings.Tier.ConsiderationHint} required {...fieldState(errors, 'socialValueConsideration')}>
            <Textarea
              value={draft.socialValueConsideration ?? ''}
              onChange={(_, d) => onChange({ socialValueConsideration: d.value })}
              maxLength={4000}
              resize="vertical"
            />
          </Field>
        </div>
      )}
    </div>
  );
}
