// Recording the award (Tendering → Awarded): the supplier, award value and contract dates, the winning
// bid's commitments with each measure's proxy locked at award (commitmentFor), and — at or above the
// threshold — the action plan as the delivery plan, with owners. One saveBundle writes it all.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  ACTION_PLAN_STATUSES,
  PolicyInputError,
  commitmentFor,
  isIsoDate,
  measureByCode,
  parsePounds,
  readTypedQuantity,
  tierInfo,
  validateActionPlanItem,
  validateAward,
  validateCommitment,
} from '../../domain';
import type { ActionPlanItem, ActionPlanStatus, Commitment, FieldError, Measure, Procurement } from '../../domain';
import type { HubData, Stored } from '../../app/hubData';
import { useAction } from '../common/useAction';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldState, messageFor } from '../common/FieldErrors';
import type { CurrentUser } from '../services';
import { PartlySavedError, awardKpiProblems, recordAward } from '../../app/award';
import { refusedFields } from '../../app/outcomes';
import { format } from '../../loc/format';
import { useFieldRowStyles } from '../common/fieldRow';
import { proxyText } from './deliveryLabels';
import { AwardKpis, kpiRows, kpisOfRows } from './AwardKpis';

const S = strings.Delivery;

export interface AwardPanelProps {
  data: HubData;
  user: CurrentUser;
  procurement: Stored<Procurement>;
  library: readonly Measure[];
  /** The procurement's action plan as planned (it becomes the delivery plan). */
  actionPlan: readonly Stored<ActionPlanItem>[];
  onAwarded: () => void;
}

