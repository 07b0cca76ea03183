// forDirection: the contract as one side of the wire sees it (readOnly / writeOnly required one way only).
import { describe, expect, it } from "vitest";
import { forDirection } from "../index.js";
import { loadBundle } from "./support/bundle.js";

const spec = loadBundle() as { components: { schemas: Record<string, { required?: string[] }> } };

describe("forDirection", () => {
  it("leaves a property whose $ref points to another file as it is (required), as it always did", () => {
    const document = {
      components: {
        schemas: {
          Thing: {
            type: "object",
            required: ["owner", "id"],
            properties: { owner: { $ref: "./people.yaml#/Person" }, id: { type: "string", readOnly: true } },
          },
        },
      },
    };
    expect(forDirection(document, "request").components.schemas.Thing.required).toEqual(["owner"]);
  });

  it("keeps a writeOnly property required in requests and drops it in responses", () => {
    const document = {
      components: {
        schemas: {
          Repository: {
            type: "object",
            required: ["url", "token"],
            properties: { url: { type: "string" }, token: { type: "string", writeOnly: true } },
          },
        },
      },
    };
    const required = (side: "request" | "response") =>
      forDirection(document, side).components.schemas.Repository.required;
    expect(required("request")).toEqual(["url", "token"]);
    expect(required("response")).toEqual(["url"]);
  });

  it("leaves the contract's repository token to the side that has it", () => {
    // Required in requests (…Params), absent from answers: each side has a schema of its own.
    const params = (side: "request" | "response") =>
      forDirection(spec, side).components.schemas.GithubRepositoryResourceParams?.required;
    expect(params("request")).toContain("authorization_token");
    expect(spec.components.schemas.GithubRepositoryResource?.required).toEqual(["type", "url"]);
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
