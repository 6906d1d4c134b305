// Runs a TypeScript command body (its `main(argv)` returning an exit code) on this Node: bundles it with
// esbuild into a temporary directory, loads it and removes the bundle. Shared by the site commands.
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `entry` is relative to the repository root, e.g. 'local/tools/rebuildRollups.ts'. */
export async function runTool(entry, argv) {
  const dir = mkdtempSync(join(tmpdir(), 'svhub-tool-'));
  const outfile = join(dir, 'tool.cjs');
  try {
    buildSync({
      entryPoints: [join(root, entry)],
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      outfile,
      external: ['node:*'],
      logLevel: 'error',
    });
    const { main } = createRequire(pathToFileURL(outfile).href)(outfile);
    process.exitCode = await main(argv);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
