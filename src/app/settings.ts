// The hub's settings a site owner keeps: who approves weighting decisions, and the taskforce's team and channel.
import { SETTING_KEYS } from '../domain';
import type { HubData } from '../data/ports';

export interface HubSettings {
  approverEmail: string;
  /** The account the approval workflow's connection runs as: its decisions are on record for the responder they name. */
  workflowAccount: string;
  teamId?: string;
  channelId?: string;
}

/** Saves the settings, each with the description a site owner sees in the Settings list. */
export async function saveSettings(data: HubData, settings: HubSettings, descriptions: { approver: string; workflowAccount: string; team: string; channel: string }): Promise<void> {
  await data.settings.set(SETTING_KEYS.approverEmail, settings.approverEmail.trim(), descriptions.approver);
  await data.settings.set(SETTING_KEYS.approvalWorkflowAccount, settings.workflowAccount.trim(), descriptions.workflowAccount);
  if (settings.teamId) await data.settings.set(SETTING_KEYS.taskforceTeamId, settings.teamId, descriptions.team);
  if (settings.channelId) await data.settings.set(SETTING_KEYS.taskforceChannelId, settings.channelId, descriptions.channel);
}