interface CommitmentRow {
  key: number;
  measureCode: string;
  target: string;
  dueDate: string;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

let nextKey = 1;


/** The commitment a row describes (proxy locked by the domain), and its problems under `commitments[i]`. */
export function commitmentFromRow(
  row: CommitmentRow,
  index: number,
  reference: string,
  contractEnd: string,
  library: readonly Measure[],
): { commitment?: Commitment; errors: FieldError[] } {
  const prefix = `commitments[${index}].`;
  const dueDate = row.dueDate.trim() || contractEnd.trim();
  const measure = measureByCode(row.measureCode, library);
  // The target as typed, read in the measure's unit as every quantity field reads it (an unknown measure's
  // target is not checked: the measure is what to fix first).
  const read = measure ? readTypedQuantity(row.target, measure.unit, 'targetQuantity', 'target quantity') : { quantity: undefined, errors: [] };
  const target = read.quantity;
  let commitment: Commitment | undefined;
  if (measure && measure.active && isIsoDate(dueDate) && target !== undefined) {
    commitment = commitmentFor(measure, { procurementReference: reference, targetQuantity: target, dueDate });
  }
  const errors = [
    ...read.errors,
    ...validateCommitment(commitment ?? { procurementReference: reference, measureCode: row.measureCode, targetQuantity: target, dueDate }, library)
      // A target that could not be read is already said once.
      .filter((e) => read.errors.length === 0 || e.field !== 'targetQuantity'),
  ]
    // Without a commitment (bad measure or date) the lock is not made yet; say only what the officer must fix.
    .filter((e) => commitment || (e.field !== 'proxyPenceLocked' && e.field !== 'proxyEdition'))
    .map((e) => ({ field: prefix + e.field, message: e.message }));
  return { commitment: errors.length ? undefined : commitment, errors };
}

export function AwardPanel({ data, procurement: p, library, actionPlan, onAwarded }: AwardPanelProps): React.ReactElement {
  const styles = useStyles();
  const rowStyles = useFieldRowStyles();
  // The record to save from: after a save that landed in part, the one it left (its ETag has moved on).
  const [current, setCurrent] = React.useState(p);
  React.useEffect(() => setCurrent(p), [p]);
  const offered = library.filter((m) => m.active);
  const [supplier, setSupplier] = React.useState({ name: p.supplier?.name ?? '', isSme: p.supplier?.isSme ?? false, isVcse: p.supplier?.isVcse ?? false, isLocal: p.supplier?.isLocal ?? false, postcode: p.supplier?.postcode ?? '' });
  const [awardValue, setAwardValue] = React.useState(p.awardValuePence !== undefined ? String(p.awardValuePence / 100) : '');
  const [contractStart, setContractStart] = React.useState(p.contractStart ?? '');
  const [contractEnd, setContractEnd] = React.useState(p.contractEnd ?? '');
  const [rows, setRows] = React.useState<CommitmentRow[]>(() =>
    (p.measureTargets ?? []).map((t) => ({ key: nextKey++, measureCode: t.measureCode, target: String(t.targetQuantity), dueDate: '' })),
  );
  const [plan, setPlan] = React.useState<ActionPlanItem[]>(() => actionPlan.map((a) => ({ ...a })));
  const [kpis, setKpis] = React.useState(() => kpiRows(p.kpis));
  const [kpiReason, setKpiReason] = React.useState(p.kpisNotAppropriateReason ?? '');
  const [errors, setErrors] = React.useState<FieldError[]>([]);
  const { busy, error, run } = useAction();
  // A refusal of a field is shown under that field; anything else (the network, SharePoint) above the button.
  const refused = refusedFields(error);
  const failure = refused ? undefined : error;
  const shownErrors = errors.length > 0 ? errors : refused ?? [];
  const planRequired = p.tierDecision ? tierInfo(p.tierDecision.tier).actionPlanRequired : false;

  const setRow = (key: number, patch: Partial<CommitmentRow>): void => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const setAction = (i: number, patch: Partial<ActionPlanItem>): void => setPlan((ps) => ps.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const save = async (): Promise<void> => {
    const found: FieldError[] = [];
    let awardValuePence: number | undefined;
    if (awardValue.trim() !== '') {
      try {
        awardValuePence = parsePounds(awardValue, 'award value');
      } catch (e) {
        if (!(e instanceof PolicyInputError)) throw e;
        found.push({ field: 'awardValuePence', message: e.message });
      }
    }
    const award = {
      supplier: { name: supplier.name.trim(), isSme: supplier.isSme, isVcse: supplier.isVcse, isLocal: supplier.isLocal, postcode: supplier.postcode.trim() || undefined },
      awardValuePence,
      contractStart: contractStart.trim(),
      contractEnd: contractEnd.trim(),
    };
    found.push(...validateAward(award).filter((e) => e.field !== 'awardValuePence' || awardValue.trim() === ''));
    const commitments: Commitment[] = [];
    rows.forEach((row, i) => {
      const made = commitmentFromRow(row, i, p.reference, contractEnd, library);
      found.push(...made.errors);
      if (made.commitment) {
        if (commitments.some((c) => c.measureCode === made.commitment?.measureCode)) {
          found.push({ field: `commitments[${i}].measureCode`, message: format(S.CommittedTwice, made.commitment.measureCode) });
        }
        commitments.push(made.commitment);
      }
    });
    plan.forEach((a, i) => validateActionPlanItem(a).forEach((e) => found.push({ field: `actionPlan[${i}].${e.field}`, message: e.message })));
    if (planRequired && plan.length === 0) {
      found.push({ field: 'actionPlan', message: S.PlanRequired });
    }
    const kpiSet = { kpis: kpisOfRows(kpis), kpisNotAppropriateReason: kpiReason };
    found.push(...awardKpiProblems(p, kpiSet));
    setErrors(found);
    if (found.length > 0) return;
    const saved = await run(async () => {
      try {
        return await recordAward(data, current, { ...award, awardValuePence: awardValuePence as number }, commitments, plan, kpiSet);
      } catch (e) {
        // Part of it landed: the next save goes from the record as it now stands.
        if (e instanceof PartlySavedError && e.procurement) setCurrent(e.procurement);
        throw e;
      }
    });
    if (saved) onAwarded();
  };

  const unitOf = (code: string): string => measureByCode(code, library)?.unit ?? '';
  return (
    <section aria-labelledby="award-heading">
      <h3 id="award-heading">{S.RecordAwardTitle}</h3>
      <Text as="p" block>
        {S.RecordAwardIntro}
      </Text>
      <div className={styles.form}>
        <fieldset className={styles.group}>
          <legend>{S.Supplier}</legend>
          <Field label={S.SupplierName} required {...fieldState(shownErrors, 'supplier.name')}>
            <Input value={supplier.name} onChange={(_, d) => setSupplier({ ...supplier, name: d.value })} />
          </Field>
          {/* A row of their own: left inline, wrapped lines of checkboxes overlapped by a few pixels. */}
          <div className={styles.row}>
            <Checkbox label={S.SmeCheck} checked={supplier.isSme} onChange={(_, d) => setSupplier({ ...supplier, isSme: !!d.checked })} />
            <Checkbox label={S.VcseCheck} checked={supplier.isVcse} onChange={(_, d) => setSupplier({ ...supplier, isVcse: !!d.checked })} />
            <Checkbox label={S.LocalCheck} checked={supplier.isLocal} onChange={(_, d) => setSupplier({ ...supplier, isLocal: !!d.checked })} />
          </div>
          <Field label={S.Postcode} hint={S.PostcodeHint} {...fieldState(shownErrors, 'supplier.postcode')}>
            <Input value={supplier.postcode} onChange={(_, d) => setSupplier({ ...supplier, postcode: d.value })} />
          </Field>
        </fieldset>
        <fieldset className={styles.group}>
          <legend>{S.Contract}</legend>
          <Field label={S.AwardValueField} required {...fieldState(shownErrors, 'awardValuePence')}>
            <Input value={awardValue} onChange={(_, d) => setAwardValue(d.value)} inputMode="decimal" />
          </Field>
          <div className={styles.row}>
            <Field label={S.ContractStart} required {...fieldState(shownErrors, 'contractStart')}>
              <Input type="date" value={contractStart} onChange={(_, d) => setContractStart(d.value)} />
            </Field>
            <Field label={S.ContractEnd} required {...fieldState(shownErrors, 'contractEnd')}>
              <Input type="date" value={contractEnd} onChange={(_, d) => setContractEnd(d.value)} />
            </Field>
          </div>
        </fieldset>
        <fieldset className={styles.group}>
          <legend>{S.CommitmentsGroup}</legend>
          {rows.length === 0 && <Text as="p" block>{S.NoCommitmentsYet}</Text>}
          {rows.map((row, i) => {
            const m = measureByCode(row.measureCode, library);
            return (
              <div key={row.key} className={styles.row} role="group" aria-label={format(S.CommitmentN, i + 1)}>
                <Field label={format(S.MeasureN, i + 1)} required {...fieldState(shownErrors, `commitments[${i}].measureCode`)}>
                  <Select value={row.measureCode} onChange={(_, d) => setRow(row.key, { measureCode: d.value })}>
                    <option value="">{S.ChooseMeasure}</option>
                    {offered.map((o) => (
                      <option key={o.code} value={o.code}>
                        {o.code} {o.text}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field
                  label={`${format(S.TargetN, i + 1)}${unitOf(row.measureCode) ? ` (${unitOf(row.measureCode)})` : ''}`}
                  required
                  hint={m ? format(S.ProxyLockedHint, proxyText(m.recordOnly ? undefined : m.proxyPence, m.unit, m.proxyEdition)) : undefined}
                  {...fieldState(shownErrors, `commitments[${i}].targetQuantity`)}
                >
                  <Input value={row.target} onChange={(_, d) => setRow(row.key, { target: d.value })} inputMode="decimal" />
                </Field>
                <Field label={format(S.DueN, i + 1)} hint={S.DueHint} {...fieldState(shownErrors, `commitments[${i}].dueDate`)}>
                  <Input type="date" value={row.dueDate} onChange={(_, d) => setRow(row.key, { dueDate: d.value })} />
                </Field>
                <Button className={rowStyles.besideControls} onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))} aria-label={format(S.RemoveN, i + 1)}>
                  {S.Remove}
                </Button>
              </div>
            );
          })}
          <Button onClick={() => setRows((rs) => rs.concat([{ key: nextKey++, measureCode: '', target: '', dueDate: '' }]))}>{S.AddCommitment}</Button>
        </fieldset>
        <AwardKpis
          procurement={p}
          rows={kpis}
          onRows={setKpis}
          reason={kpiReason}
          onReason={setKpiReason}
          commitments={() => rows.map((row, i) => commitmentFromRow(row, i, p.reference, contractEnd, library).commitment).filter((c): c is Commitment => !!c)}
          library={library}
          errors={shownErrors}
        />
        {(planRequired || plan.length > 0) && (
          <fieldset className={styles.group}>
            <legend>{S.PlanGroup}</legend>
            <Text as="p" block>
              {planRequired
                ? S.PlanRequiredIntro
                : S.PlanCarriesOn}
            </Text>
            {messageFor(shownErrors, 'actionPlan') && (
              <MessageBar intent="error">
                <MessageBarBody>{messageFor(shownErrors, 'actionPlan')}</MessageBarBody>
              </MessageBar>
            )}
            {plan.map((a, i) => (
              <div key={i} className={styles.row} role="group" aria-label={format(S.ActionN, i + 1)}>
                <Field label={format(S.ActionTextN, i + 1)} required {...fieldState(shownErrors, `actionPlan[${i}].action`)}>
                  <Input value={a.action} onChange={(_, d) => setAction(i, { action: d.value })} />
                </Field>
                <Field label={format(S.OwnerNameN, i + 1)} {...fieldState(shownErrors, `actionPlan[${i}].ownerName`)}>
                  <Input value={a.ownerName} onChange={(_, d) => setAction(i, { ownerName: d.value })} />
                </Field>
                <Field label={format(S.OwnerEmailN, i + 1)} required {...fieldState(shownErrors, `actionPlan[${i}].ownerEmail`)}>
                  <Input type="email" value={a.ownerEmail} onChange={(_, d) => setAction(i, { ownerEmail: d.value })} />
                </Field>
                <Field label={format(S.ActionDueN, i + 1)} required {...fieldState(shownErrors, `actionPlan[${i}].dueDate`)}>
                  <Input type="date" value={a.dueDate} onChange={(_, d) => setAction(i, { dueDate: d.value })} />
                </Field>
                <Field label={format(S.ActionStatusN, i + 1)} {...fieldState(shownErrors, `actionPlan[${i}].status`)}>
                  <Select value={a.status} onChange={(_, d) => setAction(i, { status: d.value as ActionPlanStatus })}>
                    {ACTION_PLAN_STATUSES.map((s) => (
                      <option key={s}>{s}</option>
                    ))}
                  </Select>
                </Field>
              </div>
            ))}
            <Button
              onClick={() => setPlan((ps) => ps.concat([{ procurementReference: p.reference, action: '', ownerEmail: '', ownerName: '', dueDate: '', status: 'Not started' }]))}
            >
              {S.AddAction}
            </Button>
          </fieldset>
        )}
        {shownErrors.length > 0 && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{shownErrors.length === 1 ? S.AwardNotSavedOne : format(S.AwardNotSavedMany, shownErrors.length)}</MessageBarBody>
          </MessageBar>
        )}
        {failure !== undefined && shownErrors.length === 0 && <ErrorNotice title={S.AwardFailed} error={failure} onRetry={() => save()} />}
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy} onClick={() => save()}>
            {S.RecordAward}
          </Button>
        </div>
      </div>
    </section>
  );
}
