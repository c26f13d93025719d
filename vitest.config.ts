import { defineConfig } from 'vitest/config';

const integration = (name: string, env: Record<string, string>) => ({
  extends: true as const,
  test: { name, include: ['tests/integration/**/*.test.ts'], env, testTimeout: 30_000, hookTimeout: 60_000 },
});

// The integration suite runs on embedded PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set.
const projects = [
  // A few unit tests parse megabytes or score the whole labelled set: seconds on a busy 2-core machine.
  { extends: true as const, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
  integration('integration:pglite', { TEST_DB: 'pglite' }),
  ...(process.env.TEST_DATABASE_URL ? [integration('integration:postgres', { TEST_DB: 'postgres' })] : []),
  // Fault injection (kill -9, database outage, malformed frames, slow consumers) against real server
  // processes: `npm run test:faults`. Not part of a plain `vitest run`: it takes minutes, needs
  // PostgreSQL, and starts a throwaway cluster of its own.
  ...(process.argv.some((arg) => arg.includes('faults'))
    ? [
        {
          extends: true as const,
          test: {
            name: 'faults',
            include: ['tests/faults/**/*.test.ts'],
            env: { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
            testTimeout: 120_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ]
    : []),
  {
    extends: true as const,
    test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 90_000, fileParallelism: false },
  },
];

export default defineConfig({
  test: {
    projects,
    expect: { requireAssertions: true },
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    pool: 'forks',
  },
});
