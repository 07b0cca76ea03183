import { defineConfig } from "vitest/config";

// Tests by concern under test/<concern>/; `*.test-d.ts` are type-level tests checked by tsc.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
