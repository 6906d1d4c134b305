// npm run bench: bundles bench/bench.ts with esbuild and runs it on this Node (the pinned 22).
// Prints a table of figures beside their baselines and writes bench/results.json. Not part of npm test.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, '.local-build', 'bench.cjs');
buildSync({
  entryPoints: [path.join(root, 'bench', 'bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  packages: 'bundle',
  external: ['node:*', 'esbuild'],
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
