#!/usr/bin/env node
// Zips the approval workflow's solution source (flows/solution) into the file Power Automate imports:
// flows/build/SocialValueHubApproval.zip (Solutions → Import solution). The zip holds the files at its
// root, not a folder, as an exported solution does. Checks before writing: the required files are there
// and every .json parses, so a broken edit never becomes an importable-looking zip.
//
//   node flows/pack.mjs                 writes flows/build/SocialValueHubApproval.zip
//   node flows/pack.mjs --out <file>    writes it elsewhere
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'solution');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1]) : join(here, 'build', 'SocialValueHubApproval.zip');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const files = filesUnder(source)
  .map((path) => ({ path, name: relative(source, path).split(sep).join('/') }))
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const names = files.map((f) => f.name);

const problems = [];
for (const required of ['[Content_Types].xml', 'solution.xml', 'customizations.xml']) {
  if (!names.includes(required)) problems.push(`${required} is missing`);
}
if (!names.some((n) => /^Workflows\/[^/]+-[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\.json$/.test(n))) {
  problems.push('no Workflows/<Name>-<GUID>.json');
}
for (const f of files.filter((x) => x.name.endsWith('.json'))) {
  try {
    JSON.parse(readFileSync(f.path, 'utf8'));
  } catch (e) {
    problems.push(`${f.name} is not valid JSON: ${e.message}`);
  }
}
if (problems.length > 0) {
  console.error(`flows/pack.mjs: not packing the solution: ${problems.join('; ')}.`);
  process.exit(1);
}

const zip = new JSZip();
// A fixed date keeps the zip identical for identical sources.
const date = new Date(Date.UTC(2026, 0, 1));
for (const f of files) zip.file(f.name, readFileSync(f.path), { date, createFolders: false });
const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(`Wrote ${relative(process.cwd(), out) || out} (${files.length} files, ${bytes.length} bytes): import it in Power Automate → Solutions → Import solution.`);
