// Every example in the bundled contract must validate against the schema it illustrates. Cases are
// enumerated from openapi/dist/openapi.json, so a new example is covered without touching this file.
import { describe, expect, it } from "vitest";
import { errorTypeByStatus } from "../index.js";
import { loadBundle } from "./support/bundle.js";
import type { JsonObject } from "./support/json-pointer.js";
import { describeErrors, SpecValidator } from "./support/schema-validator.js";
import { collectExamples, exampleSource } from "./support/spec-examples.js";

const spec = loadBundle();
const components = (spec.components ?? {}) as JsonObject;
const validator = new SpecValidator(spec);
const cases = collectExamples(spec);

describe("examples of the bundled contract validate against their schemas", () => {
  for (const example of cases) {
    it(example.title, () => {
      const result = validator.validate(example.schemaPointer, example.value, example.direction);
      expect(result.valid, `${example.title}\n${describeErrors(result.errors)}`).toBe(true);
    });
  }
});

// OpenAPI 3.1 dropped 3.0's rule that a required readOnly (writeOnly) property is required in answers
// (requests) only: a validator that reads the contract as plain JSON Schema 2020-12 applies `required`
// both ways. Each side having a schema of its own, the examples hold for it too.
describe("examples validate for a plain JSON Schema validator too (no OpenAPI read/write rules)", () => {
  for (const example of cases) {
    it(example.title, () => {
      const result = validator.validate(example.schemaPointer, example.value, "schema");
      expect(result.valid, `${example.title}\n${describeErrors(result.errors)}`).toBe(true);
    });
  }
});

describe("example coverage", () => {
  const operations = Object.values(spec.paths ?? {}).flatMap((pathItem) =>
    Object.values(
      pathItem as Record<string, { operationId?: string; responses?: Record<string, unknown> }>,
    ).filter((value) => typeof value === "object" && value !== null && "operationId" in value),
  );

  it("found examples to check", () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThan(operations.length);
  });

  it("covers every documented response status of every operation with at least one example", () => {
    const covered = new Set(cases.map((c) => `${c.operationId} ${c.location}`));
    const uncovered = operations.flatMap((operation) =>
      Object.keys(operation.responses ?? {})
        .filter((status) => status !== "204")
        .map((status) => `${operation.operationId} ${status}`)
        .filter((key) => !covered.has(key)),
    );
    expect(uncovered).toEqual([]);
  });

  it("checks request examples too (writeOnly/readOnly rules apply per direction)", () => {
    expect(cases.some((c) => c.direction === "request")).toBe(true);
    expect(cases.some((c) => c.direction === "response")).toBe(true);
  });
});

// Every example of every error response, not only the first (the one Prism answers with): its
// error.type is the one the contract fixes for the status (ErrorType's description). The schema allows
// any type of the enum, so a 409 example saying not_found_error validates.
describe("error examples carry the error.type their status has", () => {
  const typeByStatus = errorTypeByStatus(spec);
  const errorCases = cases.filter((example) => /^[45]\d\d$/.test(example.location));

  it("found them: more than one for some status", () => {
    expect(errorCases.length).toBeGreaterThan(Object.keys(typeByStatus).length);
  });

  it("reads the mapping from ErrorType's description, each type one of its enum", () => {
    expect(typeByStatus).toMatchObject({ 404: "not_found_error", 409: "conflict_error", 500: "api_error" });
    const errorType = (description: string) => ({
      components: { schemas: { ErrorType: { description, enum: ["not_found_error"] } } },
    });
    expect(errorTypeByStatus(errorType("404 `not_found_error`."))).toEqual({ 404: "not_found_error" });
    expect(() => errorTypeByStatus(errorType("404 `not_found`."))).toThrow(/maps 404 to `not_found`/);
    expect(() => errorTypeByStatus(errorType("Category of an error."))).toThrow(/maps no status/);
  });

  it.each(errorCases.map((example) => [example.title, example] as const))("%s", (_title, example) => {
    const status = Number(example.location);
    const expected = typeByStatus[status];
    const found = (example.value as { error?: { type?: unknown } } | null)?.error?.type;
    expect(
      expected,
      `${example.title}: ErrorType's description fixes no error.type for ${status}`,
    ).toBeDefined();
    expect(
      found,
      `${exampleSource(example.exampleAt)} (${example.title}): error.type is "${String(found)}", but ` +
        `${status} answers "${expected}" (components/schemas/ErrorType.yaml): set "type": "${expected}" ` +
        "or move the example under the status it describes",
    ).toBe(expected);
  });
});

describe("list examples read as an answer of the API would", () => {
  const examples = Object.entries(
    (components.examples ?? {}) as Record<string, { value?: Record<string, unknown> }>,
  ).filter(([, example]) => Array.isArray(example.value?.data));
  // The seed page's example is verbatim (its last_id names a record beyond the page shown); the seed wins.
  const verbatim = new Set(["DeploymentListExample"]);

  it.each(examples.map(([name, example]) => [name, example.value as Record<string, unknown>]))(
    "%s: newest first, first_id and last_id naming its ends",
    (name, value) => {
      const data = value.data as { id?: string; created_at?: string }[];
      const created = data.map((item) => item.created_at).filter((at) => at !== undefined);
      expect(created, "newest first").toEqual([...created].sort().reverse());
      if (verbatim.has(name) || !("first_id" in value)) return;
      expect([value.first_id, value.last_id]).toEqual([data[0]?.id ?? null, data.at(-1)?.id ?? null]);
    },
  );
});

describe("error examples that say a record does not exist", () => {
  const examples = Object.entries((components.examples ?? {}) as Record<string, { value?: unknown }>).map(
    ([name, example]) => [name, example.value] as const,
  );
  /** The ids of every record some example shows (a resource, or an item of a list). */
  const shown = new Set(
    examples.flatMap(([, value]) => {
      const record = value as { id?: unknown; data?: { id?: unknown }[] } | undefined;
      return [record?.id, ...(Array.isArray(record?.data) ? record.data.map((item) => item.id) : [])].filter(
        (id): id is string => typeof id === "string",
      );
    }),
  );
  const missing = examples.flatMap(([name, value]) => {
    const message = (value as { error?: { message?: string } } | undefined)?.error?.message ?? "";
    const id = / not found: (\S+)\.$/.exec(message)?.[1];
    return id ? [[name, id] as const] : [];
  });

  it("found some", () => expect(missing.length).toBeGreaterThan(3));
  it.each(missing)("%s names %s, which no other example shows as existing", (_name, id) => {
    expect(shown.has(id)).toBe(false);
  });
});
