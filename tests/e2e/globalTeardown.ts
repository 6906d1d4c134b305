import type { ChildProcess } from 'child_process';
import * as fs from 'fs';
import { stateFile } from './globalSetup';

export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as Record<string, unknown>).__svhubServer as ChildProcess | undefined;
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT'); // as Ctrl-C: the server closes cleanly
    await exited;
  }
  if (fs.existsSync(stateFile)) {
    const { dataDir } = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(stateFile, { force: true });
  }
}
