// The Teams app package: appPackage/manifest.json with its ${{VAR}} placeholders filled from
// env/.env.<TEAMSFX_ENV> (as Teams Toolkit does), zipped with the two icons at the zip's root.
// `npm run package` puts the zip in teams/TeamsSPFxApp.zip so the .sppkg carries the same manifest.
// CommonJS so that both the build scripts and jest load this one copy.
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');

const root = path.resolve(__dirname, '..');

function readEnvFile(envName = process.env.TEAMSFX_ENV || 'dev') {
  const file = path.join(root, 'env', `.env.${envName}`);
  const values = {};
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) values[match[1]] = match[2];
  }
  return values;
}

function resolveManifest(envName = process.env.TEAMSFX_ENV || 'dev') {
  const values = { ...readEnvFile(envName), ...process.env };
  const text = fs.readFileSync(path.join(root, 'appPackage', 'manifest.json'), 'utf8');
  const resolved = text.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_whole, name) => {
    if (values[name] === undefined || values[name] === '') {
      throw new Error(`appPackage/manifest.json needs ${name}: set it in env/.env.${envName} or the environment.`);
    }
    return values[name];
  });
  return JSON.parse(resolved);
}

async function zipTeamsApp(outFile, envName) {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(resolveManifest(envName), null, 2));
  for (const icon of ['color.png', 'outline.png']) {
    zip.file(icon, fs.readFileSync(path.join(root, 'appPackage', icon)));
  }
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, buffer);
  return outFile;
}

module.exports = { root, readEnvFile, resolveManifest, zipTeamsApp };

if (require.main === module) {
  const envName = process.env.TEAMSFX_ENV || 'dev';
  const out = process.argv[2] ? path.resolve(root, process.argv[2]) : path.join(root, 'appPackage', 'build', `appPackage.${envName}.zip`);
  zipTeamsApp(out, envName).then((file) => console.log(`Teams app package: ${path.relative(root, file)}`));
}
