import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const entry = process.argv[2];
const r = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
  write: false,
  logLevel: "silent",
  metafile: true,
});
const b = r.outputFiles[0].contents;
console.log(entry, b.byteLength, gzipSync(b, { level: 9 }).byteLength);
for (const [k, v] of Object.entries(r.metafile.outputs))
  for (const [i, x] of Object.entries(v.inputs)) console.log("  ", i, x.bytesInOutput);
