import * as React from 'react';
import { Badge, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import type { PolicyEdition, TierDecision } from '../../../domain';
import { tierLabel } from '../../common/labels';
import { format } from '../../../loc/format';

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

/** `edition` is the one `tier` was worked out under (the edition in force). */
export function TierStep({ tier, error, edition }: { tier?: TierDecision; error?: string; edition: PolicyEdition }): React.ReactElement {
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
      <div className={styles.asks}>
        <Text as="h3" weight="semibold">{strings.Tier.WhatPolicyAsks}</Text>
        <Text as="p" block>{tier.policyAsks}</Text>
        <ul className={styles.list} aria-label={strings.Tier.Checklist}>
          {checklist(tier, edition).map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
