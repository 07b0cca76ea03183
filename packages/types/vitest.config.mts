import { defineConfig } from "vitest/config";

// Runtime tests (`*.test.mts`: packaging) plus type-level tests (`*.test-d.mts`, checked by tsc).
export default defineConfig({
  test: {
    include: ["test/**/*.test.mts"],
    testTimeout: 60_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.mts"], tsconfig: "./tsconfig.json" },
  },
});
