// The client under test, on the transport of the running vitest project: "fetch" (the default, global
// fetch) or "undici" (@qoder-cloud/client/undici). The behaviour suites run once on each (vitest.config.ts).
import { inject } from "vitest";
import { type ClientOptions, createQoderClient as create } from "../../src/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    transport: "fetch" | "undici";
  }
}

export const transport = inject("transport");
// One pool for the whole file, as an application would have; every test server has its own origin.
// Imported only here: loading undici makes its Agent the global fetch's dispatcher when none is set yet,
// which would put the "fetch" project on undici 7 instead of Node's own fetch.
const undici =
  transport === "undici"
    ? (await import("../../src/undici.js")).undiciFetch(
        new (await import("undici")).Agent({ keepAliveTimeout: 10_000 }),
      )
    : undefined;

/** createQoderClient on this project's transport (a test that passes its own `fetch` keeps it). */
export function createQoderClient(options?: ClientOptions) {
  return create(undici && !options?.fetch ? { ...options, fetch: undici } : options);
}

/** This project's transport as a `fetch` a test can wrap (the global fetch, or the shared undiciFetch()). */
export const transportFetch: typeof globalThis.fetch =
  undici ?? ((input, init) => globalThis.fetch(input, init));
