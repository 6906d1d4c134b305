// npm run package: a clean ship build of the SPFx solution, with the Teams app package inside it,
// then the checks that the .sppkg holds what a tenant needs (jest project "package").
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';

const { root, zipTeamsApp } = createRequire(import.meta.url)('./teams-app.cjs');

function run(command, args) {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status}).`);
    process.exit(result.status || 1);
  }
}

// Run the tools on this same Node (npm run puts the pinned Node 22 first on PATH).
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// Without a clean, stale debug files from `gulp serve`/`gulp bundle` end up in the package.
run(bin('gulp'), ['clean']);
await zipTeamsApp(path.join(root, 'teams', 'TeamsSPFxApp.zip'));
console.log('Teams app package: teams/TeamsSPFxApp.zip');
run(bin('gulp'), ['bundle', '--ship']);
run(bin('gulp'), ['package-solution', '--ship']);
run(bin('jest'), ['--selectProjects', 'package']);
console.log('\nPackage ready: sharepoint/solution/social-value-hub.sppkg');
