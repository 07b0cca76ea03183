// The shipped declarations as a consumer's strict tsc reads them: through the package's exports and its
// built d.ts (build first).
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

it("state() is typed with every record list present; a state to load may leave them out", async () => {
  const fixtures = join(import.meta.dirname, "fixtures/account-snapshot");
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const run = (name: string) =>
    promisify(execFile)(process.execPath, [tsc, "-p", join(fixtures, `tsconfig.${name}.json`)]);
  await expect(run("ok")).resolves.toBeDefined();
  // The same check fails on an optional list, so the one above can fail.
  await expect(run("wrong")).rejects.toMatchObject({
    stdout: expect.stringContaining("possibly 'undefined'"),
  });
}, 60_000);
