// The hub web part's ship bundle (issue 8, benchmark 1): what a user downloads before the hub's first render,
// beside the dependency floor — a trivial web part with the same dependencies (bench/floor) — built in the
// same run by the same toolchain.
//
// How: a temporary copy of the project in the system's temp folder (src, config, gulpfile, tsconfig; node_modules
// linked; outside the repository, so jest's module map never sees a second package.json) with one more bundle in its config/config.json for the floor, built with the project's own
// `gulp bundle --ship`. A copy rather than the real tree, so the real config, package, dist/ and temp/ are never
// touched (someone may be building or packaging there); SPFx's own build rather than a webpack/esbuild look-alike,
// because the figure is only worth having if it is what SharePoint serves. Two changes in the copy's gulpfile,
// neither of which alters the output: webpack writes its stats (which files make which chunk, and what is in
// them), and lint is off (it is `npm run build`'s job, and a colleague's half-finished edit must not stop the
// measurement).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

const HUB = 'social-value-hub-web-part';
const FLOOR = 'bench-floor-web-part';
/**
 * Chunk groups the hub asks for on its way to the register, with no click: its screens' shell (nav, set-up
 * check), the opening's part of the SharePoint data layer and the register. They are fetched while the first
 * render shows the header and a spinner, not before it, so they are not "initial"; they are reported as the
 * first screen. The rest of the data layer ('hub-data') is fetched once the register's first page is drawn.
 */
const FIRST_SCREEN = ['hub', 'hub-opening', 'register'];

interface StatsModule {
  name?: string;
  size: number;
  modules?: StatsModule[];
  providedExports?: string[] | null;
  usedExports?: string[] | boolean | null;
}
interface StatsChunk {
  id: number | string;
  names: string[];
  files: string[];
  children: (number | string)[];
  modules?: StatsModule[];
}
interface Stats {
  chunks: StatsChunk[];
  entrypoints: Record<string, { chunks: (number | string)[] }>;
  namedChunkGroups: Record<string, { chunks: (number | string)[] }>;
}

export interface Size {
  files: string[];
  min: number;
  gzip: number;
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(0);
const sizeText = (s: Size): string => `${kb(s.min)} KB / ${kb(s.gzip)} KB gzip`;

const FLOOR_ID = '3b1e5f4c-9d2a-4c8e-b7a1-0f1005e70f10';

// Appended to the copy's gulpfile (see the top of this file).
const GULPFILE_TAIL = `
build.lintCmd.enabled = false;
// The project's own additionalConfiguration first: mergeConfig keeps one function, the last given.
const projectConfiguration = build.configureWebpack.taskConfig.additionalConfiguration;
build.configureWebpack.mergeConfig({
  additionalConfiguration: (generated) => {
    const config = projectConfiguration ? projectConfiguration(generated) : generated;
    config.plugins.push({
      apply(compiler) {
        compiler.hooks.done.tap('bench-stats', (stats) => {
          const json = stats.toJson({ all: false, chunks: true, chunkModules: true, nestedModules: true, dependentModules: true,
            chunkModulesSpace: 1e6, nestedModulesSpace: 1e6, usedExports: true, providedExports: true, chunkRelations: true, entrypoints: true, chunkGroups: true, ids: true });
          require('fs').writeFileSync(require('path').join(__dirname, 'webpack-stats.json'), JSON.stringify(json));
        });
      },
    });
    return config;
  },
});
`;

/** The temporary project: the real one's sources and config, plus the floor web part as one more bundle. */
function prepareCopy(root: string, work: string): void {
  for (const name of ['src', 'config', 'package.json', 'tsconfig.json', '.eslintrc.js', 'gulpfile.js']) {
    fs.cpSync(path.join(root, name), path.join(work, name), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  fs.appendFileSync(path.join(work, 'gulpfile.js'), GULPFILE_TAIL);
  const floorDir = path.join(work, 'src', 'webparts', 'benchFloor');
  fs.mkdirSync(floorDir, { recursive: true });
  fs.copyFileSync(path.join(root, 'bench', 'floor', 'BenchFloorWebPart.ts'), path.join(floorDir, 'BenchFloorWebPart.ts'));
  // The hub's manifest under the floor's own id and name (SPFx's manifest step wants all of its fields).
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'src', 'webparts', 'socialValueHub', 'SocialValueHubWebPart.manifest.json'), 'utf8'));
  manifest.id = FLOOR_ID;
  manifest.alias = 'BenchFloorWebPart';
  manifest.preconfiguredEntries = [{ ...manifest.preconfiguredEntries[0], title: { default: 'Bench floor' }, properties: {} }];
  fs.writeFileSync(path.join(floorDir, 'BenchFloorWebPart.manifest.json'), JSON.stringify(manifest, null, 2));
  const configFile = path.join(work, 'config', 'config.json');
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  if (!config.bundles[HUB]) throw new Error(`config/config.json has no bundle called ${HUB}.`);
  config.bundles[FLOOR] = {
    components: [{ entrypoint: './lib/webparts/benchFloor/BenchFloorWebPart.js', manifest: './src/webparts/benchFloor/BenchFloorWebPart.manifest.json' }],
  };
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
}

