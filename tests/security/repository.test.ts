// Checks over the repository itself: no secrets or tenant addresses committed, no raw HTML injection
// points, and the Graph permissions the package asks an administrator for are exactly those the code uses.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && fs.existsSync(path.join(root, f)) && !/\.(png|jpg|gif|ico|zip|sppkg|docx|xlsx)$/i.test(f) && f !== 'package-lock.json');

function read(file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

// Placeholders like https://<tenant>.sharepoint.com or wildcard domains are fine; a named tenant is not.
const TENANT_URL = /https?:\/\/(?!<)[a-z0-9-]+\.(sharepoint|sharepoint-df)\.com|[a-z0-9-]+\.onmicrosoft\.com/i;
const SECRETS: [string, RegExp][] = [
  ['private key', /-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----/],
  ['client secret', /client_?secret["']?\s*[:=]\s*["'][^"'<]{8,}/i],
  ['password', /\bpassword["']?\s*[:=]\s*["'][^"'<]{6,}/i],
  ['bearer token', /\beyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}\./],
  ['AWS key', /\bAKIA[0-9A-Z]{16}\b/],
];

describe('what the repository holds', () => {
  it('reads the project’s files (so the scans below can fail)', () => {
    expect(tracked.length).toBeGreaterThan(100);
    expect(tracked).toContain('config/package-solution.json');
  });

  it('commits no tenant URL', () => {
    const found = tracked.filter((f) => TENANT_URL.test(read(f)));
    expect(found).toEqual([]);
    // The pattern bites (the sample is assembled, so this file does not hold a tenant URL itself).
    expect(TENANT_URL.test(`see https://contoso.${'sharepoint'}.com/sites/x`)).toBe(true);
    expect(TENANT_URL.test('https://<tenant>.sharepoint.com/sites/<site>')).toBe(false);
  });

  it('commits no secrets', () => {
    const found = tracked.flatMap((f) => SECRETS.filter(([, pattern]) => pattern.test(read(f))).map(([what]) => `${what} in ${f}`));
    expect(found).toEqual([]);
  });

  it('never sets HTML from strings in the UI or the web parts (user text is always text)', () => {
    const found = tracked.filter((f) => /^src\/.*\.(ts|tsx)$/.test(f) && /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML/.test(read(f)));
    expect(found).toEqual([]);
  });
});

describe('Microsoft Graph permissions', () => {
  const requested = (JSON.parse(read('config/package-solution.json')).solution.webApiPermissionRequests as { resource: string; scope: string }[])
    .map((p) => `${p.resource}: ${p.scope}`)
    .sort();

  it('asks for exactly the four delegated scopes the features need, and nothing application-wide', () => {
    expect(requested).toEqual([
      'Microsoft Graph: Channel.ReadBasic.All', // the settings picker lists a team's channels
      'Microsoft Graph: ChannelMessage.Read.All', // before re-posting a card whose post was in doubt, look for it in the channel
      'Microsoft Graph: ChannelMessage.Send', // success and update cards, posted as the signed-in person
      'Microsoft Graph: Team.ReadBasic.All', // the settings picker lists the person's teams
    ]);
  });

  it('uses only Graph endpoints those scopes cover', () => {
    const graphCalls = tracked
      .filter((f) => /^src\/.*\.(ts|tsx)$/.test(f))
      .flatMap((f) => Array.from(read(f).matchAll(/\.api\(([^)]*)\)/g)).map((m) => `${f}: ${m[1]}`));
    // Every .api(...) call goes through the posting module's two readers and one poster.
    expect(graphCalls.every((c) => c.startsWith('src/teams/posting/'))).toBe(true);
    const posting = ['graph.ts', 'postCard.ts', 'lookup.ts'].map((f) => read(`src/teams/posting/${f}`)).join('\n');
    expect(posting).toContain("'/me/joinedTeams'");
    expect(posting).toMatch(/graphPath\('teams', teamId, 'channels'\)/);
    expect(posting).toMatch(/'messages'/);
  });
});
