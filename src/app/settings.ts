// The hub's settings a site owner keeps: who approves weighting decisions, and the taskforce's team and channel.
import { SETTING_KEYS } from '../domain';
import type { HubData } from '../data/ports';

export interface HubSettings {
  approverEmail: string;
  teamId?: string;
  channelId?: string;
}

/** Saves the settings, each with the description a site owner sees in the Settings list. */
export async function saveSettings(data: HubData, settings: HubSettings, descriptions: { approver: string; team: string; channel: string }): Promise<void> {
  await data.settings.set(SETTING_KEYS.approverEmail, settings.approverEmail.trim(), descriptions.approver);
  if (settings.teamId) await data.settings.set(SETTING_KEYS.taskforceTeamId, settings.teamId, descriptions.team);
  if (settings.channelId) await data.settings.set(SETTING_KEYS.taskforceChannelId, settings.channelId, descriptions.channel);
}
