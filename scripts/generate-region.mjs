#!/usr/bin/env node
// Fills a LOCAL hub site with a region's worth of fictional delivery data (for demos and the benchmarks):
//   node scripts/generate-region.mjs --site http://127.0.0.1:4321/sites/socialvalue [--procurements 2000]
// The TypeScript body is local/tools/generateRegion.ts; `--help` lists the options.
import { runTool } from './runTool.mjs';

await runTool('local/tools/generateRegion.ts', process.argv.slice(2));
