import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file starts a real Prism (≈1.5 s; tens of seconds when a busy 2-core machine starves it).
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
