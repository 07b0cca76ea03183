// A Node project's code with no DOM library (lib ES2022, @types/node only), compiled against the built
// declarations by declarations.test.ts: the client's types must not need the DOM's names.

import { createQoderClient, type QoderMiddleware } from "@qoder-cloud/client";
import { undiciFetch } from "@qoder-cloud/client/undici";

const qoder = createQoderClient({ token: process.env.QODER_PAT, fetch: undiciFetch() });
const logging: QoderMiddleware = {
  onRequest: ({ request }) => {
    request.headers.set("x-trace", request.method);
    return request;
  },
};
qoder.use(logging);
const deployment = await qoder.deployments.retrieve("dep_1").withResponse();

export { deployment };

// Per-call headers as a Headers (Node's own type, no DOM library).
await qoder.deployments.retrieve("dep_1", { headers: new Headers({ "x-trace": "1" }) });
