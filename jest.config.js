// Jest: unit specs beside the code (src/**/*.spec.ts), integration/e2e/scenarios under test/.
// Every test that touches persistence uses the real PostgreSQL cluster started by test/setup/global-setup.ts.
// The product's default zone (TIME_ZONE); set here because jest sandboxes process.env, so the app cannot set it.
process.env.TZ = 'Asia/Shanghai';

const esmOnly = ['feelin', 'lezer-feel', '@lezer', 'min-dash', 'temporal-polyfill', 'temporal-utils', '@0dep', 'bpmn-auto-layout'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Ignore a file only when the package after its *last* node_modules is not an ESM-only one (nested copies too).
  transformIgnorePatterns: [`/node_modules/(?!(?:${esmOnly.join('|')})/)(?!.*/node_modules/)`],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testSequencer: '<rootDir>/test/setup/sequencer.js',
  maxWorkers: 2,
  // Generous: CI machines have run the suite 1.7× slower than a quiet one; a limit only decides how soon a hang is reported.
  testTimeout: 120000,
};
