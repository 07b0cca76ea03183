// Every operation of the bundled contract has a coverage entry and a client method named by its
// x-sdk-method; a new operation without coverage fails here.
import { createQoderClient } from "@qoder-cloud/client";
import { expect, it } from "vitest";
import { coverage } from "./support/coverage.js";
import { operations } from "./support/spec.js";

it("covers exactly the operations of the contract", () => {
  expect(Object.keys(coverage).sort()).toEqual(operations.map((operation) => operation.operationId).sort());
});

it.each(
  operations.map((operation) => [operation.operationId, operation.definition["x-sdk-method"]] as const),
)("%s is the client method %s", (_, sdkMethod) => {
  const qoder = createQoderClient({ baseUrl: "http://127.0.0.1:9", token: "pt-unused" }) as unknown as Record<
    string,
    unknown
  >;
  const method = String(sdkMethod)
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], qoder);
  expect(typeof method).toBe("function");
});
