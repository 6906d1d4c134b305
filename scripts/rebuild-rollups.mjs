#!/usr/bin/env node
// Rebuilds the Rollups list of a hub site from its commitments and outcome logs, over the real data layer:
//   node scripts/rebuild-rollups.mjs --site http://127.0.0.1:4321/sites/socialvalue [--dry-run]
// The TypeScript body (local/tools/rebuildRollups.ts) is bundled with esbuild on each run.
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'svhub-rebuild-'));
const outfile = join(dir, 'rebuild.cjs');
try {
  buildSync({
    entryPoints: [join(root, 'local', 'tools', 'rebuildRollups.ts')],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    outfile,
    external: ['node:*'],
    logLevel: 'error',
  });
  const { main } = createRequire(pathToFileURL(outfile).href)(outfile);
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
