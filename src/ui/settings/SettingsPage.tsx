import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import { SETTING_KEYS, isValidEmail } from '../../domain';
import type { FieldError } from '../../domain';
import { saveSettings } from '../../app/settings';
import type { HubData } from '../../app/hubData';
import { listChannels, listJoinedTeams } from '../../app/taskforceChannel';
import type { ChannelSummary, GraphClientLike, TeamSummary } from '../../app/taskforceChannel';
import type { TeamsContextInfo } from '../../teams/teamsContext';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldState } from '../common/FieldErrors';
import { useAsync } from '../common/useAsync';
import { format } from '../../loc/format';
import { RebuildFigures } from './RebuildFigures';
import { HubSiteInUse } from './HubSiteInUse';
import type { HubSite } from '../../app/hubSite';

export interface SettingsPageProps {
  data: HubData;
  graph?: GraphClientLike;
  teams?: TeamsContextInfo;
  canManageSite: boolean;
  /** The lists' site and where it came from; shown to everyone who opens Settings. */
  hubSite?: HubSite;
}

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

interface Form {
  approverEmail: string;
  workflowAccount: string;
  teamId: string;
  channelId: string;
}

/** The site owner's settings: who approves, and which Teams channel the taskforce meets in. */
export function SettingsPage({ data, graph, teams, canManageSite, hubSite }: SettingsPageProps): React.ReactElement {
  const styles = useStyles();
  const stored = useAsync(() => data.settings.all(), [data]);
  const [form, setForm] = React.useState<Form | undefined>();
  const [errors, setErrors] = React.useState<FieldError[]>([]);
  const [saving, setSaving] = React.useState(false);
  const [saved, setSaved] = React.useState(false);
  const [saveError, setSaveError] = React.useState<unknown>(undefined);

  React.useEffect(() => {
    if (!stored.value || form) return;
    // In a channel tab the taskforce channel defaults to the channel the tab is in.
    setForm({
      approverEmail: stored.value[SETTING_KEYS.approverEmail] ?? '',
      workflowAccount: stored.value[SETTING_KEYS.approvalWorkflowAccount] ?? '',
      teamId: stored.value[SETTING_KEYS.taskforceTeamId] ?? teams?.teamId ?? '',
      channelId: stored.value[SETTING_KEYS.taskforceChannelId] ?? teams?.channelId ?? '',
    });
  }, [stored.value, form, teams]);

  const teamList = useAsync<TeamSummary[]>(() => (graph ? listJoinedTeams(graph) : Promise.resolve([])), [graph]);
  const channelList = useAsync<ChannelSummary[]>(
    () => (graph && form?.teamId ? listChannels(graph, form.teamId) : Promise.resolve([])),
    [graph, form?.teamId],
  );

  if (!canManageSite) {
    return (
      <>
        <MessageBar intent="info">
          <MessageBarBody>{strings.Settings.OwnersOnly}</MessageBarBody>
        </MessageBar>
        {hubSite && <HubSiteInUse site={hubSite} />}
      </>
    );
  }
  if (stored.error !== undefined) return <ErrorNotice title={strings.Setup.CannotReachLists} error={stored.error} onRetry={stored.reload} />;
  if (!form) return <Spinner label={strings.Settings.Loading} />;

  const change = (patch: Partial<Form>): void => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };
  const save = async (): Promise<void> => {
    const problems: FieldError[] = [];
    if (form.approverEmail.trim() && !isValidEmail(form.approverEmail)) {
      problems.push({ field: 'approverEmail', message: strings.Settings.ApproverInvalid });
    }
    if (form.workflowAccount.trim() && !isValidEmail(form.workflowAccount)) {
      problems.push({ field: 'workflowAccount', message: strings.Settings.ApproverInvalid });
    }
    setErrors(problems);
    if (problems.length) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      await saveSettings(data, form, { approver: strings.Settings.ApproverHint, workflowAccount: strings.Settings.WorkflowAccountHint, team: strings.Settings.Team, channel: strings.Settings.Channel });
      setSaved(true);
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  const teamsKnown = teamList.value ?? [];
  const channelsKnown = channelList.value ?? [];
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{strings.Settings.Heading}</h2>
      <div className={styles.form}>
        <Field label={strings.Settings.Approver} hint={strings.Settings.ApproverHint} {...fieldState(errors, 'approverEmail')}>
          <Input type="email" value={form.approverEmail} onChange={(_, d) => change({ approverEmail: d.value })} />
        </Field>
        <Field label={strings.Settings.WorkflowAccount} hint={strings.Settings.WorkflowAccountHint} {...fieldState(errors, 'workflowAccount')}>
          <Input type="email" value={form.workflowAccount} onChange={(_, d) => change({ workflowAccount: d.value })} />
        </Field>
        {!graph && (
          <MessageBar intent="info">
            <MessageBarBody>{strings.Settings.NoGraph}</MessageBarBody>
          </MessageBar>
        )}
        {teamList.error !== undefined && <ErrorNotice title={strings.Settings.TeamsFailed} error={teamList.error} onRetry={teamList.reload} />}
        {graph && (
          <>
            <Field label={strings.Settings.Team}>
              <Select value={form.teamId} onChange={(_, d) => change({ teamId: d.value, channelId: '' })}>
                <option value="">{strings.Settings.ChooseTeam}</option>
                {teamsKnown.map((t) => (
                  <option key={t.id} value={t.id}>{t.displayName}</option>
                ))}
              </Select>
            </Field>
            <Field label={strings.Settings.Channel}>
              <Select value={form.channelId} onChange={(_, d) => change({ channelId: d.value })} disabled={!form.teamId}>
                <option value="">{strings.Settings.ChooseChannel}</option>
                {channelsKnown.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.id === teams?.channelId ? format(strings.Settings.CurrentChannel, c.displayName) : c.displayName}
                  </option>
                ))}
              </Select>
            </Field>
            {channelList.error !== undefined && <ErrorNotice title={strings.Settings.TeamsFailed} error={channelList.error} onRetry={channelList.reload} />}
          </>
        )}
        {saveError !== undefined && <ErrorNotice title={strings.Common.ThatDidNotWork} error={saveError} />}
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={() => save()} disabled={saving}>
            {strings.Settings.Save}
          </Button>
          <Text aria-live="polite">{saved ? strings.Settings.Saved : ''}</Text>
        </div>
      </div>
      {hubSite && <HubSiteInUse site={hubSite} />}
      <RebuildFigures data={data} />
    </section>
  );
}
