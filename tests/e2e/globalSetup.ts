// Starts `npm start`'s server (local/start.mjs) on a free port with a fresh data folder, as a newcomer would.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
export const stateFile = path.join(os.tmpdir(), 'svhub-e2e-server.json');

export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'svhub-e2e-'));
  const child = spawn(process.execPath, [path.join(root, 'local/start.mjs'), '--port', '0', '--data', dataDir], {
    cwd: root,
    env: { ...process.env, SVHUB_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the local server did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The address is printed first while the demo site is prepared; the hub is ready at "local server: …".
      const match = /local server: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the local server exited (${code}):\n${output}`)));
  });
  fs.writeFileSync(stateFile, JSON.stringify({ url, pid: child.pid, dataDir }));
  process.env.SVHUB_E2E_URL = url;
  // Keep the child's pipes drained so it never blocks on a full buffer.
  child.stdout!.resume();
  child.stderr!.resume();
  (globalThis as Record<string, unknown>).__svhubServer = child;
}
