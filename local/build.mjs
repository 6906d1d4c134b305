// Builds the local runtime with esbuild (not the SPFx bundler): the browser page that renders the same
// <App/> as the web part, and (through buildServer.cjs) the Node server that answers SharePoint's REST API.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = path.join(root, '.local-build');
export const pageDir = path.join(outDir, 'page');

// SPFx loc files are AMD modules; give the page the same file, unwrapped.
const spfxStrings = {
  name: 'spfx-strings',
  setup(b) {
    b.onResolve({ filter: /^SocialValueHubStrings$/ }, () => ({ path: path.join(root, 'src/loc/en-us.js'), namespace: 'spfx-strings' }));
    b.onLoad({ filter: /.*/, namespace: 'spfx-strings' }, (args) => ({
      contents: `let strings; const define = (_deps, factory) => { strings = factory(); };\n${fs.readFileSync(args.path, 'utf8')}\nexport = strings;`,
      loader: 'ts',
      resolveDir: path.dirname(args.path),
    }));
  },
};

// `dir`: somewhere other than .local-build/page (the benchmark builds its own, so a running `npm start` keeps its files).
// `scriptBase`: an origin the page's scripts come from instead of the page's own (the benchmark's stand-in for the
// Microsoft 365 CDN, bench/cdn.ts); the chunks' own imports are relative, so they follow the entry there. `html`: the
// page's name in `dir` (the benchmark writes one page of each kind beside the other).
export async function buildPage({ minify = false, dir = pageDir, scriptBase = '', html = 'index.html' } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const result = await build({
    entryPoints: { app: path.join(root, 'local/page/main.tsx') },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    sourcemap: true,
    minify,
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': JSON.stringify(minify ? 'production' : 'development') },
    plugins: [spfxStrings],
    logLevel: 'warning',
    metafile: true,
  });
  await buildVivaPage({ minify, dir });
  const template = fs.readFileSync(path.join(root, 'local/page/index.html'), 'utf8');
  if (!template.includes('src="/app.js"')) throw new Error('local/page/index.html no longer loads /app.js: see buildPage.');
  const chunks = firstScreenChunks(result.metafile, dir).map((chunk) => `${scriptBase}${chunk}`);
  fs.writeFileSync(path.join(dir, html), withIcon(withFirstScreenChunks(template.replace('src="/app.js"', `src="${scriptBase}/app.js"`), chunks)));
  return dir;
}

// The Viva Connections card's local page (/_local/viva): a build of its own, so the hub page's chunks (and what the
// benchmark measures of them) stay as they are.
async function buildVivaPage({ minify, dir }) {
  await build({
    entryPoints: { viva: path.join(root, 'local/page/viva.ts') },
    outdir: path.join(dir, 'viva'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    sourcemap: true,
    minify,
    define: { 'process.env.NODE_ENV': JSON.stringify(minify ? 'production' : 'development') },
    plugins: [spfxStrings],
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(dir, 'viva.html'), withIcon(fs.readFileSync(path.join(root, 'local/page/viva.html'), 'utf8')));
}

// The app's icon inside the page, not a request of its own. In Teams the hub is a tab, an iframe, and a browser asks
// for a favicon only for the top page; here the favicon's request went out with the opening's $batch and took one of
// the six connections a browser opens to a host over HTTP/1.1 while the first screen's chunks waited (issue 18).
function withIcon(html) {
  const png = fs.readFileSync(path.join(root, 'appPackage/color.png')).toString('base64');
  return html.replace('href="/icon.png"', `href="data:image/png;base64,${png}"`);
}

// The first screen's code (the screens and the register, lazy-loaded by src/ui) with the chunks they import. SPFx's
// webpack runtime fetches a lazy chunk and every chunk it needs at once (it knows the chunk graph); an ES-module
// chunk names its imports only once it has arrived, one round trip later. The page lists them (local/page/main.tsx
// preloads them when it renders the hub, not for ?blank), so the local page loads its first screen as the web part does.
// With them, the opening's chunk (local/page/hostOpening.ts, the web part's 'hub-opening').
const FIRST_SCREEN = ['src/ui/HubScreens.tsx', 'src/ui/register/Register.tsx', 'local/page/hostOpening.ts'];

function firstScreenChunks(metafile, dir) {
  const outputs = metafile.outputs;
  const byEntry = Object.entries(outputs).filter(([, o]) => o.entryPoint && FIRST_SCREEN.includes(o.entryPoint.replace(/\\/g, '/')));
  const files = new Set();
  const visit = (file) => {
    if (files.has(file) || !outputs[file]) return;
    files.add(file);
    for (const i of outputs[file].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  for (const [file] of byEntry) visit(file);
  if (byEntry.length !== FIRST_SCREEN.length) throw new Error(`The first screen's chunks were not found in the build (${FIRST_SCREEN.join(', ')}).`);
  // Chunks app.js imports itself are loaded by every page anyway.
  const app = Object.keys(outputs).find((f) => outputs[f].entryPoint === 'local/page/main.tsx');
  const appChunks = new Set();
  const visitApp = (file) => {
    if (appChunks.has(file) || !outputs[file]) return;
    appChunks.add(file);
    for (const i of outputs[file].imports) if (i.kind === 'import-statement') visitApp(i.path);
  };
  if (app) visitApp(app);
  return [...files].filter((f) => !appChunks.has(f)).map((f) => `/${path.relative(dir, path.resolve(root, f)).split(path.sep).join('/')}`);
}

function withFirstScreenChunks(html, chunks) {
  const list = `<script type="application/json" id="first-screen-chunks">${JSON.stringify(chunks)}</script>`;
  return html.replace('</body>', `  ${list}\n  </body>`);
}

/** The server bundle (CommonJS): see local/buildServer.cjs, shared with the tests. */
export function buildServer() {
  return createRequire(import.meta.url)('./buildServer.cjs').buildLocalServer();
}
