// A simulator served over real HTTP on 127.0.0.1 (port 0) by the mock's own front layer, strict mode on:
// an answer that drifts from the contract's response schema comes back as a 500 naming the schema, which
// every helper below rejects. No Prism: a request for it (a `Prefer` header) gets the front layer's 503.
import { afterAll, beforeAll, expect } from "vitest";
import { startEnvelopeProxy } from "../../src/envelope-proxy.js";
import { loadContract } from "../../src/simulator/contract.js";
import { Simulator, type SimulatorOptions } from "../../src/simulator/index.js";

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface SimServer {
  sim: Simulator;
  url: string;
  close(): Promise<void>;
  /** One HTTP request; `token` defaults to "pt-test", `null` sends no Authorization header. */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer<T>>;
}

/**
 * Calls as one account (`token()`, read at each call: a file's token changes per test), and a create of a
 * deployment that must succeed (its body given by `createBody`).
 */
export function accountCalls(server: SimServer, token: () => string) {
  const call = <T = Deployment>(
    method: string,
    path: string,
    options: Parameters<SimServer["call"]>[2] = {},
  ) => server.call<T>(method, path, { token: token(), ...options });
  const create = async (overrides: Record<string, unknown> = {}) => {
    const answer = await call("POST", "/deployments", { body: createBody(overrides) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  return { call, create };
}

/**
 * The server of a test file: started before its tests and closed after them (the hooks are registered
 * here), so a file writes `const server = simServerOfFile();`. Use it in tests and hooks only.
 */
export function simServerOfFile(options: SimulatorOptions = {}): SimServer {
  let started: SimServer | undefined;
  beforeAll(async () => {
    started = await startSimServer(options);
  });
  afterAll(() => started?.close());
  const current = (): SimServer => {
    if (!started)
      throw new Error("The file's simulator server starts in beforeAll: use it in tests and hooks.");
    return started;
  };
  return {
    get sim() {
      return current().sim;
    },
    get url() {
      return current().url;
    },
    close: () => current().close(),
    call: ((...args: Parameters<SimServer["call"]>) => current().call(...args)) as SimServer["call"],
  };
}

export async function startSimServer(options: SimulatorOptions = {}): Promise<SimServer> {
  const sim = new Simulator({ strict: true, ...options });
  const proxy = await startEnvelopeProxy({
    port: 0,
    upstream: { url: () => undefined, unavailable: () => "these tests run the simulator without Prism" },
    simulator: sim,
    // Idle connections stay open until close(): some tests block the event loop for seconds (in-process
    // simulators), after which the server's keep-alive timer and the client's next request on the same
    // socket would fire together, and the request would meet a reset.
    timeouts: { keepAliveTimeoutMs: 0 },
  });
  const url = `http://127.0.0.1:${proxy.port}`;
  return {
    sim,
    url,
    close: () => proxy.close(),
    async call(method, path, { token = "pt-test", body, headers = {} } = {}) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await response.text();
      const parsed = JSON.parse(text);
      if (response.status === 500 && String(parsed?.error?.message).includes("drift")) {
        throw new Error(`Simulator answer drifted from the contract: ${parsed.error.message}`);
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
  };
}

/** What the simulator's answers hold, as far as these tests read them. */
export type Deployment = {
  id: string;
  name: string;
  status: string;
  paused_reason: unknown;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  environment_id: string;
  metadata: Record<string, unknown>;
  schedule: { upcoming_runs_at?: string[]; last_run_at?: string } | null;
  [key: string]: unknown;
};
export type List<T> = {
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
  next_page: string | null;
};
export type Run = {
  id: string;
  deployment_id: string;
  created_at: string;
  error: unknown;
  trigger_context: { type: string; scheduled_at?: string };
};
export type ErrorBody = {
  type: "error";
  request_id: string;
  error: { type: string; message: string; param?: string };
};

const examples = () =>
  (loadContract().document.components as { examples: Record<string, { value: never }> }).examples;

/** A copy of one of the contract's named examples' value. */
export const example = <T>(name: string): T => structuredClone(examples()[name]?.value) as T;

/** The agent (both versions) and environments the example deployments reference: a state to load. */
export const referenced = () => ({
  agents: example<List<{ version: number }>>("AgentVersionListExample").data.reverse(),
  environments: example<List<unknown>>("EnvironmentListExample").data,
});

/** A valid create body: the contract's own `plain_string` request example, with overrides. */
export function createBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...example<object>("CreateDeploymentStringRequest"), ...overrides };
}