function shipBuild(root: string, work: string): void {
  const log = path.join(work, 'gulp-bundle.log');
  const out = fs.openSync(log, 'w');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'gulp', 'bin', 'gulp.js'), 'bundle', '--ship'], {
    cwd: work,
    stdio: ['ignore', out, out],
    // The tools run on this same Node (the pinned 22).
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  fs.closeSync(out);
  if (result.status !== 0 || !fs.existsSync(path.join(work, 'webpack-stats.json'))) {
    const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`gulp bundle --ship failed in the benchmark's copy (exit ${result.status}); see ${log}:\n${tail}`);
  }
}

function sizeOf(dist: string, files: readonly string[]): Size {
  let min = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(dist, file));
    min += bytes.length;
    // Each file is served compressed on its own; gzip's default level, as web servers and CDNs use.
    gzip += zlib.gzipSync(bytes).length;
  }
  return { files: [...files], min, gzip };
}

/**
 * What chunks hold, by source: npm packages by name, our code by folder. Webpack's stats give sizes before
 * minification and tree-shaking, so a module's size is scaled by the share of its exports in use (an icon
 * package exports thousands of icons and a screen uses a few): for ranking and sharing out, not a measurement.
 */
function sizeBySource(chunks: readonly StatsChunk[]): Map<string, number> {
  const bySource = new Map<string, number>();
  const add = (m: StatsModule): void => {
    if (m.modules && m.modules.length > 0) {
      m.modules.forEach(add);
      return;
    }
    if (!m.name || m.name.startsWith('external ')) return;
    const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(m.name);
    const key = pkg ? `${PACKAGE}${pkg[1]}` : m.name.replace(/^\.\/lib\//, 'src/').replace(/ \+ \d+ modules$/, '').split('/').slice(0, 3).join('/');
    const used = Array.isArray(m.usedExports) && Array.isArray(m.providedExports) && m.providedExports.length > 0 ? m.usedExports.length / m.providedExports.length : 1;
    bySource.set(key, (bySource.get(key) ?? 0) + m.size * Math.min(1, used));
  };
  for (const c of chunks) (c.modules ?? []).forEach(add);
  return bySource;
}
const PACKAGE = 'npm:';

/** What chunks hold, largest first (see sizeBySource). */
function contents(chunks: readonly StatsChunk[], top: number): string {
  return [...sizeBySource(chunks).entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key]) => key.replace(PACKAGE, '').replace(/\.js$/, ''))
    .join(', ');
}

/**
 * The npm packages' part of `chunks`, gzip: each chunk's gzip size shared out by its sources' sizes
 * (sizeBySource). Nearly exact here: webpack puts packages and our code in chunks of their own, and only the
 * entry (the host's code beside Fluent's provider) and the data layer's chunk mix the two.
 */
function packagesGzip(dist: string, chunks: readonly StatsChunk[]): number {
  let bytes = 0;
  for (const c of chunks) {
    const sources = [...sizeBySource([c]).entries()];
    const all = sources.reduce((sum, [, size]) => sum + size, 0);
    const packages = sources.filter(([key]) => key.startsWith(PACKAGE)).reduce((sum, [, size]) => sum + size, 0);
    if (all > 0) bytes += sizeOf(dist, jsFilesOf([c])).gzip * (packages / all);
  }
  return bytes;
}

const jsFilesOf = (chunks: readonly StatsChunk[]): string[] => chunks.flatMap((c) => c.files.filter((f) => f.endsWith('.js')));

