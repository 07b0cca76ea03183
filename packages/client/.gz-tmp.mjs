import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const r = await build({
  entryPoints: ["src/index.ts"],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
  write: false,
  logLevel: "silent",
  target: "es2022",
});
const b = r.outputFiles[0].contents;
console.log("src bundle", b.byteLength, gzipSync(b, { level: 9 }).byteLength);
