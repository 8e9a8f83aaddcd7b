// Jest for `npm run test:ha` only: the database failover test (needs Debian's postgresql-15-auto-failover; see
// README "High availability"). `npm test` does not look under test-ha/.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test-ha'],
  testMatch: ['**/*.test.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  maxWorkers: 1,
  testTimeout: 300000,
};
