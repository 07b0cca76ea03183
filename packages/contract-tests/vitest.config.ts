import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // In order: keep a real server's QODER_BASE_URL/QODER_PAT aside for the live suite, then start one
    // mock with the published globalSetup (it sets QODER_BASE_URL and QODER_PAT for the tests).
    globalSetup: ["./test/support/live-env-setup.ts", "@qoder-cloud/mock/vitest-global-setup"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
