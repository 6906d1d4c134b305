// npm start: build the local page and server, then run the server (Ctrl-C stops it).
// Arguments pass through to the server: --port, --data, --seed, --user (see README).
import { pathToFileURL } from 'node:url';
import { buildPage, buildServer, pageDir } from './build.mjs';

const started = Date.now();
await buildPage();
const serverFile = await buildServer();
console.log(`Built the local page and server in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (!process.argv.includes('--static')) process.argv.push('--static', pageDir);
await import(pathToFileURL(serverFile).href);
