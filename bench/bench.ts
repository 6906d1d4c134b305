// The benchmarks (npm run bench): each figure beside its baseline from the same run, as a ratio, because
// this machine is noisy. Everything goes through the real data layer (PnPjs) over HTTP to the local server.
// Sections: the write path, the register at 10,000 procurements, the dashboard at regional scale.
import * as fs from 'fs';
import * as path from 'path';
import type { Procurement } from '../src/domain';
import type { ProcurementQuery } from '../src/data/ports';
import { createSharePointData } from '../src/data/sharepoint';
import { actionToItem, commitmentToItem, procurementToItem } from '../src/data/sharepoint/mapping';
import { ACTION_PLAN_LIST, COMMITMENTS_LIST, PROCUREMENTS_LIST } from '../src/data/schema';
import { MEASURES } from '../src/domain';
import { OFFICER, action, commitment, procurement, startHub } from '../tests/data/fixtures';
import type { Hub } from '../tests/data/fixtures';
import type { Measured } from './measure';
import { measure, median } from './measure';
import { benchDashboard } from './dashboard';
import { fillRegister } from './registerSite';

const ACTIVE = MEASURES.filter((m) => m.active);

function fullProcurement(ref: string): { procurement: Procurement; commitments: ReturnType<typeof commitment>[]; actions: ReturnType<typeof action>[] } {
  return {
    procurement: procurement(ref, { status: 'Draft' }),
    commitments: ACTIVE.slice(0, 15).map((m, i) => commitment(ref, m.code, 10 + i, { unit: m.unit, proxyPenceLocked: m.recordOnly ? undefined : m.proxyPence })),
    actions: Array.from({ length: 10 }, (_, i) => action(ref, `Action ${i + 1} of the delivery plan`)),
  };
}

async function writePath(hub: Hub): Promise<Record<string, unknown>> {
  const leadOfficerId = (await hub.data.users.ensure(OFFICER.email)).id;
  // As a screen saves: the data layer has read the measure library already (the guide shows it), so a save's
  // requests are the save's own. On a cold data layer the first save reads the library too (one request more).
  await hub.data.procurements.saveBundle({ procurement: procurement('BENCH-WARM-UP') });
  // The app's way: one bundle save — a $batch that takes the record and reads, then a $batch of the writes.
  const batched = await median(5, (i) => {
    const f = fullProcurement(`BENCH-B-${i}`);
    return measure(() => hub.data.procurements.saveBundle({ procurement: f.procurement, commitments: f.commitments, actionPlan: f.actions }));
  });
  // Baseline: the same 26 items written one request each.
  const naive = await median(5, (i) => {
    const ref = `BENCH-N-${i}`;
    const f = fullProcurement(ref);
    return measure(async () => {
      const lists = hub.sp.web.lists;
      await lists.getByTitle(PROCUREMENTS_LIST.title).items.add(procurementToItem(f.procurement, { leadOfficerId }));
      for (const c of f.commitments) await lists.getByTitle(COMMITMENTS_LIST.title).items.add(commitmentToItem(c));
      for (const [j, a] of f.actions.entries()) await lists.getByTitle(ACTION_PLAN_LIST.title).items.add(actionToItem(a, `${ref}|${j}`));
    });
  });
  return { batched, naive, requestRatio: batched.requests / naive.requests, timeRatio: batched.ms / naive.ms };
}

/** The register's first page for each kind of query an officer makes (25 a page, as the screen asks). */
const REGISTER_QUERIES: { name: string; query: ProcurementQuery }[] = [
  { name: 'newest first (no filter)', query: {} },
  { name: 'my procurements', query: { leadOfficerEmail: OFFICER.email } },
  { name: 'theme (Environment)', query: { themeId: 'environment' } },
  { name: 'status In delivery', query: { status: 'In delivery' } },
  { name: 'authority (Birmingham)', query: { authorityId: 'birmingham' } },
  { name: 'words in the title ("contract")', query: { text: 'contract' } },
  { name: 'reference start ("REG-0004")', query: { text: 'REG-0004' } },
  { name: 'sort by reference', query: { sort: { by: 'reference' } } },
  { name: 'sort by title', query: { sort: { by: 'title' } } },
  { name: 'sort by value (highest first)', query: { sort: { by: 'estimatedValue', descending: true } } },
  { name: 'sort by decision date', query: { sort: { by: 'decisionDate', descending: true } } },
  { name: 'theme + In delivery + words, by title', query: { themeId: 'growth-skills-employment', status: 'In delivery', text: 'grounds', sort: { by: 'title' } } },
];

