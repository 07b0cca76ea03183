// A consumer's code under the strictest settings users turn on, compiled against the built declarations
// by declarations.test.ts. Each line is something the README or the guides show, or a promise's
// ordinary use.

import {
  type APIError,
  createQoderClient,
  type ListPage,
  NotFoundError,
  type QoderMiddleware,
  type QoderMiddlewareParams,
  type QoderRequest,
} from "@qoder-cloud/client";
import type { AgentList, AgentVersionList, EnvironmentList, ModelList } from "@qoder-cloud/types";

declare const maybe: { signal?: AbortSignal | undefined; timeoutMs?: number | undefined };

// Options read from the environment may be undefined: the client then uses its defaults.
const china = createQoderClient({ region: "cn", token: process.env.QODER_CN_PAT });
const qoder = createQoderClient({
  token: process.env.MY_TOKEN,
  baseUrl: process.env.QODER_BASE_URL,
  betas: ["managed-agents-2026-01-01"] as const,
});
await qoder.deployments.retrieve("dep_1", { signal: maybe.signal, timeoutMs: maybe.timeoutMs });
await china.models.list();

// A rejection handler annotated as Promise's own signature allows.
const message: string = await qoder.deployments
  .retrieve("dep_1")
  .then((deployment) => deployment.name)
  .catch((error: Error) => error.message);
await qoder.deployments.list().catch((error: APIError) => error.status);
await qoder.deployments
  .retrieve("dep_1")
  .then(undefined, (error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)));

// Pages from pages() have the helpers a page has.
for await (const page of qoder.deployments.list({ limit: 10 }).pages()) {
  if (!page.hasNextPage()) break;
}

// ListPage fits every list of the contract.
const lists: ListPage[] = [] as (AgentList | AgentVersionList | EnvironmentList | ModelList)[];

// Middleware sees the client's light request: what it has compiles, what it lacks does not.
const seen: QoderRequest[] = [];
const logging: QoderMiddleware = {
  onRequest: ({ request }) => {
    seen.push(request);
    request.headers.set("x-trace", request.method);
    return new Request(request.url, { method: request.method, headers: request.headers });
  },
  onResponse: ({ response }) => response.clone(),
};
qoder.use(logging);
qoder.eject(logging);
qoder.use({
  // @ts-expect-error a QoderRequest is not a WHATWG Request: it has no clone()
  onRequest: ({ request }) => void request.clone(),
});
// openapi-fetch's usual pattern: change the headers, return the request (it keeps the call's options).
qoder.use({
  onRequest({ request }) {
    request.headers.set("x-a", "1");
    return request;
  },
});
const hook = ({ request }: QoderMiddlewareParams) => void seen.push(request);
qoder.use({ onRequest: hook, onError: async ({ error }) => (error instanceof Error ? error : undefined) });

export { lists, message };

// Per-call headers in the forms fetch takes (the README's "any iterable of pairs"): an object, a Headers,
// a Map, an array of pairs; on resource methods and on paginate().
await qoder.deployments.retrieve("dep_1", { headers: new Headers({ "x-trace": "1" }) });
await qoder.deployments.list({ limit: 2 }, { headers: new Map([["x-trace", "1"]]) });
await qoder.deployments.retrieve("dep_1", { headers: [["x-trace", "1"]] });
for await (const item of qoder.paginate("/deployments", { headers: new Headers({ "x-trace": "1" }) }))
  void item;
for await (const item of qoder.paginate("/deployments", { headers: new Map([["x-trace", "1"]]) })) void item;
function* traceHeaders(): Generator<[string, string]> {
  yield ["x-trace", "1"];
}
for await (const item of qoder.paginate("/deployments", {
  headers: traceHeaders(),
  params: { query: { limit: 5 } },
}))
  void item;
// @ts-expect-error a header value is a string
await qoder.deployments.retrieve("dep_1", { headers: new Map([["x-trace", 1]]) });
