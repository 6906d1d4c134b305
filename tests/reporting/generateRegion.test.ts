// The generator command (scripts/generate-region.mjs) fills a local site the way officers would have:
// every count as asked, and rollups that a rebuild from the logs finds nothing to change in.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { rebuildRollupsOnSite } from '../../src/app/rebuild';
import { startHub } from '../data/fixtures';
import type { Hub } from '../data/fixtures';

jest.setTimeout(120_000);

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.server.stop();
});

const run = (args: string[]): Promise<{ code: number; out: string }> =>
  new Promise((resolve) =>
    execFile(process.execPath, [join(__dirname, '..', '..', 'scripts', 'generate-region.mjs'), ...args], { timeout: 100_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: `${stdout}${stderr}` }),
    ),
  );

describe('the region generator command', () => {
  it('adds procurements × commitments × quarterly logs, with rollups that agree with a rebuild from the logs', async () => {
    const { code, out } = await run(['--site', hub.server.siteUrl, '--procurements', '12', '--commitments-each', '3', '--years', '2']);
    expect(out).toMatch(/Region: 12 procurements, 36 commitments, 288 outcome logs/);
    expect(code).toBe(0);
    const report = await rebuildRollupsOnSite(hub.data, { dryRun: true });
    expect(report).toMatchObject({ procurements: 12, commitments: 36, logs: 288, unknownReferences: [] });
    expect(report.rollups).toBeGreaterThan(0);
    expect(report.unchanged).toBe(report.rollups);
  });

  it('explains its options, and refuses a count that is not a whole number', async () => {
    expect((await run(['--help'])).out).toMatch(/--procurements N/);
    const bad = await run(['--site', hub.server.siteUrl, '--procurements', 'lots']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/--procurements must be a whole number/);
  });
});
