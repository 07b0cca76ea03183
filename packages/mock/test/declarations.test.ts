// The shipped declarations as a consumer's strict tsc reads them: through the package's exports and its
// built d.ts (build first).
import { join } from "node:path";
import { expect, it } from "vitest";
import { typecheck } from "./support/tsc.js";

it("state() is typed with every record list present; a state to load may leave them out", async () => {
  const run = typecheck(join(import.meta.dirname, "fixtures/account-snapshot"));
  await expect(run("ok")).resolves.toBeDefined();
  // The same check fails on an optional list, so the one above can fail.
  await expect(run("wrong")).rejects.toMatchObject({
    stdout: expect.stringContaining("possibly 'undefined'"),
  });
}, 60_000);

it("options that may be undefined are taken as not given, under exactOptionalPropertyTypes", async () => {
  const run = typecheck(join(import.meta.dirname, "fixtures/exact-options"));
  await expect(run("ok")).resolves.toBeDefined();
}, 60_000);