export async function benchBundle(): Promise<{ rows: string[][]; result: Record<string, unknown> }> {
  const root = process.cwd();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'svhub-bundle-bench-'));
  prepareCopy(root, work);
  const started = Date.now();
  // Kept when the build fails, for its log; removed once measured.
  shipBuild(root, work);
  const buildSeconds = (Date.now() - started) / 1000;
  try {
    // webpack's stats stay in bench/.work (ignored by git) for whoever wants to see what a chunk holds.
    fs.mkdirSync(path.join(root, 'bench', '.work'), { recursive: true });
    fs.copyFileSync(path.join(work, 'webpack-stats.json'), path.join(root, 'bench', '.work', 'webpack-stats.json'));
    return measureBuild(work, buildSeconds);
  } finally {
    fs.unlinkSync(path.join(work, 'node_modules')); // the link only, before the folder goes
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function measureBuild(work: string, buildSeconds: number): { rows: string[][]; result: Record<string, unknown> } {
  const stats = JSON.parse(fs.readFileSync(path.join(work, 'webpack-stats.json'), 'utf8')) as Stats;
  const dist = path.join(work, 'dist');
  const chunkById = new Map(stats.chunks.map((c) => [String(c.id), c]));
  const chunk = (id: number | string): StatsChunk => {
    const c = chunkById.get(String(id));
    if (!c) throw new Error(`webpack's stats name chunk ${id} but do not describe it.`);
    return c;
  };
  const entryChunks = (name: string): StatsChunk[] => {
    const entry = stats.entrypoints[name];
    if (!entry) throw new Error(`The ship build made no bundle called ${name}.`);
    return entry.chunks.map(chunk);
  };

  // Initial: the entry bundle and the strings SPFx loads with it, before the web part's code runs.
  const hubEntry = entryChunks(HUB);
  const strings = fs.readdirSync(dist).filter((f) => /^SocialValueHubStrings_en-us_[0-9a-f]+\.js$/.test(f));
  const initial = sizeOf(dist, [...jsFilesOf(hubEntry), ...strings]);
  const floor = sizeOf(dist, jsFilesOf(entryChunks(FLOOR)));

  // Every chunk the hub's entry can reach by dynamic import, and the named groups they form.
  const reachable = new Set<string>();
  const visit = (c: StatsChunk): void => {
    for (const child of c.children ?? []) {
      if (reachable.has(String(child))) continue;
      reachable.add(String(child));
      visit(chunk(child));
    }
  };
  hubEntry.forEach(visit);
  const groups = Object.entries(stats.namedChunkGroups)
    .filter(([name, g]) => !stats.entrypoints[name] && g.chunks.every((id) => reachable.has(String(id))))
    .map(([name, g]) => ({ name, chunks: g.chunks.map(chunk) }));
  const missing = FIRST_SCREEN.filter((name) => !groups.some((g) => g.name === name));
  if (missing.length > 0) throw new Error(`The hub has no chunk called ${missing.join(', ')}: bench/bundle.ts's FIRST_SCREEN is out of date.`);

  const firstScreenChunks = [...new Set(groups.filter((g) => FIRST_SCREEN.includes(g.name)).flatMap((g) => g.chunks))];
  const firstScreenExtra = sizeOf(dist, jsFilesOf(firstScreenChunks));
  const firstScreen: Size = { files: [...initial.files, ...firstScreenExtra.files], min: initial.min + firstScreenExtra.min, gzip: initial.gzip + firstScreenExtra.gzip };
  const loaded = new Set([...hubEntry, ...firstScreenChunks]);
  // Of the first screen, what the npm packages it draws with weigh (Fluent UI's provider, tab strip, table,
  // field, input, select, button, badge and link; PnPjs): the goal of 3× the floor can be no lower than this.
  const firstScreenPackages = packagesGzip(dist, [...loaded]);
  // On demand: each other group, as fetched when first opened from the register (chunks it shares with
  // another on-demand group are counted in both).
  const onDemand = groups
    .filter((g) => !FIRST_SCREEN.includes(g.name))
    .map((g) => {
      const own = g.chunks.filter((c) => !loaded.has(c));
      return { name: g.name, ...sizeOf(dist, jsFilesOf(own)), holds: contents(own, 3) };
    })
    .sort((a, b) => b.min - a.min);

  const ratio = (a: number, b: number): string => (a / b).toFixed(2);
  return {
    result: {
      buildSeconds,
      initial: { ...initial, holds: contents(hubEntry, 8) },
      floor,
      ratioMin: initial.min / floor.min,
      ratioGzip: initial.gzip / floor.gzip,
      goal: 'initial ≤ 1.5 × floor',
      firstScreen: { ...firstScreen, groups: FIRST_SCREEN, ratioMin: firstScreen.min / floor.min, ratioGzip: firstScreen.gzip / floor.gzip },
      firstScreenPackages: { gzip: Math.round(firstScreenPackages), ratioGzip: firstScreenPackages / floor.gzip },
      firstScreenGroups: groups
        .filter((g) => FIRST_SCREEN.includes(g.name))
        .map((g) => ({ name: g.name, ...sizeOf(dist, jsFilesOf(g.chunks)), holds: contents(g.chunks, 4) })),
      // Each chunk of the first screen, largest first: where the goal's kilobytes are.
      firstScreenChunks: [...hubEntry, ...firstScreenChunks]
        .map((c) => ({ ...sizeOf(dist, jsFilesOf([c])), holds: contents([c], 4) }))
        .sort((a, b) => b.gzip - a.gzip),
      onDemand,
    },
    rows: [
      ['hub initial bundle (entry + strings), KB minified', kb(initial.min), `${kb(floor.min)} (floor: FluentProvider + Button + PnPjs items)`, ratio(initial.min, floor.min)],
      ['  … KB gzip (goal: ratio ≤ 1.5)', kb(initial.gzip), kb(floor.gzip), ratio(initial.gzip, floor.gzip)],
      [`  … + first screen (${FIRST_SCREEN.join(', ')}), KB minified`, kb(firstScreen.min), kb(floor.min), ratio(firstScreen.min, floor.min)],
      ['  … + first screen, KB gzip', kb(firstScreen.gzip), kb(floor.gzip), ratio(firstScreen.gzip, floor.gzip)],
      ['  … of which npm packages (Fluent UI, PnPjs, tslib), KB gzip', kb(firstScreenPackages), kb(floor.gzip), ratio(firstScreenPackages, floor.gzip)],
      ...onDemand.map((g) => [`  on demand: ${g.name} (${g.holds})`, sizeText(g), '', '']),
    ],
  };
}
