// The fixed, clearly fictional people of the local site. Emails use the reserved domain svhub.example,
// never a real tenant. The seed and the tests refer to them through this module.

export type SiteGroupName = 'Social Value Owners' | 'Social Value Members' | 'Social Value Visitors' | 'Social Value Approvers';

export interface DemoUser {
  /** short alias accepted by --user / SVHUB_USER / POST /_local/user */
  alias: string;
  title: string;
  email: string;
  jobTitle: string;
  department: string;
  groups: SiteGroupName[];
  isSiteAdmin: boolean;
}

export const SITE_GROUPS: { id: number; title: SiteGroupName; description: string }[] = [
  { id: 3, title: 'Social Value Owners', description: 'Administer the hub: measure library, thresholds, settings, provisioning.' },
  { id: 4, title: 'Social Value Visitors', description: 'Read the dashboard and lists (the taskforce).' },
  { id: 5, title: 'Social Value Members', description: 'Procurement officers: create and edit their own procurements and logs.' },
  { id: 6, title: 'Social Value Approvers', description: 'Approve or reject weighting decisions; verify or reject delivered outcomes.' },
];

export const DEMO_USERS: DemoUser[] = [
  { alias: 'officer', title: 'Priya Sandhu', email: 'priya.sandhu@svhub.example', jobTitle: 'Procurement Officer', department: 'Commercial', groups: ['Social Value Members'], isSiteAdmin: false },
  { alias: 'officer2', title: 'Tom Whitehouse', email: 'tom.whitehouse@svhub.example', jobTitle: 'Procurement Officer', department: 'Transport', groups: ['Social Value Members'], isSiteAdmin: false },
  { alias: 'officer3', title: 'Grace Okafor', email: 'grace.okafor@svhub.example', jobTitle: 'Senior Procurement Officer', department: 'Housing & Regeneration', groups: ['Social Value Members'], isSiteAdmin: false },
  { alias: 'manager', title: 'Daniel Hughes', email: 'daniel.hughes@svhub.example', jobTitle: 'Procurement Lead', department: 'Commercial', groups: ['Social Value Members', 'Social Value Approvers'], isSiteAdmin: false },
  { alias: 'admin', title: 'Morgan Ellis', email: 'morgan.ellis@svhub.example', jobTitle: 'Social Value Hub Administrator', department: 'Digital', groups: ['Social Value Owners'], isSiteAdmin: true },
  { alias: 'taskforce', title: 'Sam Barker', email: 'sam.barker@svhub.example', jobTitle: 'Social Value Taskforce Member', department: 'Inclusive Growth', groups: ['Social Value Visitors'], isSiteAdmin: false },
  // The account the approval workflow's SharePoint connection runs as (flows/README.md): a member (it sets a
  // procurement's Status) and an approver (it adds the decision to the Approvals list).
  { alias: 'workflow', title: 'Social Value Hub workflow', email: 'svhub.workflow@svhub.example', jobTitle: 'Service account (approval workflow)', department: 'Digital', groups: ['Social Value Members', 'Social Value Approvers'], isSiteAdmin: false },
];

/** SharePoint claims login name of a person. */
export function loginNameFor(email: string): string {
  return `i:0#.f|membership|${email.toLowerCase()}`;
}

/** Resolve an alias, email or claims login name to a demo user (case-insensitive). */
export function findDemoUser(login: string | undefined): DemoUser | undefined {
  if (!login) return undefined;
  const l = login.trim().toLowerCase();
  const email = l.includes('|') ? l.slice(l.lastIndexOf('|') + 1) : l;
  return DEMO_USERS.find((u) => u.alias === l || u.email === email);
}

export const DEFAULT_USER = DEMO_USERS[0];

/**
 * NOT SharePoint: an /_api request carrying this header (alias, email or claims login of a site user) runs as
 * that user instead of the current one, so concurrent clients (tests simulating many officers) each keep
 * their own identity without switching the server's user under each other.
 */
export const LOCAL_USER_HEADER = 'x-svhub-user';
