import * as fs from 'fs';
import * as path from 'path';

// SPFx's loc file (JavaScript) and its declaration (TypeScript) are two files by SPFx's design; this keeps them in step.
const root = path.resolve(__dirname, '../..');

function loadStrings(): Record<string, unknown> {
  let strings: Record<string, unknown> = {};
  // eslint-disable-next-line no-new-func
  new Function('define', fs.readFileSync(path.join(root, 'src/loc/en-us.js'), 'utf8'))((_deps: unknown, factory: () => Record<string, unknown>) => {
    strings = factory();
  });
  return strings;
}

function keyPaths(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, v]) => (typeof v === 'string' ? [prefix + key] : keyPaths(v as Record<string, unknown>, `${prefix}${key}.`)));
}

function declaredPaths(): string[] {
  const dts = fs.readFileSync(path.join(root, 'src/loc/strings.d.ts'), 'utf8');
  const body = /declare interface ISocialValueHubStrings \{([\s\S]*?)\n\}/.exec(dts)![1];
  const paths: string[] = [];
  let group = '';
  for (const line of body.split('\n')) {
    const open = /^\s{2}(\w+): \{$/.exec(line);
    const leaf = /^\s+(\w+): string;$/.exec(line);
    if (open) group = `${open[1]}.`;
    else if (/^\s{2}\};$/.test(line)) group = '';
    else if (leaf) paths.push(group + leaf[1]);
  }
  return paths;
}

describe('the loc strings', () => {
  it('declares exactly the strings the loc file has', () => {
    expect(declaredPaths().sort()).toEqual(keyPaths(loadStrings()).sort());
  });

  it('has no empty string and writes British English (no "-ize"/"color" spellings)', () => {
    const strings = loadStrings();
    for (const p of keyPaths(strings)) {
      const value = p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], strings) as string;
      expect(value.trim()).not.toBe('');
      // "organize", not "sized": at least three letters before -iz.
      expect(value).not.toMatch(/\b\w{3,}iz(e|ed|ing|ation)\b|\bcolor\b/i);
    }
  });
});
