import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The lint suite spawns the Redocly CLI (≈1–2 s per run on a 2-core machine).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
