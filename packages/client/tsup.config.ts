import { defineConfig } from "tsup";

// ESM + CJS with .d.ts/.d.cts; openapi-fetch and @qoder-cloud/types stay external dependencies.
export default defineConfig({
  // src/undici.ts is its own entry (@qoder-cloud/client/undici): undici stays out of the browser bundle.
  entry: ["src/index.ts", "src/undici.ts"],
  format: ["esm", "cjs"],
  dts: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  clean: true,
});
