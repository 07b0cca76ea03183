// The package README's snippet, run as a consumer runs it: the package imported by its own name.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { loadBundle } from "./support/bundle.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

it("the README's snippet runs: the contract's version and its paths", () => {
  const readme = readFileSync(`${packageDir}README.md`, "utf8");
  const snippet = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(snippet).toContain('from "@qoder-cloud/openapi"');
  // Run from the package's folder: Node resolves the package's own name there, through its exports.
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", snippet as string], {
    cwd: packageDir,
    encoding: "utf8",
  });
  const spec = loadBundle() as { info: { version: string }; paths: object };
  expect(output).toBe(`${spec.info.version}\n${Object.keys(spec.paths).length} paths\n`);
});
