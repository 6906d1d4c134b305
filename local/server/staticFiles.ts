// Serves a built page (index.html and its assets) from --static <dir>.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
  '.woff': 'font/woff', '.txt': 'text/plain; charset=utf-8',
};

export async function readStatic(dir: string, urlPath: string): Promise<{ type: string; body: Buffer } | undefined> {
  let p: string;
  try {
    p = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (p.endsWith('/')) p += 'index.html';
  const root = resolve(dir);
  const file = resolve(join(root, normalize(p)));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  try {
    const s = await stat(file);
    if (!s.isFile()) return undefined;
    return { type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', body: await readFile(file) };
  } catch {
    return undefined;
  }
}
