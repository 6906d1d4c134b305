import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const yml = fs.readFileSync(path.join(root, 'teamsapp.yml'), 'utf8');

/** The `uses:` actions of one top-level lifecycle stage, in order. */
function actionsOf(stage: string): string[] {
  const body = new RegExp(`^${stage}:\\n((?:[ #].*\\n|\\n)*)`, 'm').exec(yml)?.[1] ?? '';
  return Array.from(body.matchAll(/^\s+- uses: (\S+)/gm)).map((m) => m[1]);
}

describe('teamsapp.yml (Teams Toolkit lifecycle)', () => {
  it('provisions the Teams app: create, validate, zip, validate the package, update', () => {
    expect(actionsOf('provision')).toEqual([
      'teamsApp/create',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
  });

  it('deploys by installing, building the .sppkg with a clean ship build and uploading it', () => {
    const deploy = actionsOf('deploy');
    expect(deploy[0]).toBe('cli/runNpmCommand');
    expect(deploy[deploy.length - 1]).toBe('spfx/deploy');
    expect(yml).toMatch(/args: gulp bundle --ship/);
    expect(yml).toMatch(/args: gulp package-solution --ship/);
  });

  it('publishes the same manifest into the solution and to the org app store', () => {
    expect(actionsOf('publish')).toEqual(
      expect.arrayContaining(['teamsApp/zipAppPackage', 'teamsApp/copyAppPackageToSPFx', 'teamsApp/update', 'teamsApp/publishAppPackage']),
    );
  });

  it('names an environment folder that exists and defines every variable the manifest uses', () => {
    const folder = /^environmentFolderPath: (\S+)/m.exec(yml)?.[1];
    expect(folder).toBe('./env');
    const env = fs.readFileSync(path.join(root, folder!, '.env.dev'), 'utf8');
    const manifest = fs.readFileSync(path.join(root, 'appPackage/manifest.json'), 'utf8');
    for (const [, name] of manifest.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)) {
      expect(env).toMatch(new RegExp(`^${name}=.+$`, 'm'));
    }
  });
});

// ---- Each stage's file steps, on a fresh clone ------------------------------------------------------------
// The Toolkit's file actions, as its drivers do them (OfficeDev/teams-toolkit, packages/fx-core/src/component/
// driver/teamsApp): zipAppPackage needs manifestPath, outputZipPath and outputJsonPath and creates their folders;
// copyAppPackageToSPFx copies the zip to <spfxFolder>/teams/TeamsSPFxApp.zip with fs.copyFile, creating nothing.
// Cloud steps (create, update, publish, spfx/deploy) only need their input files; `npm install` and the gulp
// build are not run here (npm run package covers the build) — what the build needs from the steps before it is.

type Step = { uses: string; name?: string; with?: Record<string, string> };

function freshClone(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svhub-clone-'));
  // Exactly what git holds (tracked files, as they stand in this working tree): nothing generated, nothing ignored.
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter((f) => f && fs.existsSync(path.join(root, f)));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(root, f), path.join(dir, f));
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

function envValues(dir: string): Record<string, string> {
  const values: Record<string, string> = { TEAMSFX_ENV: 'dev' };
  for (const line of fs.readFileSync(path.join(dir, 'env', '.env.dev'), 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) values[m[1]] = m[2];
  }
  return values;
}

async function runFileStep(dir: string, step: Step, env: Record<string, string>, before: (step: Step) => void): Promise<void> {
  const args: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.with || {})) args[k] = String(v).replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_m, name: string) => env[name] ?? '');
  const at = (p: string): string => path.resolve(dir, p);
  const mustExist = (p: string): void => {
    if (!fs.existsSync(at(p))) throw new Error(`${step.uses}: ENOENT ${p}`);
  };
  before(step);
  switch (step.uses) {
    case 'teamsApp/validateManifest':
      return mustExist(args.manifestPath);
    case 'teamsApp/zipAppPackage': {
      for (const k of ['manifestPath', 'outputZipPath', 'outputJsonPath']) if (!args[k]) throw new Error(`zipAppPackage needs ${k}`);
      const text = fs.readFileSync(at(args.manifestPath), 'utf8').replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_m, name: string) => env[name] ?? '');
      const manifest = JSON.parse(text) as { icons: { color: string; outline: string } };
      const zip = new JSZip();
      zip.file('manifest.json', JSON.stringify(manifest));
      for (const icon of [manifest.icons.color, manifest.icons.outline]) zip.file(icon, fs.readFileSync(path.join(path.dirname(at(args.manifestPath)), icon)));
      fs.mkdirSync(path.dirname(at(args.outputZipPath)), { recursive: true });
      fs.writeFileSync(at(args.outputZipPath), await zip.generateAsync({ type: 'nodebuffer' }));
      fs.mkdirSync(path.dirname(at(args.outputJsonPath)), { recursive: true });
      fs.writeFileSync(at(args.outputJsonPath), JSON.stringify(manifest));
      return;
    }
    case 'teamsApp/validateAppPackage':
    case 'teamsApp/update':
    case 'teamsApp/publishAppPackage':
      return mustExist(args.appPackagePath);
    case 'teamsApp/copyAppPackageToSPFx':
      mustExist(args.appPackagePath);
      fs.copyFileSync(at(args.appPackagePath), path.join(at(args.spfxFolder), 'teams', 'TeamsSPFxApp.zip'));
      return;
    case 'spfx/deploy':
      return mustExist(args.packageSolutionPath);
    case 'cli/runNpmCommand': {
      if (/^install\b/.test(args.args)) return; // the clone shares this checkout's node_modules
      const r = spawnSync('npm', args.args.split(' '), { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
      if (r.status !== 0) throw new Error(`npm ${args.args} failed: ${r.stderr}`);
      return;
    }
    case 'cli/runNpxCommand':
    case 'teamsApp/create':
      return; // the build and the cloud: not file steps
    default:
      throw new Error(`No file-step model for ${step.uses}: add one here.`);
  }
}

describe('teamsapp.yml on a fresh clone', () => {
  jest.setTimeout(60_000);
  const stages = parse(yml) as Record<string, Step[]>;
  const clones: string[] = [];
  afterAll(() => clones.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  // Each stage on its own clone: a stage must not depend on files another stage left behind.
  it.each(['provision', 'deploy', 'publish'])('%s: every file step works', async (stage) => {
    const dir = freshClone();
    clones.push(dir);
    expect(fs.existsSync(path.join(dir, 'teams', 'TeamsSPFxApp.zip'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'appPackage', 'build'))).toBe(false);
    const env = envValues(dir);
    let zipWhenPackaged: Buffer | undefined;
    for (const step of stages[stage]) {
      await runFileStep(dir, step, env, (s) => {
        // What gulp package-solution puts in the .sppkg: teams/TeamsSPFxApp.zip must be there when it runs.
        if (s.uses === 'cli/runNpxCommand' && /package-solution/.test(s.with?.args || '')) {
          const file = path.join(dir, 'teams', 'TeamsSPFxApp.zip');
          expect(fs.existsSync(file)).toBe(true);
          zipWhenPackaged = fs.readFileSync(file);
        }
      });
    }
    if (stage === 'deploy') {
      expect(zipWhenPackaged).toBeDefined();
      const manifest = JSON.parse(await (await JSZip.loadAsync(zipWhenPackaged!)).file('manifest.json')!.async('string')) as { id: string };
      expect(manifest.id).toBe(env.TEAMS_APP_ID);
    }
    if (stage === 'publish') expect(fs.existsSync(path.join(dir, 'teams', 'TeamsSPFxApp.zip'))).toBe(true);
  });
});
