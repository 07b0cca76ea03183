// The example validator is strict where it matters: closed schemas reject unknown properties,
// readOnly/writeOnly depend on the direction, discriminators are enforced, OpenAPI 3.0-isms fail.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBundle } from "./support/bundle.js";
import { getAt, isObject, type Json, pointer } from "./support/json-pointer.js";
import { describeErrors, SpecValidator } from "./support/schema-validator.js";

describe("on the real contract", () => {
  const spec = loadBundle();
  const validator = new SpecValidator(spec);
  const createBody = pointer("paths", "/deployments", "post", "requestBody", "content", "application/json");
  const firstCreateExample = (): Record<string, unknown> => {
    const media = getAt(spec, createBody);
    const ref = isObject(media) && isObject(media.examples) ? Object.values(media.examples)[0] : undefined;
    const example = isObject(ref) && typeof ref.$ref === "string" ? getAt(spec, ref.$ref.slice(1)) : ref;
    if (!isObject(example)) throw new Error("createDeployment has no named request example");
    return structuredClone(example.value) as Record<string, unknown>;
  };

  it("accepts createDeployment's request example as written", () => {
    const result = validator.validate(`${createBody}/schema`, firstCreateExample(), "request");
    expect(result.valid, describeErrors(result.errors)).toBe(true);
  });

  it("checks `format: uri` as RFC 3986 does (ajv-formats' own check takes a port that is not a number)", () => {
    const source = (url: string) =>
      validator.validate("/components/schemas/UrlSource", { type: "url", url }, "schema");
    expect(source("https://example.com:8443/a.png").valid).toBe(true);
    for (const url of [
      "https://example.com:abc/a.png",
      "https://a@b@example.com/a.png",
      "no scheme",
      "http://[v1.x]/",
    ]) {
      const result = source(url);
      expect(result.valid, url).toBe(false);
      expect(
        result.errors.map((e) => [e.instancePath, e.keyword]),
        url,
      ).toEqual([["/url", "format"]]);
    }
  });

  it("rejects an unknown property in a closed schema (CreateDeploymentParams), naming it", () => {
    const body = { ...firstCreateExample(), colour: "red" };
    const result = validator.validate(`${createBody}/schema`, body, "request");
    expect(result.valid).toBe(false);
    expect(
      result.errors.some(
        (e) => e.keyword === "additionalProperties" && e.params.additionalProperty === "colour",
      ),
      describeErrors(result.errors),
    ).toBe(true);
  });

  it("takes a repository's authorization_token in a request, requires it there, and refuses it in an answer", () => {
    const withToken: Json = {
      type: "github_repository",
      url: "https://github.com/acme/reports",
      authorization_token: "ghp_example",
    };
    const { authorization_token: _, ...answer } = withToken as Record<string, Json>;
    const sent = pointer("components", "schemas", "ResourceParams");
    const answered = pointer("components", "schemas", "Resource");
    expect(validator.validate(sent, withToken, "request").valid).toBe(true);
    expect(validator.validate(sent, answer, "request").valid).toBe(false);
    expect(validator.validate(answered, answer, "response").valid).toBe(true);
    const leaked = validator.validate(answered, withToken, "response");
    expect(leaked.valid, describeErrors(leaked.errors)).toBe(false);
  });
});

describe("on a fixture spec", () => {
  const fixture = JSON.parse(
    readFileSync(new URL("./fixtures/read-write-spec.json", import.meta.url), "utf8"),
  ) as Json;
  const validator = new SpecValidator(fixture);
  const secretive = pointer("components", "schemas", "Secretive");

  it("forbids readOnly properties in requests and writeOnly ones in responses, naming the property", () => {
    const request = validator.validate(secretive, { id: "s_1", password: "x" }, "request");
    expect(request.errors.map((e) => `${e.keyword} ${e.instancePath}`)).toEqual(["readOnly /id"]);
    const response = validator.validate(secretive, { id: "s_1", password: "x" }, "response");
    expect(response.errors.map((e) => `${e.keyword} ${e.instancePath}`)).toEqual(["writeOnly /password"]);
    expect(validator.validate(secretive, { id: "s_1" }, "response").valid).toBe(true);
    expect(validator.validate(secretive, { id: "s_1", password: "x" }, "schema").valid).toBe(true);
  });

  it("enforces the discriminator: an unknown tag is rejected at the tag's object", () => {
    const result = validator.validate(secretive, { id: "s_1", pet: { kind: "cow" } }, "response");
    expect(
      result.errors.some((e) => e.keyword === "discriminator" && e.instancePath === "/pet"),
      describeErrors(result.errors),
    ).toBe(true);
    expect(validator.validate(secretive, { id: "s_1", pet: { kind: "dog" } }, "response").valid).toBe(true);
  });

  it("refuses schemas with keywords unknown to JSON Schema 2020-12: OpenAPI 3.0's nullable, a misspelling", () => {
    expect(() =>
      validator.validate(pointer("components", "schemas", "OpenApi30Nullable"), "x", "response"),
    ).toThrow(/unknown keyword: "nullable"/);
    expect(() =>
      validator.validate(pointer("components", "schemas", "MisspelledKeyword"), 1, "response"),
    ).toThrow(/unknown keyword: "minimun"/);
  });
});
