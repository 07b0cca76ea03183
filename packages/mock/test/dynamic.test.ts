// `dynamic: true` invents responses from the schemas; with a seed they repeat, and they validate
// (apart from the one generator gap documented in README.md).
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningMock, startMock } from "../src/index.js";
import { exampleBody, examplePath, operations, validate } from "./support/spec.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "examples", dynamic: true, seed: 7 });
});
afterAll(() => mock?.stop());

// json-schema-faker 0.5.8 ignores the numeric `exclusiveMinimum` of JSON Schema 2020 (README: Known gaps).
const KNOWN_GENERATOR_GAP =
  /\/budget(\/max_list_cost)? must (be > 0|be null|match exactly one schema in oneOf)$/;

it.each(operations.map((operation) => [operation.operationId, operation] as const))(
  "%s: invented data validates and repeats with the same seed",
  async (_, operation) => {
    const request = async () => {
      const body = exampleBody(operation);
      const response = await fetch(`${mock.url}${examplePath(operation)}`, {
        method: operation.method.toUpperCase(),
        headers: { authorization: "Bearer pt-test", ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const first = await request();
    const success = operation.responses.find((response) => response.status < 300);
    expect(first.status).toBe(success?.status);
    const errors = validate(success?.schemaPointer ?? "", first.body).filter(
      (error) => !KNOWN_GENERATOR_GAP.test(error),
    );
    expect(errors).toEqual([]);
    expect((await request()).body).toEqual(first.body);
    // Invented, not the documented example.
    expect(first.body).not.toEqual(success?.examples[0]?.value);
  },
);
