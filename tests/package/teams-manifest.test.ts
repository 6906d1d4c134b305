import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { decodePng } from '../support/png';
import { HUB_TAB } from '../../src/teams/hubTab';

const root = path.resolve(__dirname, '../..');
const schemaDir = path.join(root, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams');

// The manifest uses Teams Toolkit's ${{VAR}} placeholders; scripts/teams-app.mjs fills them as the toolkit does.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const teamsApp = require('../../scripts/teams-app.cjs');

async function resolvedManifest(): Promise<Record<string, any>> {
  return teamsApp.resolveManifest('dev');
}

function validatorFor(manifestVersion: string) {
  const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, `v${manifestVersion}`, 'MicrosoftTeams.schema.json'), 'utf8'));
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, unknownFormats: 'ignore' });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  return ajv.compile(schema);
}

describe('Teams app manifest (appPackage/manifest.json)', () => {
  it('is valid against the official Teams JSON schema of its manifest version', async () => {
    const manifest = await resolvedManifest();
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.19);
    const validate = validatorFor(manifest.manifestVersion);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check catches a broken manifest (so the test above can fail)', async () => {
    const manifest = await resolvedManifest();
    const validate = validatorFor(manifest.manifestVersion);
    expect(validate({ ...manifest, id: 'not-a-guid', staticTabs: [{ name: 'x' }] })).toBe(false);
  });

  it('offers a configurable channel tab and a personal app that open the SPFx web part', async () => {
    const manifest = await resolvedManifest();
    const webPart = JSON.parse(
      fs.readFileSync(path.join(root, 'src/webparts/socialValueHub/SocialValueHubWebPart.manifest.json'), 'utf8'),
    );
    const [channelTab] = manifest.configurableTabs;
    expect(channelTab.context).toContain('channelTab');
    expect(channelTab.configurationUrl).toContain(`componentId=${webPart.id}`);
    expect(channelTab.configurationUrl).toMatch(/^https:\/\/\{teamSiteDomain\}/);
    const [personal] = manifest.staticTabs;
    expect(personal.scopes).toEqual(['personal']);
    expect(personal.contentUrl).toContain(`componentId=${webPart.id}`);
    expect(personal.contentUrl).toContain('{locale}');
    expect(manifest.webApplicationInfo).toEqual({
      resource: 'https://{teamSiteDomain}',
      id: '00000003-0000-0ff1-ce00-000000000000',
    });
  });

  it('has a 192×192 colour icon and a 32×32 transparent outline icon', () => {
    const color = decodePng(fs.readFileSync(path.join(root, 'appPackage/color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(fs.readFileSync(path.join(root, 'appPackage/outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.hasAlpha).toBe(true);
    const alphas = Array.from({ length: 32 * 32 }, (_, i) => outline.rgba[i * 4 + 3]);
    expect(alphas[0]).toBe(0); // the background is transparent…
    expect(alphas.some((a) => a === 255)).toBe(true); // …and the glyph is opaque
    // Teams wants the outline glyph white on transparent.
    for (let i = 0; i < 32 * 32; i++) {
      if (alphas[i] > 0) expect([outline.rgba[i * 4], outline.rgba[i * 4 + 1], outline.rgba[i * 4 + 2]]).toEqual([255, 255, 255]);
    }
  });

  it('deep links from cards name this app and its personal tab', async () => {
    const manifest = await resolvedManifest();
    expect(HUB_TAB.appId).toBe(manifest.id);
    expect(manifest.staticTabs.map((t: { entityId: string }) => t.entityId)).toContain(HUB_TAB.entityId);
  });
});
