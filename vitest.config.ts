import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Bounds that only catch a hang: CLI tests spawn processes, which take far longer on a loaded machine.
    testTimeout: 120_000,
    // Hooks bundle the CLI and workers with esbuild: seconds, and far more on a loaded machine; a
    // hook is setup, not the behaviour under test, so its bound only catches a hang.
    hookTimeout: 180_000,
    pool: 'forks',
    // One test file more than there are cores, not vitest's one fewer: a file spends part of its
    // time waiting on the processes it starts and on synced writes, which another file fills
    // (measured against one and two files at a time on two cores: docs/testing.md).
    maxWorkers: availableParallelism() + 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/unit/*.test.ts', 'test/unit/electron/**/*.test.ts', 'test/unit/build/**/*.test.ts'],
          globalSetup: ['test/unit/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Pure code for Node and the browser: no processes, servers or workers that outlive a
          // test, so a worker keeps the modules it has loaded from one file to the next instead
          // of loading React, the field table and the schemas again for every file.
          name: 'pure',
          include: ['test/unit/shared/**/*.test.ts', 'test/unit/renderer/**/*.test.{ts,tsx}'],
          isolate: false,
        },
      },
    ],
  },
});
