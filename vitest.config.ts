import { defineConfig } from 'vitest/config';

/**
 * Three projects, so the quick loop stays quick: `npm run test:unit` runs `unit` alone (pure and
 * component tests: no server, no child process, no Redis, no browser build); `npm test` runs all three.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.{ts,tsx}'],
          // Files share a worker's module cache: half the wall time on 2 cores (most of it was
          // importing React, jsdom and Yjs again per file). These tests keep no module state between
          // files (fake timers and stubs are restored after each); checked with --sequence.shuffle.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // Real servers, child processes and redis-servers: integration, store, abuse and fuzz.
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Only the browser tests need dist/client: built once for this project, before its files start
          // in parallel workers, which must not each empty and rebuild it under the others.
          globalSetup: ['tests/support/globalSetup.ts'],
        },
      },
    ],
  },
});
