/** The slow suites (`*.slow.test.ts`): fault injection, Redis topologies, long browser runs. `npm run test:slow`. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/*.slow.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
  maxWorkers: 1,
};
