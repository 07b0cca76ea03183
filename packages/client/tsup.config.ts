import { defineConfig } from "tsup";

// ESM + CJS with .d.ts/.d.cts; openapi-fetch and @qoder-cloud/types stay external dependencies.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  clean: true,
});
