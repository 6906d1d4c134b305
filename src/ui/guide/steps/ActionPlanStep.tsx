import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { ACTION_PLAN_DUE } from '../../../domain';
import type { TierDecision } from '../../../domain';
import { fieldState, messageFor } from '../../common/FieldErrors';
import type { DraftAction } from '../draft';
import { format } from '../../../loc/format';
import type { StepProps } from './BasicsStep';

const useStyles = makeStyles({
  action: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    padding: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export function ActionPlanStep({ draft, errors, onChange, tier }: StepProps & { tier: TierDecision }): React.ReactElement {
  const styles = useStyles();
  const setAction = (index: number, patch: Partial<DraftAction>): void =>
    onChange({ actions: draft.actions.map((a, i) => (i === index ? { ...a, ...patch } : a)) });
  const listError = messageFor(errors, 'actionPlan');
  return (
    <div>
      <Text as="p" block>
        {tier.actionPlanRequired
          ? format(strings.ActionPlan.Required, ACTION_PLAN_DUE)
          : strings.ActionPlan.Optional}
      </Text>
      {listError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{listError}</MessageBarBody>
        </MessageBar>
      )}
      <ol aria-label={strings.ActionPlan.Actions}>
        {draft.actions.map((a, i) => (
          <li key={i} className={styles.action}>
            <Field label={format(strings.ActionPlan.Action, i + 1)} required {...fieldState(errors, `actionPlan[${i}].action`)}>
              <Input value={a.action} onChange={(_, d) => setAction(i, { action: d.value })} maxLength={255} />
            </Field>
            <Field label={format(strings.ActionPlan.OwnerName, i + 1)}>
              <Input value={a.ownerName} onChange={(_, d) => setAction(i, { ownerName: d.value })} />
            </Field>
            <Field label={format(strings.ActionPlan.OwnerEmail, i + 1)} required {...fieldState(errors, `actionPlan[${i}].ownerEmail`)}>
              <Input type="email" value={a.ownerEmail} onChange={(_, d) => setAction(i, { ownerEmail: d.value })} />
            </Field>
            <Field label={format(strings.ActionPlan.DueDate, i + 1)} required {...fieldState(errors, `actionPlan[${i}].dueDate`)}>
              <Input type="date" value={a.dueDate} onChange={(_, d) => setAction(i, { dueDate: d.value })} />
            </Field>
            <Button onClick={() => onChange({ actions: draft.actions.filter((_, j) => j !== i) })} aria-label={format(strings.ActionPlan.RemoveAction, i + 1)}>
              {strings.ActionPlan.Remove}
            </Button>
          </li>
        ))}
      </ol>
      <Button onClick={() => onChange({ actions: [...draft.actions, { action: '', ownerEmail: '', ownerName: '', dueDate: '' }] })}>
        {strings.ActionPlan.Add}
      </Button>
    </div>
  );
}
