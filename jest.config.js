// Three projects, one per kind of test (see docs/architecture.md § Tests).
// Jest reads testTimeout only globally, so the package.json scripts set it per project.
// ESM throughout: ts-jest transpiles only (types are checked by `npm run typecheck`).
const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
};

export default {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      // Unit tests are pure: processes, sockets and timers are refused (STYLE §26).
      setupFiles: ['<rootDir>/test/support/unit-purity-guard.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
