// The app's limits never exceed the platform's: the local Graph keeps its own copy of Microsoft's documented
// limits (local/graph/limits.ts), and an app limit looser than those fails here, not in a tenant.
import fs from 'node:fs';
import path from 'node:path';
import {
  compareVersions,
  PLATFORM_LIST_MESSAGES_MAX_TOP,
  PLATFORM_MAX_CARD_VERSION,
  PLATFORM_MAX_MESSAGE_BYTES,
} from '../../local/graph/limits';
import { CARD_MESSAGE_BUDGET_BYTES, CARD_SCHEMA_VERSION, MAX_MESSAGE_BYTES } from '../../src/teams/cards';
import { LOOKUP_PAGE_SIZE } from '../../src/teams/posting/lookup';

describe("the app's limits fit the platform's", () => {
  test('message size: what the poster allows, and what builders aim for, is within Teams’ ~28 KB', () => {
    expect(MAX_MESSAGE_BYTES).toBeLessThanOrEqual(PLATFORM_MAX_MESSAGE_BYTES);
    expect(CARD_MESSAGE_BUDGET_BYTES).toBeLessThan(MAX_MESSAGE_BYTES);
  });

  test('card schema: no newer than Teams renders', () => {
    expect(compareVersions(CARD_SCHEMA_VERSION, PLATFORM_MAX_CARD_VERSION)).toBeLessThanOrEqual(0);
    // The comparison bites: a 1.6 card would not fit.
    expect(compareVersions('1.6', PLATFORM_MAX_CARD_VERSION)).toBe(1);
  });

  test('listing channel messages: pages no larger than Graph serves', () => {
    expect(LOOKUP_PAGE_SIZE).toBeLessThanOrEqual(PLATFORM_LIST_MESSAGES_MAX_TOP);
  });

  test('the local Graph imports nothing from the app (it judges the app, so it never borrows its limits)', () => {
    const dir = path.resolve(__dirname, '../../local/graph');
    const imports = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => Array.from(fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/from '([^']+)'/g)).map((m) => `${f}: ${m[1]}`));
    expect(imports.length).toBeGreaterThan(5);
    expect(imports.filter((i) => /\/src\//.test(i))).toEqual([]);
  });
});
