// A consumer's strict tsc over a fixture folder of tsconfig.<name>.json projects (build first: the
// fixtures resolve @qoder-cloud/mock through its exports and built d.ts).
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/** Type-checks `tsconfig.<name>.json` of `fixtures`: resolves, or rejects with tsc's output in `stdout`. */
export const typecheck = (fixtures: string) => (name: string) =>
  promisify(execFile)(process.execPath, [tsc, "-p", join(fixtures, `tsconfig.${name}.json`)]);
