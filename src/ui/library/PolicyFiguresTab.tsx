// The policy figures a review may change — the light-touch line and the weighting range — saved as a new
// edition with its own id, checked by the domain (policyEditionProblems) against the threshold tables.
import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { formatPounds } from '../../domain';
import type { FieldError, PolicyEdition } from '../../domain';
import type { HubData } from '../../data/ports';
import { editionSettings, planPolicyFigures } from '../../library';
import type { PolicyFiguresInput } from '../../library';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldState, messageFor } from '../common/FieldErrors';

const TEXT = {
  current: 'In force: edition {0}. Light touch below {1}; social value weighting {2}% to {3}%.',
  intro:
    'Changing a figure makes a new policy edition with its own id. Procurements already decided keep the edition they were judged under; new decisions use the new one.',
  editionId: 'New edition id',
  editionHint: 'e.g. wmca-svp-2028',
  label: 'Edition name (optional)',
  source: 'Where the figures come from',
  sourceHint: 'e.g. the policy review approved by the Board, and its date',
  lightTouch: 'Light-touch line (£, inc. VAT)',
  lightTouchHint: 'Below this value a procurement is light touch.',
  min: 'Lowest weighting (%)',
  max: 'Highest weighting (%)',
  save: 'Save as a new edition',
  saved: 'Saved edition {0}.',
  saveFailed: 'The figures could not be saved',
  editionProblems: 'The new edition cannot be used',
};

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', marginTop: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

function fill(template: string, ...values: string[]): string {
  return values.reduce<string>((s, v, i) => s.replace(`{${i}}`, v), template);
}

export interface PolicyFiguresTabProps {
  data: HubData;
  edition: PolicyEdition;
  knownEditionIds: readonly string[];
  /** Called after a save, with what was saved (the screen shows it and reloads). */
  onChanged: (message: string) => void;
}

export function PolicyFiguresTab({ data, edition, knownEditionIds, onChanged }: PolicyFiguresTabProps): React.ReactElement {
  const styles = useStyles();
  const initial = (): PolicyFiguresInput => ({
    editionId: '',
    label: '',
    source: '',
    lightTouchLimit: formatPounds(edition.lightTouchLimitPence).replace('£', ''),
    weightingMinPercent: String(edition.weightingMinPercent),
    weightingMaxPercent: String(edition.weightingMaxPercent),
  });
  const [form, setForm] = React.useState<PolicyFiguresInput>(initial);
  const [errors, setErrors] = React.useState<FieldError[]>([]);
  const [saving, setSaving] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>(undefined);
  const change = (patch: Partial<PolicyFiguresInput>): void => setForm({ ...form, ...patch });

  const save = async (): Promise<void> => {
    const plan = planPolicyFigures(form, edition, knownEditionIds);
    setErrors(plan.errors);
    if (!plan.edition || plan.errors.length) return;
    setSaving(true);
    setFailure(undefined);
    try {
      for (const [key, value, description] of editionSettings(plan.edition, new Date().toISOString())) await data.settings.set(key, value, description);
      onChanged(fill(TEXT.saved, plan.edition.id));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };
  const general = messageFor(errors, 'edition');

  return (
    <div className={styles.form}>
      <Text>
        {fill(TEXT.current, edition.id, formatPounds(edition.lightTouchLimitPence), String(edition.weightingMinPercent), String(edition.weightingMaxPercent))}
      </Text>
      <Text>{TEXT.intro}</Text>
      <Field label={TEXT.editionId} hint={TEXT.editionHint} required {...fieldState(errors, 'editionId')}>
        <Input value={form.editionId} onChange={(_, d) => change({ editionId: d.value })} />
      </Field>
      <Field label={TEXT.label}>
        <Input value={form.label} onChange={(_, d) => change({ label: d.value })} />
      </Field>
      <Field label={TEXT.source} hint={TEXT.sourceHint} required {...fieldState(errors, 'source')}>
        <Textarea value={form.source} onChange={(_, d) => change({ source: d.value })} />
      </Field>
      <Field label={TEXT.lightTouch} hint={TEXT.lightTouchHint} required {...fieldState(errors, 'lightTouchLimit')}>
        <Input value={form.lightTouchLimit} inputMode="decimal" onChange={(_, d) => change({ lightTouchLimit: d.value })} />
      </Field>
      <Field label={TEXT.min} required {...fieldState(errors, 'weightingMinPercent')}>
        <Input value={form.weightingMinPercent} inputMode="decimal" onChange={(_, d) => change({ weightingMinPercent: d.value })} />
      </Field>
      <Field label={TEXT.max} required {...fieldState(errors, 'weightingMaxPercent')}>
        <Input value={form.weightingMaxPercent} inputMode="decimal" onChange={(_, d) => change({ weightingMaxPercent: d.value })} />
      </Field>
      {general && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{`${TEXT.editionProblems}: ${general}`}</MessageBarBody>
        </MessageBar>
      )}
      {failure !== undefined && <ErrorNotice title={TEXT.saveFailed} error={failure} />}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={saving} onClick={() => save()}>
          {TEXT.save}
        </Button>
      </div>
    </div>
  );
}
