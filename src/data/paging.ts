// Reading a query to its end, page by page (each page one request, past the 5,000-item threshold when the
// query's filter is indexed). One definition for the screens, the dashboard, the rebuild and the benchmarks.
import type { Page } from './ports';

/** Every page of a query, up to `maxPages` (screens cap what they read; the rebuild reads everything). */
export async function allPages<T>(load: (pageToken?: string) => Promise<Page<T>>, maxPages: number = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await load(token);
    out.push(...page.items);
    token = page.nextPageToken;
    if (!token) break;
  }
  return out;
}
