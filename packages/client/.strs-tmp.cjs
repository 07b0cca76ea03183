const { buildSync } = require("esbuild");
const r = buildSync({
  entryPoints: ["dist/index.js"],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
  write: false,
  external: ["openapi-fetch"],
});
const t = r.outputFiles[0].text;
const z = require("zlib");
console.log("ours", t.length, z.gzipSync(t, { level: 9 }).length);
// strip all string/template contents to estimate their gz cost
const stripped = t.replace(/"[^"\n]{12,}"/g, '""');
console.log("without long strings", stripped.length, z.gzipSync(stripped, { level: 9 }).length);
