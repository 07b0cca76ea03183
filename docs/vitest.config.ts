import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // Installing Debian's chromium on a fresh machine (see test/support/chromium.ts) can take minutes.
    hookTimeout: 600_000,
  },
});
