// docs/examples/errors-and-retries.ts's pauseIdempotently() against the simulator mock: a 409 is success
// only when the deployment really is paused; any other conflict (an archived deployment) still rejects.
import { ConflictError, createQoderClient, type QoderClient } from "@qoder-cloud/client";
import { type RunningMock, startMock } from "@qoder-cloud/mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pauseIdempotently } from "../examples/errors-and-retries.js";

// A deployment of the contract's examples, seeded active in every simulator account.
const DEPLOYMENT_ID = "dep_019ec556114c78f8b60ee34fcb98bf59";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, strict: true });
});
afterAll(() => mock?.stop());

let qoder: QoderClient;
beforeEach((context) => {
  // One simulator account per test, so what one test pauses or archives is never seen by another.
  qoder = createQoderClient({ baseUrl: mock.url, token: `pt-pause-${context.task.id}`, maxRetries: 0 });
});

describe("pauseIdempotently", () => {
  it("pauses an active deployment", async () => {
    const deployment = await pauseIdempotently(qoder, DEPLOYMENT_ID);
    expect(deployment.status).toBe("paused");
  });

  it("treats the 409 of an already paused deployment as success", async () => {
    await qoder.deployments.pause(DEPLOYMENT_ID);
    await expect(qoder.deployments.pause(DEPLOYMENT_ID)).rejects.toBeInstanceOf(ConflictError);
    const deployment = await pauseIdempotently(qoder, DEPLOYMENT_ID);
    expect(deployment.id).toBe(DEPLOYMENT_ID);
    expect(deployment.status).toBe("paused");
  });

  it("rejects with the 409 of an archived deployment (it is not paused)", async () => {
    await qoder.deployments.archive(DEPLOYMENT_ID);
    await expect(pauseIdempotently(qoder, DEPLOYMENT_ID)).rejects.toBeInstanceOf(ConflictError);
  });

  it("rejects with the 409 of a deployment archived while paused (it keeps reporting paused)", async () => {
    await qoder.deployments.pause(DEPLOYMENT_ID);
    const archived = await qoder.deployments.archive(DEPLOYMENT_ID);
    expect(archived.status).toBe("paused");
    expect(archived.archived_at).not.toBeNull();
    await expect(pauseIdempotently(qoder, DEPLOYMENT_ID)).rejects.toBeInstanceOf(ConflictError);
  });
});
