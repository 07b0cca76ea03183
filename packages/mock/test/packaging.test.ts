// The published shape (build first): publint, and `attw --pack` finding the types of every entry in every
// resolution mode an ESM-only package serves (node10 included, through the vitest-global-setup/ folder).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { publint } from "publint";
import { expect, test } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

test("publint reports nothing", async () => {
  const { messages } = await publint({ pkgDir: packageDir, level: "suggestion", strict: true });
  expect(messages).toEqual([]);
});

test("attw --pack: every entry's types resolve in every mode, node10 included (ESM only: require() is not served)", async () => {
  const bin = fileURLToPath(new URL("../node_modules/.bin/attw", import.meta.url));
  // attw exits non-zero on any problem, ESM-only's CJSResolvesToESM included: the JSON says which.
  const { stdout } = await promisify(execFile)(bin, ["--pack", ".", "--format", "json"], {
    cwd: packageDir,
    maxBuffer: 64 * 2 ** 20,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  const { problems } = JSON.parse(stdout) as { problems: Record<string, { kind: string }[]> };
  const found = Object.values(problems).flat();
  expect(found.length).toBeGreaterThan(0); // the ESM-only ones: the check does run
  expect(found.filter((problem) => problem.kind !== "CJSResolvesToESM")).toEqual([]);
}, 240_000);
