// The Graph client the poster needs: the few calls both SPFx's MSGraphClientV3
// (context.msGraphClientFactory.getClient('3')) and graph-client's Client.init(...) answer, so the web
// part, the local page and the tests hand in whichever they have.
import { classifyGraphError, TeamsGraphError } from './errors';

export interface GraphRequestLike {
  header(name: string, value: string): GraphRequestLike;
  get(): Promise<unknown>;
  post(content: unknown): Promise<unknown>;
  /**
   * graph-client's responseType: with 'raw' it resolves with fetch's Response whatever the status, so the
   * poster reads Retry-After itself (the runtime graph-client 3.0.2 drops headers from its errors). Typed
   * loosely because graph-client types it as its ResponseType enum, whose RAW member is the string 'raw'.
   */
  responseType?(type: unknown): GraphRequestLike;
}

/** The parts of fetch's Response the poster reads. */
export interface RawResponseLike {
  status: number;
  // eslint-disable-next-line @rushstack/no-new-null -- fetch's Headers.get answers null for a missing header
  headers: { get(name: string): string | null };
  text(): Promise<string>;
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

/**
 * An @odata.nextLink as a path for graph.api(): graph-client takes an absolute URL only when it is https
 * (a local Graph answers over http), so the origin and version are dropped and the client adds its own.
 */
export function nextLinkPath(nextLink: string): string {
  return nextLink.replace(/^https?:\/\/[^/]+\/(v1\.0|beta)(?=\/)/i, '');
}

interface GraphCollection {
  value?: unknown[];
  '@odata.nextLink'?: string;
}

const MAX_PAGES = 20;

/** Pages of a Graph collection, following @odata.nextLink; errors are thrown as graph-client throws them. */
export async function getPages(graph: GraphClientLike, path: string, maxPages: number, visit: (items: Record<string, unknown>[]) => boolean): Promise<void> {
  let next: string | undefined = path;
  for (let page = 0; next && page < maxPages; page++) {
    const result = ((await graph.api(next).get()) || {}) as GraphCollection;
    const items = (result.value || []).filter((v): v is Record<string, unknown> => !!v && typeof v === 'object');
    if (visit(items)) return;
    next = result['@odata.nextLink'] ? nextLinkPath(result['@odata.nextLink']) : undefined;
  }
}

async function getAll(graph: GraphClientLike, path: string, permission: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  try {
    await getPages(graph, path, MAX_PAGES, (page) => {
      items.push(...page);
      return false;
    });
  } catch (e) {
    throw new TeamsGraphError(classifyGraphError(e, { permission }));
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
