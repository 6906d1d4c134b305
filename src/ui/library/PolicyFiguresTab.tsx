// The policy figures a review may change — the light-touch line and the weighting range — saved as a new
// edition with its own id, checked by the domain (policyEditionProblems) against the threshold tables.
import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { formatPounds } from '../../domain';
import type { FieldError, PolicyEdition } from '../../domain';
import type { HubData } from '../../app/hubData';
import { savePolicyEdition } from '../../app/measureLibrary';
import { planPolicyFigures } from '../../domain';
import type { PolicyFiguresInput } from '../../domain';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../common/useAction';
import { fieldState, messageFor } from '../common/FieldErrors';
import * as strings from 'SocialValueHubStrings';
import { format } from '../../loc/format';

const S = strings.LibraryFigures;

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', marginTop: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

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
  const { busy: saving, error: failure, run } = useAction();
  const change = (patch: Partial<PolicyFiguresInput>): void => setForm({ ...form, ...patch });

  const save = async (): Promise<void> => {
    const plan = planPolicyFigures(form, edition, knownEditionIds);
    setErrors(plan.errors);
    if (!plan.edition || plan.errors.length) return;
    const next = plan.edition;
    if ((await run(() => savePolicyEdition(data, next).then(() => true))) === true) onChanged(format(S.Saved, next.id));
  };
  const general = messageFor(errors, 'edition');

  return (
    <div className={styles.form}>
      <Text>
        {format(S.Current, edition.id, formatPounds(edition.lightTouchLimitPence), String(edition.weightingMinPercent), String(edition.weightingMaxPercent))}
      </Text>
      <Text>{S.Intro}</Text>
      <Field label={S.EditionId} hint={S.EditionHint} required {...fieldState(errors, 'editionId')}>
        <Input value={form.editionId} onChange={(_, d) => change({ editionId: d.value })} />
      </Field>
      <Field label={S.Label}>
        <Input value={form.label} onChange={(_, d) => change({ label: d.value })} />
      </Field>
      <Field label={S.Source} hint={S.SourceHint} required {...fieldState(errors, 'source')}>
        <Textarea value={form.source} onChange={(_, d) => change({ source: d.value })} />
      </Field>
      <Field label={S.LightTouch} hint={S.LightTouchHint} required {...fieldState(errors, 'lightTouchLimit')}>
        <Input value={form.lightTouchLimit} inputMode="decimal" onChange={(_, d) => change({ lightTouchLimit: d.value })} />
      </Field>
      <Field label={S.Min} required {...fieldState(errors, 'weightingMinPercent')}>
        <Input value={form.weightingMinPercent} inputMode="decimal" onChange={(_, d) => change({ weightingMinPercent: d.value })} />
      </Field>
      <Field label={S.Max} required {...fieldState(errors, 'weightingMaxPercent')}>
        <Input value={form.weightingMaxPercent} inputMode="decimal" onChange={(_, d) => change({ weightingMaxPercent: d.value })} />
      </Field>
      {general && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{`${S.EditionProblems}: ${general}`}</MessageBarBody>
        </MessageBar>
      )}
      {failure !== undefined && <ErrorNotice title={S.SaveFailed} error={failure} />}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={saving} onClick={() => save()}>
          {S.Save}
        </Button>
      </div>
    </div>
  );
}
