// Jest: every test that runs in Node. Browser tests live in tests/e2e (npm run test:e2e).
// package.json overrides nwsapi (jsdom's selector engine) to 2.2.23: 2.2.24+ caps its compiled-selector
// cache at 1,000 entries (LRU), and jsdom's getComputedStyle matches every stylesheet rule for each element
// that Testing Library's role queries inspect. Fluent's atomic CSS passes 1,000 selectors within one test
// file, the LRU then misses on every pass and the guide's UI tests ran 4× slower (248 s against 64 s,
// measured here). Upstream raised the cap to 4,096 (dperini/nwsapi#186) but has not published it yet.
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.((t|j)sx?|mjs)$': '<rootDir>/tests/support/esbuild-transform.cjs' },
  // PnPjs and a few Fluent/ESM-only packages ship ES modules: transpile them too (d3's, under the charts).
  transformIgnorePatterns: ['/node_modules/(?!(@pnp|@fluentui/react-charts|d3-[a-z-]+|internmap)/)'],
  moduleNameMapper: {
    '^SocialValueHubStrings$': '<rootDir>/tests/support/strings.cjs',
    '\\.(css|scss)$': '<rootDir>/tests/support/style-stub.cjs',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json', 'cjs', 'mjs'],
};

module.exports = {
  // Jest's default is one worker fewer than the cores, so one on CI's two: the suites then ran one after another
  // while the parent process sat waiting (npm test 455 s; with two workers 260 s, measured here).
  maxWorkers: Math.max(2, require('os').cpus().length - 1),
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/', '<rootDir>/tests/ui/'],
    },
    {
      ...common,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/ui/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/ui-setup.ts'],
    },
    {
      // Checks of the built .sppkg: run by `npm run package` after the ship build, not by `npm test`.
      ...common,
      displayName: 'package',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/package/**/*.check.ts'],
    },
    {
      // Browser tests in Chromium against `npm start`'s server: `npm run test:e2e`.
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/tests/e2e/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/e2e/globalTeardown.ts',
    },
  ],
};
