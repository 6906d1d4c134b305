// npm run test:e2e: browser tests in Debian's Chromium, driven by playwright-core, against npm start's server.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`Chromium was not found at ${chromium}.`);
  console.error('Install it with:  sudo apt-get update && sudo apt-get install -y chromium chromium-l10n');
  console.error('(or point CHROMIUM_PATH at a Chromium binary).');
  process.exit(1);
}
const result = spawnSync(
  path.join(root, 'node_modules/.bin/jest'),
  ['--selectProjects', 'e2e', '--runInBand', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } },
);
process.exit(result.status ?? 1);
