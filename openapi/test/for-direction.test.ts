// forDirection: the contract as one side of the wire sees it (readOnly / writeOnly required one way only).
import { describe, expect, it } from "vitest";
import { forDirection } from "../index.js";
import { loadBundle } from "./support/bundle.js";

const spec = loadBundle() as { components: { schemas: Record<string, { required?: string[] }> } };
const repository = (document: typeof spec) => document.components.schemas.GithubRepositoryResource?.required;

describe("forDirection", () => {
  it("keeps a writeOnly property required in requests and drops it in responses", () => {
    expect(repository(forDirection(spec, "request"))).toContain("authorization_token");
    expect(repository(forDirection(spec, "response"))).not.toContain("authorization_token");
    expect(repository(forDirection(spec, "response"))).toEqual(["type", "url"]);
  });

  it("follows $refs to the flag and leaves the document it was given as it was", () => {
    const document = {
      components: {
        schemas: {
          Id: { type: "string", readOnly: true },
          Thing: {
            type: "object",
            required: ["id", "name"],
            properties: { id: { $ref: "#/components/schemas/Id" }, name: { type: "string" } },
          },
        },
      },
    };
    expect(forDirection(document, "request").components.schemas.Thing.required).toEqual(["name"]);
    expect(forDirection(document, "response").components.schemas.Thing.required).toEqual(["id", "name"]);
    expect(document.components.schemas.Thing.required).toEqual(["id", "name"]);
  });
});
