// The hub's settings by name. Policy figures are kept by edition (the key names the edition); the
// Settings list holds them, and the policy edition in force is built from them.

/** Well-known setting keys. */
export const SETTING_KEYS = {
  policyEdition: 'policy.edition',
  lightTouchLimitPence: 'policy.lightTouchLimitPence',
  weightingMinPercent: 'policy.weightingMinPercent',
  weightingMaxPercent: 'policy.weightingMaxPercent',
  /** Each authority's own editions (authorityEdition.ts), as JSON. Settings is writable by site owners only. */
  authorityEditions: 'policy.authorityEditions',
  taskforceTeamId: 'taskforce.teamId',
  taskforceChannelId: 'taskforce.channelId',
  /** Who approves weighting decisions: a person, or a group's mailbox (the workflow assigns the approval to it). */
  approverEmail: 'approvals.approverEmail',
  /**
   * The account the approval workflow's SharePoint connection runs as: a decision it writes is on record for
   * the responder it names. Settings is writable by site owners only, so members cannot name themselves.
   */
  approvalWorkflowAccount: 'approvals.workflowAccount',
  schemaVersion: 'hub.schemaVersion',
} as const;
