// Bundles the local server (local/server/main.ts and what it imports: the SharePoint emulator, the Graph
// sink, the seed, src/data and src/domain) into .local-build/server.cjs with esbuild. One copy of the
// build, used by `npm start` (local/start.mjs), the tests (tests/support/localServer.ts) and the benchmarks.
const fs = require('fs');
const path = require('path');
const { buildSync } = require('esbuild');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, '.local-build');
const serverFile = path.join(outDir, 'server.cjs');
const SOURCE_DIRS = ['local', 'src/data', 'src/domain', 'src/teams', 'src/app', 'src/documents', 'src/loc'];

function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(ts|tsx|mjs|cjs|js|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Bundles the server when the bundle is missing or older than its sources. Safe across parallel jest workers. */
function buildLocalServer({ force = false } = {}) {
  const newest = Math.max(...SOURCE_DIRS.map((d) => newestMtime(path.join(root, d))));
  if (!force && fs.existsSync(serverFile) && fs.statSync(serverFile).mtimeMs >= newest) return serverFile;
  fs.mkdirSync(outDir, { recursive: true });
  // Written beside, then renamed, so a reader never sees half a file.
  const temp = path.join(outDir, `server.${process.pid}.${Date.now()}.tmp.cjs`);
  buildSync({
    entryPoints: [path.join(root, 'local', 'server', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    outfile: temp,
    packages: 'bundle',
    external: ['node:*'],
    sourcemap: 'inline',
    logLevel: 'warning',
    mainFields: ['module', 'main'],
    // The workflows (src/app) speak the hub's words; the server's copy is the same file the web part ships.
    alias: { SocialValueHubStrings: path.join(root, 'local', 'strings.cjs') },
  });
  fs.renameSync(temp, serverFile);
  return serverFile;
}

module.exports = { buildLocalServer, serverFile, root };
