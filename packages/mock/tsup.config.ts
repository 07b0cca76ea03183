import { defineConfig } from "tsup";

// ESM only: the mock is a Node tool (it spawns Prism), not a browser library.
export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts", "src/vitest-global-setup.ts"],
  format: ["esm"],
  // Declarations come from tsc (tsconfig.build.json): tsup's dts build cannot resolve the `vitest` module
  // that vitest-global-setup.ts augments for inject("qoderBaseUrl").
  dts: false,
  target: "node20",
  platform: "node",
  clean: true,
});
