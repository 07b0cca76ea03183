// Spec, mock and client agree: every operation called through @qoder-cloud/client against the mock
// returns a result that validates against its schema, and every documented error status, forced with
// `Prefer: code=`, surfaces as the right error class with type, message and requestId.
import { APIError, createQoderClient } from "@qoder-cloud/client";
import { describe, expect, it } from "vitest";
import { coverage, EXAMPLE_IDS } from "./support/coverage.js";
import { ERROR_BY_STATUS } from "./support/errors.js";
import { operations, validate } from "./support/spec.js";

// The mock's globalSetup (vitest.config.ts) exported its URL and a token.
const mockUrl = process.env.QODER_BASE_URL;
if (!mockUrl?.startsWith("http://127.0.0.1:"))
  throw new Error(`Expected the mock's URL in QODER_BASE_URL, got ${mockUrl}`);
const qoder = createQoderClient({ maxRetries: 0 });

// The mock is the stateful simulator: each operation gets an account of its own (one per bearer token),
// starting from the contract's example data, so no other test has paused or archived what it calls.
const accountFor = (operationId: string) =>
  createQoderClient({ maxRetries: 0, token: `pt-contract-${operationId}` });
// What an operation needs to have happened first to succeed (only a paused deployment can be unpaused).
const before: Record<string, (client: typeof qoder) => Promise<unknown>> = {
  unpauseDeployment: (client) => client.deployments.pause(EXAMPLE_IDS.deploymentId),
};

describe.each(operations.map((operation) => [operation.operationId, operation] as const))(
  "%s",
  (operationId, operation) => {
    const entry = coverage[operationId];
    const success = operation.responses.find((response) => response.status < 300);

    it(`returns a result that validates against ${success?.schemaPointer}`, async () => {
      const client = accountFor(operationId);
      await before[operationId]?.(client);
      const result = await entry?.call(client, EXAMPLE_IDS, {});
      expect(validate(success?.schemaPointer ?? "", result)).toEqual([]);
    });

    const errors = operation.responses.filter((response) => response.status >= 400);
    it.each(errors.map((response) => [response.status, response] as const))(
      "Prefer: code=%i → the client's error class, type, message and requestId",
      async (status, response) => {
        const requestId = `contract-${operationId}-${status}`;
        const error = await entry
          ?.call(qoder, EXAMPLE_IDS, { headers: { Prefer: `code=${status}`, "x-request-id": requestId } })
          .then(
            () => undefined,
            (caught: unknown) => caught,
          );
        const expected = ERROR_BY_STATUS[status];
        expect(expected, `no client error class known for status ${status}`).toBeDefined();
        expect(error).toBeInstanceOf(expected?.errorClass);
        const apiError = error as APIError;
        expect(apiError).toBeInstanceOf(APIError);
        expect(apiError.status).toBe(status);
        expect(apiError.type).toBe(expected?.type);
        // Prism answers `code=` with the response's first documented example.
        const documented = response.examples[0]?.value as { error: { message: string; param?: string } };
        expect(apiError.message).toBe(documented.error.message);
        expect(apiError.param).toBe(documented.error.param);
        expect(apiError.requestId).toBe(requestId);
      },
    );
  },
);
