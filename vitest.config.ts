import { defineConfig } from 'vitest/config';

// One vitest run, several projects: unit specs beside the code, integration suites in tests/.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'model', include: ['model/src/**/*.spec.ts'] } },
      { test: { name: 'functions', include: ['functions/src/**/*.spec.ts'] } },
      { test: { name: 'web', include: ['web/src/**/*.spec.ts'] } },
      {
        test: {
          name: 'rules',
          include: ['tests/rules/**/*.test.ts'],
          // Before the functions suite, whose triggers and tasks may still run when it ends.
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/functions/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
