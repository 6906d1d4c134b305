// Recording a quarter's outcome for a commitment: the quantity in the measure's unit, evidence (a link
// to where the supplier keeps it, and notes holding counts only) and who reported it. The £ comes from
// the proxy locked at award. One log per commitment per period: a second one for the same quarter is a
// correction of the first — the screen says so and shows the figure it replaces.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import {
  compareIsoDates,
  describeValue,
  outcomeLogFor,
  periodFor,
  periodsBetween,
  previousPeriod,
  readTypedQuantity,
  validateOutcomeLog,
  validateOutcomeQuantity,
  verifierShown,
} from '../../domain';
import type { ContractContext } from './contractContext';
import type { FieldError, IsoDate, Procurement, ReportingPeriod } from '../../domain';
import { personalDetailsProblem } from '../../documents/supplierReturn';
import { useAction } from '../common/useAction';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldState } from '../common/FieldErrors';
import { recordOutcome, refusedFields } from '../../app/outcomes';
import { format } from '../../loc/format';
import { measureName, quantityText } from './deliveryLabels';

const S = strings.Delivery;

export interface OutcomeLogPanelProps extends ContractContext {
  onRecorded: () => void;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** The quarters of the contract that have started by `asOf`, latest first. */
export function reportablePeriods(p: Procurement, asOf: IsoDate): ReportingPeriod[] {
  if (!p.contractStart) return [];
  const end = p.contractEnd && compareIsoDates(p.contractEnd, asOf) < 0 ? p.contractEnd : asOf;
  if (compareIsoDates(p.contractStart, end) > 0) return [];
  return periodsBetween(p.contractStart, end).reverse();
}

/** The quarter to offer first: the last one that has ended, if the contract ran in it; else the latest. */
function defaultPeriod(periods: readonly ReportingPeriod[], asOf: IsoDate): string {
  const last = previousPeriod(periodFor(asOf)).id;
  return periods.some((p) => p.id === last) ? last : periods[0]?.id ?? '';
}

export function OutcomeLogPanel({ data, user, procurement, commitments, logs, library, asOf, onRecorded }: OutcomeLogPanelProps): React.ReactElement {
  const styles = useStyles();
  const periods = reportablePeriods(procurement, asOf);
  const [commitmentId, setCommitmentId] = React.useState(commitments[0]?.id !== undefined ? String(commitments[0].id) : '');
  const [periodId, setPeriodId] = React.useState(() => defaultPeriod(periods, asOf));
  const [quantity, setQuantity] = React.useState('');
  const [evidenceUrl, setEvidenceUrl] = React.useState('');
  const [evidenceNotes, setEvidenceNotes] = React.useState('');
  const [errors, setErrors] = React.useState<FieldError[]>([]);
  const [done, setDone] = React.useState<string | undefined>(undefined);
  // The commitment and quarter just recorded: the log now there is the officer's own, not one to correct,
  // until they type another figure for it.
  const [justRecorded, setJustRecorded] = React.useState<string | undefined>(undefined);
  const { busy, error, run } = useAction();
  // A refusal of a field is shown under that field; anything else (the network, SharePoint) above the button.
  const refused = refusedFields(error);
  const failure = refused ? undefined : error;
  const shownErrors = errors.length > 0 ? errors : refused ?? [];

  // The panel can mount before the commitments arrive (straight after the award, while the delivery
  // record reloads): until the officer chooses, the first commitment and the default quarter are offered.
  const chosenId = commitments.some((c) => String(c.id) === commitmentId) ? commitmentId : commitments[0]?.id !== undefined ? String(commitments[0].id) : '';
  const chosenPeriodId = periods.some((p) => p.id === periodId) ? periodId : defaultPeriod(periods, asOf);
  const commitment = commitments.filter((c) => String(c.id) === chosenId)[0];
  const period = periods.filter((p) => p.id === chosenPeriodId)[0];
  if (!commitment || !period) {
    return <Text as="p" block>{periods.length === 0 ? S.NotStarted : S.NoCommitments}</Text>;
  }
  const recorded = logs.filter((l) => l.measureCode === commitment.measureCode && l.periodEnd === period.end)[0];
  const previous = recorded && !(justRecorded === `${chosenId}|${period.id}` && quantity.trim() === '') ? recorded : undefined;
  const read = readTypedQuantity(quantity, commitment.unit);
  const typed = read.quantity;

  const save = async (): Promise<void> => {
    setDone(undefined);
    const found: FieldError[] = [];
    if (typeof typed !== 'number') {
      // Not a number in the measure's unit (or blank): the reading's own error, else the domain's "Enter the quantity".
      found.push(...(read.errors.length > 0 ? read.errors : validateOutcomeQuantity(undefined, commitment.unit)));
    }
    const log = outcomeLogFor(commitment, {
      periodDate: period.end,
      quantity: typeof typed === 'number' ? typed : 0,
      reportedBy: user.email,
      evidenceUrl: evidenceUrl.trim() || undefined,
      evidenceNotes: evidenceNotes.trim() || undefined,
    });
    found.push(...validateOutcomeLog(log, { commitment, library, asOf }).filter((e) => typeof typed === 'number' || e.field !== 'quantity'));
    const personal = personalDetailsProblem(evidenceNotes);
    if (personal) found.push({ field: 'evidenceNotes', message: personal });
    setErrors(found);
    if (found.length > 0 || typeof typed !== 'number') return;
    await run(async () => {
      const result = await recordOutcome(data, commitment, { periodDate: period.end, quantity: typed, evidenceUrl: log.evidenceUrl, evidenceNotes: log.evidenceNotes }, user, new Date());
      setDone(
        result.corrected && result.previous
          ? format(S.Corrected, commitment.measureCode, period.label, quantityText(typed, commitment.unit), quantityText(result.previous.quantity, commitment.unit))
          : format(S.Recorded, quantityText(typed, commitment.unit), commitment.measureCode, period.label),
      );
      setJustRecorded(`${chosenId}|${period.id}`);
      setQuantity('');
      setEvidenceUrl('');
      setEvidenceNotes('');
      onRecorded();
    });
  };

  return (
    <section aria-labelledby="log-heading">
      <h3 id="log-heading">{S.LogTitle}</h3>
      <div className={styles.form}>
        <div className={styles.row}>
          <Field label={S.Commitment} {...fieldState(shownErrors, 'measureCode')}>
            <Select value={chosenId} onChange={(_, d) => setCommitmentId(d.value)}>
              {commitments.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {measureName(c.measureCode, library)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={S.Period} {...fieldState(shownErrors, 'periodEnd')}>
            <Select value={chosenPeriodId} onChange={(_, d) => setPeriodId(d.value)}>
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {previous && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{S.CorrectsTitle}</MessageBarTitle>
              {format(
                S.CorrectsBody,
                period.label,
                quantityText(previous.quantity, commitment.unit),
                commitment.measureCode,
                previous.verification,
                previous.verifiedBy ? format(S.CorrectsBy, verifierShown(previous)) : '',
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        <Field
          label={format(S.Quantity, commitment.unit)}
          required
          hint={typeof typed === 'number' && typed >= 0 ? format(S.QuantityValue, describeValue(typed, commitment.unit, commitment.proxyPenceLocked)) : S.QuantityHint}
          {...fieldState(shownErrors, 'quantity')}
        >
          <Input value={quantity} onChange={(_, d) => setQuantity(d.value)} inputMode="decimal" />
        </Field>
        <Field label={S.EvidenceLink} hint={S.EvidenceLinkHint} {...fieldState(shownErrors, 'evidenceUrl')}>
          <Input type="url" value={evidenceUrl} onChange={(_, d) => setEvidenceUrl(d.value)} />
        </Field>
        <Field label={S.EvidenceNotes} hint={S.EvidenceNotesHint} {...fieldState(shownErrors, 'evidenceNotes')}>
          <Textarea value={evidenceNotes} onChange={(_, d) => setEvidenceNotes(d.value)} rows={3} />
        </Field>
        <Text as="p" block>{format(S.ReportedByYou, user.email)}</Text>
        {failure !== undefined && <ErrorNotice title={S.LogFailed} error={failure} onRetry={() => save()} />}
        {done && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button appearance="primary" disabled={busy} onClick={() => save()}>
            {previous ? S.SaveCorrection : S.RecordOutcome}
          </Button>
        </div>
      </div>
    </section>
  );
}
