// The guide's table of example names (what `Prefer: example=` can ask for): each error row names the
// operations that really offer that example, and every example of the contract is in exactly one row.
import { readFileSync } from "node:fs";
import { openapiJsonPath } from "@qoder-cloud/openapi";
import { describe, expect, it } from "vitest";
import { exampleNamesTable } from "../scripts/lib/decorate.mjs";
import { listOperations, responseExamples } from "../scripts/lib/spec.mjs";
import { UI } from "../scripts/lib/ui-strings.mjs";

const spec = JSON.parse(readFileSync(openapiJsonPath, "utf8"));
const operations = listOperations(spec) as { operation: { operationId: string } }[];

/** Every error example of the contract: "operationId status name summary". */
const documented = operations.flatMap(({ operation }) =>
  (responseExamples(spec, operation) as { status: string; name: string; summary: string }[])
    .filter(({ status }) => !status.startsWith("2"))
    .map(({ status, name, summary }) => `${operation.operationId} ${status} ${name} ${summary}`),
);

describe.each(["en", "ja", "zh"] as const)("the example-names table (%s)", (lang) => {
  const ui = UI[lang];
  const table = exampleNamesTable(spec, ui) as string;
  const rows = table
    .split("\n")
    .filter((line) => /^\| [45]\d\d \|/.test(line))
    .map((line) => line.split(" | ").map((cell) => cell.replace(/^\| |`| \|$/g, "")));

  it("lists each error example once, with exactly the operations that offer it", () => {
    const listed = rows.flatMap(([status, , name, summary, offeredBy]) => {
      const ids =
        offeredBy === ui.allOperations
          ? operations.map(({ operation }) => operation.operationId)
          : (offeredBy as string).split(", ");
      return ids.map((operationId) => `${operationId} ${status} ${name} ${summary}`);
    });
    expect(listed.sort()).toEqual([...documented].sort());
  });

  it("keeps examples that share a name apart (already_archived of a deployment, an agent, an environment)", () => {
    const archived = rows.filter(([status, , name]) => status === "409" && name === "already_archived");
    expect(archived.map(([, , , summary]) => summary).sort()).toEqual([
      "Agent already archived",
      "Deployment already archived",
      "Environment already archived",
    ]);
    expect(new Set(rows.map((row) => row.slice(0, 4).join())).size).toBe(rows.length);
  });
});
