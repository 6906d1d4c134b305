// The Graph client the poster needs: the few calls both SPFx's MSGraphClientV3
// (context.msGraphClientFactory.getClient('3')) and graph-client's Client.init(...) answer, so the web
// part, the local page and the tests hand in whichever they have.
import { classifyGraphError, TeamsGraphError } from './errors';

export interface GraphRequestLike {
  header(name: string, value: string): GraphRequestLike;
  get(): Promise<unknown>;
  post(content: unknown): Promise<unknown>;
}

export interface GraphClientLike {
  api(path: string): GraphRequestLike;
}

export interface TeamSummary {
  id: string;
  displayName: string;
  description?: string;
}

export interface ChannelSummary {
  id: string;
  displayName: string;
  description?: string;
  membershipType?: string;
}

/** Path segments from Graph ids: channel ids hold ':' and '@' ("19:…@thread.tacv2"). */
export function graphPath(...segments: string[]): string {
  return '/' + segments.map((s, i) => (i % 2 === 1 ? encodeURIComponent(s) : s)).join('/');
}

interface GraphCollection {
  value?: unknown[];
  '@odata.nextLink'?: string;
}

const MAX_PAGES = 20;

async function getAll(graph: GraphClientLike, path: string, permission: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let next: string | undefined = path;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    let result: GraphCollection;
    try {
      result = ((await graph.api(next).get()) || {}) as GraphCollection;
    } catch (e) {
      throw new TeamsGraphError(classifyGraphError(e, { permission }));
    }
    for (const v of result.value || []) if (v && typeof v === 'object') items.push(v as Record<string, unknown>);
    next = result['@odata.nextLink'];
  }
  return items;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The signed-in person's teams, for the settings picker (Team.ReadBasic.All). */
export async function listJoinedTeams(graph: GraphClientLike): Promise<TeamSummary[]> {
  const items = await getAll(graph, '/me/joinedTeams', 'Team.ReadBasic.All');
  return items
    .map((t) => ({ id: text(t.id) || '', displayName: text(t.displayName) || '(unnamed team)', description: text(t.description) }))
    .filter((t) => t.id !== '')
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

/** A team's channels, for the settings picker (Channel.ReadBasic.All). */
export async function listChannels(graph: GraphClientLike, teamId: string): Promise<ChannelSummary[]> {
  const items = await getAll(graph, graphPath('teams', teamId, 'channels'), 'Channel.ReadBasic.All');
  return items
    .map((c) => ({
      id: text(c.id) || '',
      displayName: text(c.displayName) || '(unnamed channel)',
      description: text(c.description),
      membershipType: text(c.membershipType),
    }))
    .filter((c) => c.id !== '');
}
