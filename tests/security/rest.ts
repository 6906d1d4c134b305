// A hostile site member's tool: SharePoint's REST API called directly, with the browser session's rights and
// none of the hub's screens or data layer. Each request runs as the given demo person (the local server's
// per-request user header stands for their signed-in session) and carries a request digest, as a browser
// page on the site would send.
import { asLocalUser } from '../support/localServer';

export interface RestReply {
  status: number;
  body: Record<string, unknown>;
}

export interface Rest {
  get(path: string): Promise<RestReply>;
  post(path: string, body?: unknown): Promise<RestReply>;
  merge(path: string, body: unknown): Promise<RestReply>;
  del(path: string): Promise<RestReply>;
}

export function restAs(siteUrl: string, login: string): Rest {
  let digest: string | undefined;
  const send = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<RestReply> => {
    if (method !== 'GET' && !digest) {
      const info = await fetch(`${siteUrl}/_api/contextinfo`, { method: 'POST', headers: { accept: 'application/json', ...asLocalUser(login) } });
      digest = String(((await info.json()) as { FormDigestValue?: string }).FormDigestValue || '');
    }
    const res = await fetch(`${siteUrl}/_api/${path}`, {
      method: method === 'GET' ? 'GET' : 'POST',
      headers: {
        accept: 'application/json;odata=nometadata',
        ...(body !== undefined ? { 'content-type': 'application/json;odata=nometadata' } : {}),
        ...(method !== 'GET' ? { 'x-requestdigest': digest || '' } : {}),
        ...asLocalUser(login),
        ...extra,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed };
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    merge: (path, body) => send('MERGE', path, body, { 'x-http-method': 'MERGE', 'if-match': '*' }),
    del: (path) => send('DELETE', path, undefined, { 'x-http-method': 'DELETE', 'if-match': '*' }),
  };
}

/** The id of the list item whose indexed unique key column holds `key`. */
export async function itemId(rest: Rest, list: string, column: string, key: string): Promise<number> {
  const r = await rest.get(`web/lists/getbytitle('${list}')/items?$select=Id&$filter=${column} eq '${encodeURIComponent(key.replace(/'/g, "''"))}'`);
  const value = (r.body.value as { Id: number }[] | undefined) || [];
  if (value.length !== 1) throw new Error(`${list}: no single item with ${column} = ${key} (${r.status} ${JSON.stringify(r.body).slice(0, 200)})`);
  return value[0].Id;
}

/** A site user's id (ensureUser), as a hostile member would look it up to fill a person column. */
export async function userId(rest: Rest, email: string): Promise<number> {
  const r = await rest.post('web/ensureuser', { logonName: `i:0#.f|membership|${email}` });
  return Number(r.body.Id);
}
