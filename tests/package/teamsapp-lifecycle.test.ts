import * as fs from 'fs';
import * as path from 'path';

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
