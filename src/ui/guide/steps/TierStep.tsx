import * as React from 'react';
import { Badge, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CURRENT_POLICY_EDITION } from '../../../domain';
import type { TierDecision } from '../../../domain';
import { tierLabel } from '../../common/labels';

const useStyles = makeStyles({
  asks: { marginTop: tokens.spacingVerticalM },
  list: { marginTop: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalXL },
});

/** What the tier asks of the officer, as a checklist; the figures come from the policy edition applied. */
function checklist(tier: TierDecision): string[] {
  const edition = CURRENT_POLICY_EDITION;
  const range = `${edition.weightingMinPercent}% to ${edition.weightingMaxPercent}%`;
  if (tier.tier === 'light-touch') {
    return [
      'Use the light-touch social value toolkit from the WMCA Procurement Manual.',
      'Ask for social value when you obtain quotations, and note what suppliers offer.',
      'Choose from the light set of measures, so small suppliers are not burdened.',
    ];
  }
  const items = [
    'Consider Themes, Outcomes and Measures (TOMs) in the specification and tender documents.',
    tier.weightingRequired
      ? `Include TOMs in the tender with the weighting clearly set out: ${range}, or PASS/FAIL where social value is essential.`
      : `Decide the weighting (${range}) or PASS/FAIL, or explain why TOMs are not practical.`,
  ];
  if (tier.justificationRequired) items.push('Record why you chose this weighting: the decision is yours and the record must say why.');
  if (tier.actionPlanRequired) items.push('Plan the actions that will deliver social value during the contract (the action plan).');
  return items;
}

export function TierStep({ tier, error }: { tier?: TierDecision; error?: string }): React.ReactElement {
  const styles = useStyles();
  if (!tier) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>The tier cannot be decided yet</MessageBarTitle>
          {error ?? 'Complete the basics first.'}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div>
      <Text as="p" size={400} weight="semibold">
        Tier: <Badge appearance="filled" color="brand">{tierLabel(tier.tier)}</Badge>
      </Text>
      <Text as="p" block data-testid="tier-reason">{tier.reason}</Text>
      <div className={styles.asks}>
        <Text as="h3" weight="semibold">What the policy asks of you</Text>
        <Text as="p" block>{tier.policyAsks}</Text>
        <ul className={styles.list} aria-label="Checklist for this tier">
          {checklist(tier).map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
