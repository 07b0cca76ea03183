import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

const { version } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8")) as {
  version: string;
};

// Tests by concern under test/<concern>/; `*.test-d.ts` are type-level tests checked by tsc. The behaviour
// suites run twice: on the default transport (global fetch) and on @qoder-cloud/client/undici; test/undici/
// (undiciFetch()'s own Response) runs once, in the undici project.
const behaviour = [
  "auth",
  "errors",
  "features",
  "pagination",
  "redaction",
  "retries",
  "robustness",
  "timeouts",
];
export default defineConfig({
  // As tsup defines it (src/version.ts), for the tests that run the sources.
  define: { __CLIENT_VERSION__: JSON.stringify(version) },
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: "fetch",
          include: ["test/**/*.test.ts"],
          exclude: ["test/undici/**"],
          provide: { transport: "fetch" },
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        extends: true,
        test: {
          name: "undici",
          include: [...behaviour, "undici"].map((dir) => `test/${dir}/*.test.ts`),
          provide: { transport: "undici" },
        },
      },
    ],
  },
});
