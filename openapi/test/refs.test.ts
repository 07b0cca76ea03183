// resolveRef / resolveRefAt and HTTP_METHODS: the one definition every package reads the bundle with.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HTTP_METHODS, openapiJsonPath, resolveRef, resolveRefAt } from "../index.js";

const bundle = JSON.parse(readFileSync(openapiJsonPath, "utf8")) as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
};

describe("resolveRefAt", () => {
  const document = {
    components: {
      schemas: { "a/b": { $ref: "#/components/schemas/C~0" }, "C~": { type: "string" } },
      loop: { $ref: "#/components/loop" },
    },
  };

  it("follows a chain of local refs, unescaping ~1 and ~0, and says where it ended", () => {
    expect(resolveRefAt(document, { $ref: "#/components/schemas/a~1b" }, "#/x")).toEqual({
      node: { type: "string" },
      at: "#/components/schemas/C~0",
    });
    expect(resolveRef(document, { $ref: "#/components/schemas/a~1b" })).toEqual({ type: "string" });
  });

  it("gives back a node that is no reference, where it was said to be", () => {
    expect(resolveRefAt(document, { type: "integer" }, "#/here")).toEqual({
      node: { type: "integer" },
      at: "#/here",
    });
    expect(resolveRef(document, true)).toBe(true);
  });

  it("throws on a reference that is not local, loops or points nowhere", () => {
    expect(() => resolveRef(document, { $ref: "other.yaml#/x" })).toThrow(/Only local \$refs/);
    expect(() => resolveRef(document, { $ref: "#/components/loop" })).toThrow(
      /Circular \$ref "#\/components\/loop"/,
    );
    expect(() => resolveRef(document, { $ref: "#/components/nothing" })).toThrow(/Unresolvable/);
  });

  it("resolves every response of the bundle to an object with a description", () => {
    const responses = Object.values(bundle.paths).flatMap((item) =>
      HTTP_METHODS.flatMap((method) => Object.values(item[method]?.responses ?? {})),
    );
    expect(responses.length).toBeGreaterThan(100);
    for (const response of responses)
      expect(resolveRef(bundle, response)).toMatchObject({ description: expect.any(String) });
  });
});

it("HTTP_METHODS are OpenAPI's eight path-item methods", () => {
  expect([...HTTP_METHODS]).toEqual(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
  expect(Object.isFrozen(HTTP_METHODS)).toBe(true);
});
