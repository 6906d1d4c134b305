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
export async function buildPage({ minify = false, dir = pageDir } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  await build({
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
  });
  fs.copyFileSync(path.join(root, 'local/page/index.html'), path.join(dir, 'index.html'));
  fs.copyFileSync(path.join(root, 'appPackage/color.png'), path.join(dir, 'icon.png'));
  return dir;
}

/** The server bundle (CommonJS): see local/buildServer.cjs, shared with the tests. */
export function buildServer() {
  return createRequire(import.meta.url)('./buildServer.cjs').buildLocalServer();
}