/**
 * Each kind's first page, median of 5, by a data layer that has read nothing yet (so the list's size, which picks
 * list or search, is read each time: the worst case).
 */
async function register(hub: Hub, count: number): Promise<Record<string, Measured>> {
  const started = Date.now();
  await fillRegister(hub.server, hub.data, count, 'REG');
  console.log(`  ${count} procurements in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const out: Record<string, Measured> = {};
  for (const { name, query } of REGISTER_QUERIES) {
    out[name] = await median(5, () => {
      const data = createSharePointData(hub.sp);
      return measure(() => data.procurements.register({ pageSize: 25, ...query }));
    });
  }
  return out;
}

interface Section {
  rows: string[][];
  result: Record<string, unknown>;
}

async function benchWritePath(): Promise<Section> {
  const hub = await startHub();
  try {
    const w = (await writePath(hub)) as { batched: Measured; naive: Measured; requestRatio: number; timeRatio: number };
    return {
      result: w,
      rows: [
        ['save a procurement + 15 commitments + 10 actions: requests', String(w.batched.requests), `${w.naive.requests} (one per item)`, w.requestRatio.toFixed(2)],
        ['  … time (ms, median of 5)', w.batched.ms.toFixed(0), w.naive.ms.toFixed(0), w.timeRatio.toFixed(2)],
      ],
    };
  } finally {
    await hub.server.stop();
  }
}

/** The register at 100 and at 60,000 procurements (18 authorities, 10 financial years), same queries. */
async function benchRegister(): Promise<Section> {
  let hub = await startHub();
  let small: Record<string, Measured>;
  try {
    small = await register(hub, 100);
  } finally {
    await hub.server.stop();
  }
  hub = await startHub();
  try {
    const large = await register(hub, 60_000);
    const rows: string[][] = [];
    const result: Record<string, unknown> = {};
    for (const { name } of REGISTER_QUERIES) {
      const l = large[name];
      const s = small[name];
      result[name] = { at100: s, at60000: l, requestRatio: l.requests / s.requests, timeRatio: l.ms / s.ms };
      rows.push([`register first page, ${name}, 60,000 vs 100: requests`, String(l.requests), String(s.requests), (l.requests / s.requests).toFixed(2)]);
      rows.push(['  … time (ms, median of 5)', l.ms.toFixed(0), s.ms.toFixed(0), (l.ms / s.ms).toFixed(2)]);
    }
    return { result, rows };
  } finally {
    await hub.server.stop();
  }
}

/** Every benchmark by name; `npm run bench -- dashboard register` runs some, with no names all of them. */
const SECTIONS: Record<string, () => Promise<Section>> = {
  writePath: benchWritePath,
  register: benchRegister,
  dashboard: benchDashboard,
  bundle: () => import('./bundle').then((m) => m.benchBundle()),
  tabOpen: () => import('./tabOpen').then((m) => m.benchTabOpen()),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !SECTIONS[name]);
  if (unknown.length > 0) throw new Error(`No benchmark called ${unknown.join(', ')}; there are ${Object.keys(SECTIONS).join(', ')}.`);
  const out = path.join(process.cwd(), 'bench', 'results.json');
  // Figures of sections not run this time are kept from the last run.
  const results: Record<string, unknown> = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : {};
  const rows: string[][] = [['figure', 'measured', 'baseline', 'ratio']];
  for (const name of asked.length > 0 ? asked : Object.keys(SECTIONS)) {
    console.log(`Running ${name}…`);
    const section = await SECTIONS[name]();
    results[name] = { ...section.result, measuredAt: new Date().toISOString() };
    rows.push(...section.rows);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  fs.writeFileSync(out, JSON.stringify({ ...results, measuredAt: new Date().toISOString(), node: process.version }, null, 2));
  console.log(`\nWritten to ${path.relative(process.cwd(), out)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
