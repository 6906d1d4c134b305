// Jest: every test that runs in Node. Browser tests live in tests/e2e (npm run test:e2e).
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
