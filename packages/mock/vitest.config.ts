import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file starts a real Prism (≈1.5 s, slower on a busy 2-core machine).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
