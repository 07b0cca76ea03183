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
  metafile: true,
});
const t = r.outputFiles[0].text;
const gz = (s) => gzipSync(s, { level: 9 }).length;
// attribute cost per source module using esbuild's metafile bytesInOutput order is not available; chunk by 400 chars
const CH = 600;
let prev = 0;
const rows = [];
for (let i = CH; i < t.length + CH; i += CH) {
  const g = gz(t.slice(0, i));
  rows.push([g - prev, t.slice(i - CH, i - CH + 90)]);
  prev = g;
}
console.log("total", gz(t));
for (const [c, s] of rows) console.log(String(c).padStart(5), s.replace(/\n/g, " "));
