// npm start: build the local page and server, then run the server in this process (Ctrl-C stops it).
// Arguments pass through to the server: --port, --data, --seed, --user (see README).
import { createRequire } from 'node:module';
import { buildPage, buildServer, pageDir } from './build.mjs';

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(`The local runtime needs Node 22 (this is ${process.version}). Run it with \`npm start\`: the project installs Node 22 and npm runs its scripts on it.`);
  process.exit(1);
}

const started = Date.now();
await buildPage();
const serverFile = buildServer();
console.log(`Built the local page and server in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const args = process.argv.slice(2);
if (!args.includes('--static')) args.push('--static', pageDir);
// npm start is the demo: the page's person switcher needs the local user controls.
if (!args.includes('--demo-controls')) args.push('--demo-controls');
const { main } = createRequire(import.meta.url)(serverFile);
await main(args, process.env);
