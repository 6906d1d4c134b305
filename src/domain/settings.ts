// The hub's settings by name. Policy figures are kept by edition (the key names the edition); the
// Settings list holds them, and the policy edition in force is built from them.

/** Well-known setting keys. */
export const SETTING_KEYS = {
  policyEdition: 'policy.edition',
  lightTouchLimitPence: 'policy.lightTouchLimitPence',
  weightingMinPercent: 'policy.weightingMinPercent',
  weightingMaxPercent: 'policy.weightingMaxPercent',
  taskforceTeamId: 'taskforce.teamId',
  taskforceChannelId: 'taskforce.channelId',
  /** Who approves weighting decisions: a person, or a group's mailbox (the workflow assigns the approval to it). */
  approverEmail: 'approvals.approverEmail',
  schemaVersion: 'hub.schemaVersion',
} as const;
