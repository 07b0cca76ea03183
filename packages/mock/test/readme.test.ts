// The README's Prefer tables are generated from the contract; this fails when they are stale.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { readmePath, readmeWithTables } from "../scripts/prefer-table.mjs";
import { operations, spec } from "./support/spec.js";

it("README.md lists the current Prefer codes and example names (regenerate: pnpm --filter @qoder-cloud/mock readme)", () => {
  const readme = readFileSync(readmePath, "utf8");
  expect(readme).toBe(readmeWithTables(readme, spec));
});

it("the tables name every operation and every example", () => {
  const readme = readFileSync(readmePath, "utf8");
  for (const operation of operations) {
    expect(readme).toContain(`\`${operation.operationId}\``);
    for (const example of operation.responses.flatMap((response) => response.examples)) {
      expect(readme).toContain(`\`${example.name}\``);
    }
  }
});
