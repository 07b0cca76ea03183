import { defineConfig } from "tsup";

// ESM only: the mock is a Node tool (it spawns Prism), not a browser library.
export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts", "src/vitest-global-setup.ts"],
  format: ["esm"],
  dts: true,
  target: "node20",
  platform: "node",
  clean: true,
});
