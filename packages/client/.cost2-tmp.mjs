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
  external: ["openapi-fetch"],
});
const t = r.outputFiles[0].text;
const gz = (s) => gzipSync(s, { level: 9 }).length;
const CH = 250;
let prev = 0;
const rows = [];
for (let i = CH; i < t.length + CH; i += CH) {
  const g = gz(t.slice(0, i));
  rows.push([g - prev, t.slice(i - CH, i).replace(/\n/g, " ")]);
  prev = g;
}
console.log("total ours", gz(t), t.length);
for (const [c, s] of rows) console.log(String(c).padStart(4), s.slice(0, 130));
