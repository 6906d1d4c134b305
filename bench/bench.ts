// The benchmarks (npm run bench): each figure beside its baseline from the same run, as a ratio, because
// this machine is noisy. Everything goes through the real data layer (PnPjs) over HTTP to the local server.
// Sections: the write path, the register at 10,000 procurements, the dashboard at regional scale.
import * as fs from 'fs';
import * as path from 'path';
import type { Procurement } from '../src/domain';
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
  // The app's way: one bundle save (PnPjs batches, 20 requests a chunk).
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

async function register(hub: Hub, count: number): Promise<Measured> {
  await fillRegister(hub.server, hub.data, count, 'REG');
  // The register's first page, as an officer opens it: newest first, 25 a page; and "my procurements".
  return median(5, () =>
    measure(async () => {
      await hub.data.procurements.query({ pageSize: 25 });
      await hub.data.procurements.query({ pageSize: 25, leadOfficerEmail: OFFICER.email });
    }),
  );
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

/** The register at 100 and at 10,000 procurements, same queries: paging and indexes keep it flat. */
async function benchRegister(): Promise<Section> {
  let hub = await startHub();
  let small: Measured;
  try {
    small = await register(hub, 100);
  } finally {
    await hub.server.stop();
  }
  hub = await startHub();
  try {
    const large = await register(hub, 10_000);
    return {
      result: { at100: small, at10000: large, timeRatio: large.ms / small.ms },
      rows: [
        ['register first page, 10,000 vs 100 procurements: requests', String(large.requests), String(small.requests), (large.requests / small.requests).toFixed(2)],
        ['  … time (ms, median of 5)', large.ms.toFixed(0), small.ms.toFixed(0), (large.ms / small.ms).toFixed(2)],
        ['  … bytes', String(large.bytes), String(small.bytes), (large.bytes / small.bytes).toFixed(2)],
      ],
    };
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
