// gz size contribution per source module: bundle src/*.ts minified and measure each module by removing it? Simpler: minify each module separately.
import { readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

for (const f of [
  "api-promise",
  "client",
  "config",
  "errors",
  "pagination",
  "transport",
  "generated/operations",
  "version",
  "index",
]) {
  const r = await build({
    entryPoints: [`src/${f}.ts`],
    bundle: false,
    minify: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const b = r.outputFiles[0].contents;
  console.log(f.padEnd(22), b.byteLength, gzipSync(b, { level: 9 }).byteLength);
}
