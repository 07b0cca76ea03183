// The seed page (GET /deployments) is authoritative: its response example is listDeployments' 200
// example byte for byte, and it validates against the 200 schema.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBundle } from "./support/bundle.js";
import { deref, getAt, isObject, type Json, pointer } from "./support/json-pointer.js";
import { describeErrors, SpecValidator } from "./support/schema-validator.js";
import { extractSeedExample, findSeedPage, readSeedFixture, SEED_FILE } from "./support/seed.js";
import { exampleSource } from "./support/spec-examples.js";

const spec = loadBundle();
const validator = new SpecValidator(spec);
const seed = readSeedFixture();
/**
 * SHA-256 of the seed page's example as extracted below, pinned: a clone without the page (GitHub CI,
 * a contributor's machine) still fails when the committed fixture is edited to match an edited example.
 */
const SEED_EXAMPLE_SHA256 = "806cade7ef7e468d9b2f138c6ced9033111cae62df657e46a3cebb11878bfa4e";
const list200 = pointer("paths", "/deployments", "get", "responses", "200", "content", "application/json");

/** listDeployments' 200 examples by name, each with the file of openapi/ it comes from. */
function list200Examples(): Record<string, { value: Json; source: string }> {
  const node = getAt(spec, list200);
  if (!isObject(node)) throw new Error("listDeployments has no application/json 200 response");
  const named = isObject(node.examples) ? node.examples : {};
  const values: Record<string, { value: Json; source: string }> = {};
  for (const [name, entry] of Object.entries(named)) {
    const { node: example, at } = deref(spec, entry, `${list200}/examples/${name}`);
    if (isObject(example)) values[name] = { value: example.value as Json, source: exampleSource(at) };
  }
  if ("example" in node) values.example = { value: node.example as Json, source: `${list200}/example` };
  return values;
}

/**
 * The first place (a JSON pointer) where `actual` is not `expected` as the seed writes it: another value,
 * another type, or the same keys in another order; undefined when they are the same.
 */
function firstDifference(expected: Json, actual: Json, at = ""): { at: string; what: string } | undefined {
  const show = (value: Json) => JSON.stringify(value)?.slice(0, 80);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (i >= expected.length || i >= actual.length)
        return { at: `${at}/${i}`, what: `${expected.length} items in the seed, ${actual.length} here` };
      const found = firstDifference(expected[i] as Json, actual[i] as Json, `${at}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (isObject(expected) && isObject(actual)) {
    const [want, have] = [Object.keys(expected), Object.keys(actual)];
    for (const [i, key] of want.entries()) {
      if (!(key in actual)) return { at: `${at}${pointer(key)}`, what: "missing here" };
      if (have[i] !== key)
        return {
          at: at || "/",
          what: `keys in another order: ${have.join(", ")}; the seed: ${want.join(", ")}`,
        };
      const found = firstDifference(expected[key] as Json, actual[key] as Json, `${at}${pointer(key)}`);
      if (found) return found;
    }
    const extra = have.find((key) => !(key in expected));
    return extra === undefined ? undefined : { at: `${at}${pointer(extra)}`, what: "not in the seed" };
  }
  return expected === actual
    ? undefined
    : { at: at || "/", what: `${show(actual)} here, ${show(expected)} in the seed` };
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
    const examples = Object.entries(list200Examples());
    const match = examples.find(([, { value }]) => `${JSON.stringify(value, null, 2)}\n` === seed.text);
    if (!match) {
      // Name the closest example (the one that differs deepest) and where it first differs.
      const [name, { source }, difference] = examples
        .map(
          ([name, example]) => [name, example, firstDifference(seed.value as Json, example.value)] as const,
        )
        .sort(([, , a], [, , b]) => (b?.at.split("/").length ?? 0) - (a?.at.split("/").length ?? 0))[0] ?? [
        "none",
        { source: list200 },
        undefined,
      ];
      expect.fail(
        `no 200 example of listDeployments equals the seed (test/fixtures/seed-list-deployments.json, the seed ` +
          `page's example verbatim); the closest, ${source} ("${name}"), differs first at ` +
          `${difference?.at ?? "its JSON text"}: ${difference?.what ?? "same values, written otherwise"}. ` +
          "Restore it from the fixture: the seed wins.",
      );
    }
    expect(match[1].value).toStrictEqual(seed.value);
  });

  it("when it is not, names the closest example's first difference: a value, key order, a key, an item", () => {
    const page = seed.value as { data: Record<string, Json>[] } & Record<string, Json>;
    const altered = (change: (copy: typeof page) => void) => {
      const copy = structuredClone(page);
      change(copy);
      return firstDifference(page, copy);
    };
    expect(firstDifference(page, structuredClone(page))).toBeUndefined();
    expect(
      altered((copy) => {
        (copy.data[0] as Record<string, Json>).name = "x";
      }),
    ).toMatchObject({ at: "/data/0/name", what: expect.stringContaining('"x" here') });
    expect(
      altered((copy) => {
        const { data, ...rest } = copy;
        for (const key of Object.keys(copy)) delete copy[key];
        Object.assign(copy, rest, { data });
      })?.what,
    ).toMatch(/^keys in another order/);
    expect(altered((copy) => delete copy.has_more)).toEqual({ at: "/has_more", what: "missing here" });
    expect(altered((copy) => Object.assign(copy, { extra: 1 }))).toEqual({
      at: "/extra",
      what: "not in the seed",
    });
    expect(altered((copy) => copy.data.push({}))?.at).toBe(`/data/${page.data.length}`);
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
