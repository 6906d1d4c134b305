// The local site as the browser tests see it from outside: list items over SharePoint's REST API and the
// local sign-in switch. Plain fetch, so the tests check what really landed in the lists.
import { serverUrl } from './browser';

export async function listItems(list: string, filter: string): Promise<Record<string, any>[]> {
  const url = `${serverUrl()}/sites/socialvalue/_api/web/lists/getByTitle('${list}')/items?$filter=${encodeURIComponent(filter)}`;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${list}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { value: Record<string, any>[] }).value;
}

/** Signs the local site in as one of the demo people (officer, manager, admin). */
export async function setUser(login: string): Promise<void> {
  const response = await fetch(`${serverUrl()}/_local/user`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login }),
  });
  if (!response.ok) throw new Error(`could not sign in as ${login}: ${response.status}`);
}
