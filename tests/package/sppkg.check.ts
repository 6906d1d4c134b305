// Run by `npm run package` after the ship build: the .sppkg a tenant admin uploads holds what they need.
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';

const root = path.resolve(__dirname, '../..');
const sppkgPath = path.join(root, 'sharepoint/solution/social-value-hub.sppkg');
const webPartManifest = JSON.parse(
  fs.readFileSync(path.join(root, 'src/webparts/socialValueHub/SocialValueHubWebPart.manifest.json'), 'utf8'),
);
const cardManifest = JSON.parse(
  fs.readFileSync(path.join(root, 'src/adaptiveCardExtensions/socialValueCard/SocialValueCardAdaptiveCardExtension.manifest.json'), 'utf8'),
);
const packageSolution = JSON.parse(fs.readFileSync(path.join(root, 'config/package-solution.json'), 'utf8'));

async function openPackage(): Promise<JSZip> {
  return JSZip.loadAsync(fs.readFileSync(sppkgPath));
}

async function textOf(zip: JSZip, predicate: (name: string) => boolean): Promise<string[]> {
  const names = Object.keys(zip.files).filter(predicate);
  return Promise.all(names.map((name) => zip.file(name)!.async('string')));
}

/** A component's manifest as the package's feature XML carries it (HTML-escaped JSON in ComponentManifest). */
async function componentOf(zip: JSZip, id: string): Promise<Record<string, any>> {
  const componentXml = (await textOf(zip, (n) => /\.xml$/i.test(n))).find((xml) => xml.includes(id));
  expect(componentXml).toBeDefined();
  const manifestJson = /ComponentManifest="([^"]+)"/.exec(componentXml!)?.[1] ?? '';
  return JSON.parse(manifestJson.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

describe('the packaged solution (sharepoint/solution/social-value-hub.sppkg)', () => {
  it('holds the Social Value Hub web part for SharePoint pages, Teams tabs and the personal app', async () => {
    const component = await componentOf(await openPackage(), webPartManifest.id);
    expect(component.id).toBe(webPartManifest.id);
    expect(component.supportedHosts).toEqual(
      expect.arrayContaining(['SharePointWebPart', 'SharePointFullPage', 'TeamsTab', 'TeamsPersonalApp']),
    );
    expect(component.preconfiguredEntries[0].title.default).toBe('Social Value Hub');
  });

  it('holds the Viva Connections card for the dashboard, in the same package', async () => {
    const component = await componentOf(await openPackage(), cardManifest.id);
    expect(component).toMatchObject({ id: cardManifest.id, componentType: 'AdaptiveCardExtension' });
    expect(component.supportedHosts).toContain('Dashboard');
    expect(component.preconfiguredEntries[0].title.default).toBe('Social value');
  });

  it('carries the Teams app package as teams/TeamsSPFxApp.zip with the same manifest', async () => {
    const zip = await openPackage();
    const teamsZipName = Object.keys(zip.files).find((n) => /TeamsSPFxApp\.zip$/i.test(n));
    expect(teamsZipName).toBeDefined();
    const teamsZip = await JSZip.loadAsync(await zip.file(teamsZipName!)!.async('nodebuffer'));
    expect(Object.keys(teamsZip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await teamsZip.file('manifest.json')!.async('string'));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const expected = require('../../scripts/teams-app.cjs').resolveManifest('dev');
    expect(manifest).toEqual(expected);
  });

  it('requests exactly the Graph permissions the product needs', async () => {
    const zip = await openPackage();
    const xml = (await textOf(zip, (n) => /\.xml$/i.test(n))).join('\n');
    const requested = Array.from(xml.matchAll(/<WebApiPermissionRequest ResourceId="([^"]+)" Scope="([^"]+)"/g)).map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(requested.sort()).toEqual(
      packageSolution.solution.webApiPermissionRequests.map((p: { resource: string; scope: string }) => `${p.resource}:${p.scope}`).sort(),
    );
    expect(requested).toContain('Microsoft Graph:ChannelMessage.Send');
  });

  it('includes the client-side assets (the bundle ships inside the package)', async () => {
    const zip = await openPackage();
    expect(Object.keys(zip.files).some((n) => /ClientSideAssets\/.*\.js$/.test(n))).toBe(true);
  });
});
