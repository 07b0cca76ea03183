// The published shape: publint and `attw --pack` (every resolution mode finds the types) must pass.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { publint } from "publint";
import { expect, test } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

test("publint reports no problems", async () => {
  const { messages } = await publint({ pkgDir: packageDir, level: "suggestion" });
  expect(messages).toEqual([]);
});

test("attw --pack finds the types in every module resolution mode", async () => {
  const bin = fileURLToPath(new URL("../node_modules/.bin/attw", import.meta.url));
  // Rejects (non-zero exit) when attw finds a problem; the JSON tells which.
  const { stdout } = await promisify(execFile)(bin, ["--pack", ".", "--format", "json"], { cwd: packageDir });
  const { problems } = JSON.parse(stdout) as { problems: Record<string, unknown[]> | unknown[] };
  expect(Object.values(problems).flat()).toEqual([]);
});

test("the entry loads and exports nothing, for an import a compiler keeps (`import { type Deployment }` under verbatimModuleSyntax)", async () => {
  // Self-reference by name: resolved through the package's own exports, as a consumer's import is.
  const name = "@qoder-cloud/types";
  expect(Object.keys(await import(/* @vite-ignore */ name))).toEqual([]);
  expect(Object.keys(createRequire(import.meta.url)(name))).toEqual([]);
});
