import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    globalSetup: ['test/unit/global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
