import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8")) as {
  version: string;
};

// ESM + CJS with .d.ts/.d.cts; @qoder-cloud/types (types only) and undici stay external.
const common: Options = {
  // src/undici.ts is its own entry (@qoder-cloud/client/undici): undici stays out of the browser bundle.
  entry: ["src/index.ts", "src/undici.ts"],
  dts: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  // src/version.ts: the User-Agent's version is package.json's, never a copy to keep in step.
  define: { __CLIENT_VERSION__: JSON.stringify(version) },
};
export default defineConfig([
  // openapi-fetch stays an external dependency of the ESM build (a bundler dedupes it).
  // Each build cleans only its own files: the two run at once.
  { ...common, format: "esm", clean: ["!*.cjs", "!*.cjs.map", "!*.d.cts"] },
  // The CJS build carries its own copy: openapi-fetch's CJS file marks no ES module, so `require` of it
  // would give its namespace where the default export (createClient) is expected.
  { ...common, format: "cjs", clean: ["!*.js", "!*.js.map", "!*.d.ts"], noExternal: ["openapi-fetch"] },
]);
