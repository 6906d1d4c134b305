// The delivery plan: the action plan carried into the contract, each action with its owner, due date and
// status; owner and status can be changed here. Overdue actions are flagged in words, not only colour.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import { Button, Field, Input, Select, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ResponsiveTable } from '../common/ResponsiveTable';
import { ACTION_PLAN_STATUSES, compareIsoDates, validateActionPlanItem } from '../../domain';
import type { ActionPlanItem, ActionPlanStatus, FieldError, IsoDate } from '../../domain';
import type { HubData, Stored } from '../../app/hubData';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldState } from '../common/FieldErrors';
import { longDate } from '../common/labels';
import { saveAction } from '../../app/outcomes';
import { format } from '../../loc/format';

const S = strings.Delivery;

export interface DeliveryPlanProps {
  data: HubData;
  actions: readonly Stored<ActionPlanItem>[];
  asOf: IsoDate;
  readOnly?: boolean;
  onChanged: () => void;
}

const useStyles = makeStyles({
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  edit: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

export function isActionOverdue(a: ActionPlanItem, asOf: IsoDate): boolean {
  return a.status !== 'Done' && compareIsoDates(a.dueDate, asOf) < 0;
}

function ActionRow({ data, item, asOf, readOnly, onChanged }: { data: HubData; item: Stored<ActionPlanItem>; asOf: IsoDate; readOnly?: boolean; onChanged: () => void }): React.ReactElement {
  const styles = useStyles();
  const [editing, setEditing] = React.useState(false);
  const [draft, setDraft] = React.useState(item);
  const [errors, setErrors] = React.useState<FieldError[]>([]);
  const [failure, setFailure] = React.useState<unknown>(undefined);
  const save = async (): Promise<void> => {
    const found = validateActionPlanItem(draft);
    setErrors(found);
    if (found.length) return;
    try {
      await saveAction(data, draft);
      setEditing(false);
      onChanged();
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <TableRow>
      <TableCell>{item.action}</TableCell>
      <TableCell>
        {editing ? (
          <div className={styles.edit}>
            <Field label={S.OwnerName}>
              <Input value={draft.ownerName} onChange={(_, d) => setDraft({ ...draft, ownerName: d.value })} />
            </Field>
            <Field label={S.OwnerEmail} {...fieldState(errors, 'ownerEmail')}>
              <Input type="email" value={draft.ownerEmail} onChange={(_, d) => setDraft({ ...draft, ownerEmail: d.value })} />
            </Field>
          </div>
        ) : (
          `${item.ownerName || item.ownerEmail}${item.ownerName ? ` (${item.ownerEmail})` : ''}`
        )}
      </TableCell>
      <TableCell>
        {longDate(item.dueDate)}
        {isActionOverdue(item, asOf) && <span className={styles.overdue}> {S.Overdue}</span>}
      </TableCell>
      <TableCell>
        {editing ? (
          <Field label={S.ActionStatus} {...fieldState(errors, 'status')}>
            <Select value={draft.status} onChange={(_, d) => setDraft({ ...draft, status: d.value as ActionPlanStatus })}>
              {ACTION_PLAN_STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </Select>
          </Field>
        ) : (
          item.status
        )}
        {failure !== undefined && <ErrorNotice title={S.ActionFailed} error={failure} />}
      </TableCell>
      <TableCell>
        {!readOnly &&
          (editing ? (
            <>
              <Button appearance="primary" onClick={() => save()}>
                {S.SaveAction}
              </Button>{' '}
              <Button onClick={() => { setEditing(false); setDraft(item); setErrors([]); }}>{S.Cancel}</Button>
            </>
          ) : (
            <Button onClick={() => setEditing(true)} aria-label={format(S.ChangeLabel, item.action)}>
              {S.Change}
            </Button>
          ))}
      </TableCell>
    </TableRow>
  );
}

export function DeliveryPlan({ data, actions, asOf, readOnly, onChanged }: DeliveryPlanProps): React.ReactElement {
  if (actions.length === 0) return <Text as="p" block>{S.NoPlan}</Text>;
  return (
    <ResponsiveTable aria-label={S.PlanTable}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{S.PlanAction}</TableHeaderCell>
          <TableHeaderCell>{S.PlanOwner}</TableHeaderCell>
          <TableHeaderCell>{S.PlanDue}</TableHeaderCell>
          <TableHeaderCell>{S.ActionStatus}</TableHeaderCell>
          <TableHeaderCell>{S.Change}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {actions.map((a) => (
          <ActionRow key={`${a.id}-${a.etag}`} data={data} item={a} asOf={asOf} readOnly={readOnly} onChanged={onChanged} />
        ))}
      </TableBody>
    </ResponsiveTable>
  );
}
