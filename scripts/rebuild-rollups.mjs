#!/usr/bin/env node
// Rebuilds the Rollups list of a hub site from its commitments and outcome logs, over the real data layer:
//   node scripts/rebuild-rollups.mjs --site http://127.0.0.1:4321/sites/socialvalue [--dry-run]
// The TypeScript body is local/tools/rebuildRollups.ts.
import { runTool } from './runTool.mjs';

await runTool('local/tools/rebuildRollups.ts', process.argv.slice(2));
