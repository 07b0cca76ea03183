import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test drives real child processes (redocly, git, tsc): seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: four concurrent redocly processes keep both busy without thrashing.
    maxConcurrency: 4,
  },
});
