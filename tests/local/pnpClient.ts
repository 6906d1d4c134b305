// PnPjs wired the way the app wires it (SPBrowser = default headers, init, fetch with retry, parse, request digest).
import { spfi, SPFI, SPBrowser } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import { formDigest } from '../support/localServer';

export function pnp(siteUrl: string): SPFI {
  return spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
}

/**
 * Raw fetch against the site's REST API (for requests PnPjs would not send). Writes carry a form digest from
 * /_api/contextinfo, as SharePoint requires of a browser session (pass `x-requestdigest` to override it).
 */
export async function raw(siteUrl: string, path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const method = (init.method ?? 'GET').toUpperCase();
  const given = Object.keys((init.headers as Record<string, string> | undefined) ?? {}).some((k) => k.toLowerCase() === 'x-requestdigest');
  const digest: Record<string, string> = method === 'GET' || method === 'HEAD' || given ? {} : { 'x-requestdigest': await formDigest(siteUrl) };
  const res = await fetch(`${siteUrl}/_api/${path}`, {
    ...init,
    headers: { accept: 'application/json', 'content-type': 'application/json;charset=utf-8', ...digest, ...(init.headers as Record<string, string> | undefined) },
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export function errorOf(json: any): { code: string; message: string } {
  return { code: json?.['odata.error']?.code, message: json?.['odata.error']?.message?.value };
}
