// The seed page (GET /deployments) is authoritative: its response example is listDeployments' 200
// example byte for byte, and it validates against the 200 schema.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBundle } from "./support/bundle.js";
import { deref, getAt, isObject, type Json, pointer } from "./support/json-pointer.js";
import { describeErrors, SpecValidator } from "./support/schema-validator.js";
import { extractSeedExample, findSeedPage, readSeedFixture, SEED_FILE } from "./support/seed.js";

const spec = loadBundle();
const validator = new SpecValidator(spec);
const seed = readSeedFixture();
/**
 * SHA-256 of the seed page's example as extracted below, pinned: a clone without the page (GitHub CI,
 * a contributor's machine) still fails when the committed fixture is edited to match an edited example.
 */
const SEED_EXAMPLE_SHA256 = "806cade7ef7e468d9b2f138c6ced9033111cae62df657e46a3cebb11878bfa4e";
const list200 = pointer("paths", "/deployments", "get", "responses", "200", "content", "application/json");

function list200Examples(): Record<string, Json> {
  const node = getAt(spec, list200);
  if (!isObject(node)) throw new Error("listDeployments has no application/json 200 response");
  const named = isObject(node.examples) ? node.examples : {};
  const values: Record<string, Json> = {};
  for (const [name, entry] of Object.entries(named)) {
    const { node: example } = deref(spec, entry, `${list200}/examples/${name}`);
    if (isObject(example)) values[name] = example.value as Json;
  }
  if ("example" in node) values.example = node.example as Json;
  return values;
}

describe("the seed example (GET /deployments)", () => {
  it("is the fixture, byte for byte, when the seed page is available", (ctx) => {
    const page = findSeedPage();
    if (!page) {
      ctx.skip(
        `${SEED_FILE} is not present above this clone (only the CI workspace has it); the committed fixture stands in.`,
      );
      return;
    }
    expect(seed.text).toBe(extractSeedExample(readFileSync(page, "utf8")));
  });

  it("is the fixture, whose digest is the one pinned from the seed page (checked with or without the page)", () => {
    expect(
      createHash("sha256").update(seed.text).digest("hex"),
      "test/fixtures/seed-list-deployments.json is not the seed page's example: restore it from the page " +
        "(LF line endings, as .gitattributes keeps them); re-pin SEED_EXAMPLE_SHA256 only if the page itself changed.",
    ).toBe(SEED_EXAMPLE_SHA256);
    const page = findSeedPage();
    if (page)
      expect(
        createHash("sha256")
          .update(extractSeedExample(readFileSync(page, "utf8")))
          .digest("hex"),
      ).toBe(SEED_EXAMPLE_SHA256);
  });

  it("is listDeployments' 200 example, unchanged (same values, same key order)", () => {
    const examples = list200Examples();
    const match = Object.entries(examples).find(
      ([, value]) => `${JSON.stringify(value, null, 2)}\n` === seed.text,
    );
    expect(
      match?.[0],
      `no 200 example of listDeployments equals the seed; examples: ${Object.keys(examples).join(", ")}`,
    ).toBeDefined();
    expect(match?.[1]).toStrictEqual(seed.value);
  });

  it("validates against the listDeployments 200 schema", () => {
    const result = validator.validate(`${list200}/schema`, seed.value, "response");
    expect(result.valid, describeErrors(result.errors)).toBe(true);
  });
});

describe("altered copies of the seed are rejected, naming the field", () => {
  type Page = { has_more?: unknown; data: Record<string, unknown>[] };
  interface Alteration {
    name: string;
    change: (page: Page) => void;
    /** The Ajv error expected: where it points and which keyword failed. */
    instancePath: string;
    keyword: string;
    missingProperty?: string;
  }
  const firstDeployment = (page: Page) => page.data[0] as Record<string, unknown>;
  const alterations: Alteration[] = [
    {
      name: "wrong type: has_more as a string",
      change: (p) => {
        p.has_more = "true";
      },
      instancePath: "/has_more",
      keyword: "type",
    },
    {
      name: "wrong type: a deployment's agent.version as a string",
      change: (p) => {
        (firstDeployment(p).agent as Record<string, unknown>).version = "1";
      },
      instancePath: "/data/0/agent/version",
      keyword: "type",
    },
    {
      name: "missing required field: a deployment without id",
      change: (p) => {
        delete firstDeployment(p).id;
      },
      instancePath: "/data/0",
      keyword: "required",
      missingProperty: "id",
    },
    {
      name: "missing required field: a page without has_more",
      change: (p) => {
        delete p.has_more;
      },
      instancePath: "",
      keyword: "required",
      missingProperty: "has_more",
    },
    {
      name: "unknown enum value: status running",
      change: (p) => {
        firstDeployment(p).status = "running";
      },
      instancePath: "/data/0/status",
      keyword: "enum",
    },
  ];

  for (const alteration of alterations) {
    it(alteration.name, () => {
      const copy = structuredClone(seed.value) as Page;
      alteration.change(copy);
      const result = validator.validate(`${list200}/schema`, copy, "response");
      const report = describeErrors(result.errors);
      expect(result.valid).toBe(false);
      const hit = result.errors.find(
        (e) =>
          e.instancePath === alteration.instancePath &&
          e.keyword === alteration.keyword &&
          (alteration.missingProperty === undefined ||
            e.params.missingProperty === alteration.missingProperty),
      );
      expect(hit, report).toBeDefined();
      // The readable report names the field as well.
      expect(report).toContain(alteration.missingProperty ?? alteration.instancePath);
    });
  }
});
