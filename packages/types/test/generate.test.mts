// The generator's merge of declared properties into the index signature is generic: it runs on a small
// spec (not the contract) whose shapes differ from metadata's, and the output must compile and accept
// exactly the values the schemas allow.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, expect, test } from "vitest";

const generator = fileURLToPath(new URL("../scripts/generate.mjs", import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), "qoder-types-generate-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const run = (spec: object, out: string) => {
  const specPath = join(workDir, `${out}.json`);
  writeFileSync(specPath, JSON.stringify(spec));
  return promisify(execFile)(process.execPath, [generator, "--spec", specPath, "--out", join(workDir, out)]);
};

const schemas = {
  Limits: { type: "object", properties: { max: { type: "integer" } } },
  // Required and optional declared properties, an inline object property, a $ref shared with the extra keys.
  Labels: {
    type: "object",
    required: ["kind"],
    properties: {
      kind: { type: "integer" },
      limits: { $ref: "#/components/schemas/Limits" },
      nested: {
        type: "object",
        properties: { flag: { type: "boolean" } },
        additionalProperties: { type: "number" },
      },
    },
    additionalProperties: { oneOf: [{ type: "string" }, { $ref: "#/components/schemas/Limits" }] },
  },
  // A nullable object (type array) keeps its `| null` around the merged literal.
  MaybeTags: {
    type: ["object", "null"],
    properties: { primary: { type: "boolean" } },
    additionalProperties: { type: "string" },
  },
};
const spec = {
  openapi: "3.1.0",
  info: { title: "fixture", version: "1" },
  paths: {},
  components: { schemas },
};

test("objects with properties and additionalProperties become one literal that compiles", async () => {
  await run(spec, "schema.d.ts");
  const usage = join(workDir, "usage.ts");
  writeFileSync(
    usage,
    `import type { components } from "./schema.js";
type Labels = components["schemas"]["Labels"];
type MaybeTags = components["schemas"]["MaybeTags"];
export const labels: Labels = { kind: 1, limits: { max: 2 }, nested: { flag: true, x: 1 }, a: "b", c: { max: 3 } };
export const kind: number = labels.kind;
export const tags: MaybeTags[] = [null, { primary: true, owner: "me" }];
// @ts-expect-error: kind is required
export const noKind: Labels = { a: "b" };
// @ts-expect-error: extra keys take a string or Limits, not a boolean
export const badExtra: Labels = { kind: 1, a: true };
// @ts-expect-error: nested extra keys are numbers
export const badNested: Labels = { kind: 1, nested: { y: "z" } };
// @ts-expect-error: the declared property keeps its own type
export const badPrimary: MaybeTags = { primary: "yes" };
`,
  );
  const program = ts.createProgram([usage], {
    strict: true,
    noEmit: true,
    types: [],
    lib: ["lib.es2022.d.ts"],
    skipLibCheck: false, // the generated .d.ts itself must be valid (a property must fit its index signature)
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(diagnostics).toEqual([]);
});

test("an untyped schema with properties and additionalProperties is refused with a clear message", async () => {
  const untyped = { properties: { a: { type: "string" } }, additionalProperties: { type: "string" } };
  const bad = { ...spec, components: { schemas: { Untyped: untyped } } };
  await expect(run(bad, "untyped.d.ts")).rejects.toMatchObject({
    stderr: expect.stringContaining("need `type: object`: #/components/schemas/Untyped"),
  });
});

test("components come out in name order, whatever order the bundle lists them in", async () => {
  const reversed = {
    ...spec,
    components: { schemas: Object.fromEntries(Object.entries(schemas).reverse()) },
  };
  await run(spec, "ordered-a.d.ts");
  await run(reversed, "ordered-b.d.ts");
  const a = readFileSync(join(workDir, "ordered-a.d.ts"), "utf8");
  expect(readFileSync(join(workDir, "ordered-b.d.ts"), "utf8")).toBe(a);
  const order = ["Labels", "Limits", "MaybeTags"].map((name) => a.indexOf(`${name}:`));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect([...order].sort((x, y) => x - y)).toEqual(order);
});
