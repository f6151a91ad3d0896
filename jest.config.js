/**
 * Tests run TypeScript through ts-jest without type-checking (npm test runs `tsc --noEmit` first).
 * `npm test` runs the fast suites; `*.slow.test.ts` (fault injection, Redis topologies, long
 * browser runs) run with `npm run test:slow` (jest.slow.config.js), which .ci/run also runs.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.slow\\.test\\.ts$'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
