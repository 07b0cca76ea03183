// Public API: start the Qoder Cloud Agents API mock from code: the stateful simulator (default) or the
// stateless examples served by Prism, both behind the front layer (envelope-proxy.ts).

import { once } from "node:events";
import { existsSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { forDirection, openapiJsonPath, openapiYamlPath } from "@qoder-cloud/openapi";
import { MAX_BODY_BYTES, startEnvelopeProxy } from "./envelope-proxy.js";
import { loadPathTemplates, loadStatusOfExample } from "./example-statuses.js";
import { launchPrism, supervisePrism } from "./prism-process.js";
import {
  type AccountSnapshot,
  admission,
  type Fixture,
  loadContract,
  refusal,
  Simulator,
} from "./simulator/index.js";

export type { ErrorEnvelope, ErrorType } from "@qoder-cloud/types";
export type { AccountSnapshot, AccountState, Fixture } from "./simulator/index.js";

/**
 * `"simulator"` (default): a stateful simulator of the API, held to the contract, one account per bearer
 * token; requests with a `Prefer` header still get Prism's documented examples.
 * `"examples"`: the stateless Prism mock, answering every request with the contract's examples.
 */
export type MockMode = "simulator" | "examples";

export interface StartMockOptions {
  /** Default `"simulator"`. */
  mode?: MockMode | undefined;
  /** Simulator mode: what a new account starts with, the contract's examples (default) or nothing. */
  fixture?: Fixture | undefined;
  /**
   * Simulator mode: check every answer against the contract's response schema and answer a loud 500
   * naming the schema on a drift. Meant for the mock's own tests and for CI. Default false.
   */
  strict?: boolean | undefined;
  /** Port on 127.0.0.1. `0` picks any free port. Default: `MOCK_PORT`, else 4010. */
  port?: number | undefined;
  /** Examples mode: invent response data from the schemas instead of answering with the documented examples. */
  dynamic?: boolean | undefined;
  /**
   * Simulator mode: makes generated ids repeatable: the same seed, token and sequence of requests give the
   * same ids at any time (timestamps still follow the clock; the runs that schedules fire draw from a
   * sequence of their own; without a seed an id starts with its time).
   * Examples mode with `dynamic`: makes invented data the same on every run.
   */
  seed?: number | undefined;
  /** OpenAPI document to serve. Default: the bundled contract of `@qoder-cloud/openapi`. */
  specPath?: string | undefined;
  /** How long to wait for Prism to listen before giving up (a Prism that fails exits at once). Default 120 s. */
  startupTimeoutMs?: number | undefined;
  /**
   * Aborts the start: Prism is killed at once and `startMock` rejects (the CLI aborts on a signal that
   * comes while it starts). Once started, stop the mock with `stop()`.
   */
  signal?: AbortSignal | undefined;
  /** Called with one line per request (`GET /deployments → 200 (3 ms)`) and, if `verbose`, Prism's own log. */
  onLog?: ((line: string) => void) | undefined;
  /** Also pass Prism's own log lines (negotiation, validation) to `onLog`. */
  verbose?: boolean | undefined;
}

export interface RunningMock {
  /** Base URL to give the client, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  port: number;
  /**
   * Settles with how Prism ended for good: through `stop()`, or after crashing more often than the
   * mock restarts it (5 restarts in a row; meanwhile requests for Prism get 503 `api_error`).
   */
  exited: Promise<string>;
  /** Stops Prism and the HTTP layer in front of it. Safe to call more than once. */
  stop(): Promise<void>;
  /**
   * Simulator mode: re-seeds one account (a bearer token) with `fixture` (default: the mock's), or with
   * no token forgets every account. Throws in examples mode, as do the other controls.
   */
  reset(token?: string, fixture?: Fixture): void;
  /**
   * Simulator mode: moves the clock by `ms` (forward fires due cron schedules; a negative `ms` moves it back
   * and fires nothing); returns the new time (RFC 3339).
   */
  advanceTime(ms: number): string;
  /** Simulator mode: sets the clock (moving it forward fires due schedules); returns the new time. */
  setTime(at: Date | string | number): string;
  /** Simulator mode: one account's records, for debugging a failing test (default token: "pt-test"). */
  state(token?: string): AccountSnapshot;
}

/** What startValidationProxy() resolves to: Prism's validating proxy, with no simulator controls. */
export type ValidationProxy = Pick<RunningMock, "url" | "port" | "exited" | "stop">;

export const DEFAULT_MOCK_PORT = 4010;

/** Starts the mock and resolves once it answers HTTP requests; rejects with Prism's output if it cannot. */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const port = options.port ?? portFromEnv() ?? DEFAULT_MOCK_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError(
      `startMock: "port" must be an integer from 0 to 65535 (0 = any free port), got ${port}.`,
    );
  }
  const mode = options.mode ?? "simulator";
  if (mode !== "simulator" && mode !== "examples") {
    throw new TypeError(`startMock: "mode" must be "simulator" or "examples", got ${JSON.stringify(mode)}.`);
  }
  if (options.seed !== undefined && !Number.isInteger(options.seed)) {
    throw new TypeError(`startMock: "seed" must be an integer, got ${options.seed}.`);
  }
  if (mode === "examples" && options.seed !== undefined && !options.dynamic) {
    throw new TypeError(
      'startMock: in examples mode "seed" only applies with "dynamic: true" (the documented examples are fixed).',
    );
  }
  if (mode === "simulator" && options.dynamic) {
    throw new TypeError(
      'startMock: "dynamic" invents data from the schemas in examples mode; the simulator keeps real state. Pass mode: "examples" with it.',
    );
  }
  for (const name of ["fixture", "strict"] as const) {
    if (mode === "examples" && options[name] !== undefined) {
      throw new TypeError(`startMock: "${name}" applies to the simulator; examples mode has no state.`);
    }
  }
  if (options.fixture !== undefined && options.fixture !== "examples" && options.fixture !== "empty") {
    throw new TypeError(
      `startMock: "fixture" must be "examples" or "empty", got ${JSON.stringify(options.fixture)}.`,
    );
  }
  // The simulator follows the bundled contract; a custom document is served by Prism alone.
  if (mode === "simulator" && options.specPath !== undefined && options.specPath !== openapiYamlPath) {
    throw new TypeError(
      'startMock: "specPath" applies to examples mode; the simulator runs the bundled contract.',
    );
  }
  const specPath = options.specPath ?? openapiYamlPath;
  if (!existsSync(specPath)) {
    throw new Error(
      `startMock: the OpenAPI document ${specPath} does not exist. Build the contract first (\`pnpm build\`, or \`pnpm --filter @qoder-cloud/openapi build\`), or pass "specPath".`,
    );
  }

  // Fail fast on a taken port rather than after Prism's start-up; the listen below re-checks.
  if (port !== 0) await assertPortFree(port);

  // Requests that Prism answers are checked first as the simulator checks them, against the bundled
  // contract (a custom document is Prism's alone).
  const contract = specPath === openapiYamlPath ? loadContract() : undefined;
  const simulator =
    mode === "simulator"
      ? new Simulator({ fixture: options.fixture, strict: options.strict, seed: options.seed })
      : undefined;

  const args = ["mock", specPath];
  if (options.dynamic) args.push("--dynamic");
  if (options.dynamic && options.seed !== undefined) args.push("--seed", String(options.seed));
  // Read before Prism starts, so that a document they cannot read leaves no process behind. The
  // bundle's JSON twin (a custom YAML specPath has none: example names then need `code=` too).
  const jsonSpecPath = specPath === openapiYamlPath ? openapiJsonPath : specPath;
  const statusOfExample = loadStatusOfExample(jsonSpecPath);
  const pathTemplates = loadPathTemplates(jsonSpecPath);
  // Prism binds port 0 and reports the port it got; if it dies, it is restarted (logged) and requests
  // for it get 503 meanwhile.
  const prism = await supervisePrism(
    {
      args,
      logLevel: options.verbose ? "info" : "warn",
      startupTimeoutMs: options.startupTimeoutMs ?? 120_000,
      onLog: options.verbose ? options.onLog : undefined,
      maxBodyBytes: MAX_BODY_BYTES,
      signal: options.signal,
    },
    { onEvent: options.onLog ?? ((line) => console.warn(`[@qoder-cloud/mock] ${line}`)) },
  );

  // Listen only once Prism answers, so that whoever polls the port never sees a half-started mock.
  const proxy = await startEnvelopeProxy({
    port,
    upstream: prism,
    onLog: options.onLog,
    statusOfExample,
    pathTemplates,
    simulator,
    refuse: contract && ((request) => refusal(contract, request)),
    admit: contract && ((request) => admission(contract, request)),
  }).catch(async (error: NodeJS.ErrnoException) => {
    await prism.stop();
    throw error.code === "EADDRINUSE" ? portInUse(port) : error;
  });

  let stopping: Promise<void> | undefined;
  const sim = (): Simulator => {
    if (!simulator) {
      throw new Error(
        'startMock: reset / advanceTime / setTime / state control the simulator; this mock runs in examples mode (mode: "examples"), which has no state.',
      );
    }
    return simulator;
  };
  return {
    url: `http://127.0.0.1:${proxy.port}`,
    port: proxy.port,
    exited: prism.exited,
    stop() {
      stopping ??= Promise.all([proxy.close(), prism.stop()]).then(() => undefined);
      return stopping;
    },
    reset: (token, fixture) => sim().reset(token, fixture),
    advanceTime: (ms) => sim().advanceTime(ms),
    setTime: (at) => sim().setTime(at),
    // A copy: changing what it returns must not change the simulator's records behind its checks.
    state: (token = DEFAULT_TOKEN) => structuredClone(sim().state(token)),
  };
}

/** The token of the README's samples (`Authorization: Bearer pt-test`). */
export const DEFAULT_TOKEN = "pt-test";

/**
 * Puts Prism's contract validator (`prism proxy --errors`) in front of any server: requests and
 * responses that break the contract are answered with 422 / 500 and a list of violations.
 */
export async function startValidationProxy(options: {
  upstream: string;
  port?: number | undefined;
  specPath?: string | undefined;
  startupTimeoutMs?: number | undefined;
}): Promise<ValidationProxy> {
  // Prism checks requests and answers against one document, and holds an answer to `required` even for
  // a writeOnly property (a github_repository resource's token, never returned): our contract is given to
  // it as the answering side sees it, where writeOnly properties are not required. A request missing one
  // still gets the upstream's own 400.
  const ours = options.specPath === undefined || isBundledContract(options.specPath);
  const given = ours ? openapiJsonPath : (options.specPath as string);
  if (!existsSync(given)) {
    throw new Error(
      `startValidationProxy: the OpenAPI document ${given} does not exist. ${ours ? "Build the contract first (`pnpm build`, or `pnpm --filter @qoder-cloud/openapi build`)." : "Check `specPath`."}`,
    );
  }
  // Ours is served to Prism over HTTP while it starts, not named as a file: Prism watches a file and
  // restarts on another port when it changes, and a rebuild of the contract must not move a running proxy.
  const served = ours
    ? await serveWhileStarting(
        Buffer.from(JSON.stringify(forDirection(JSON.parse(await readFile(given, "utf8")), "response"))),
      )
    : undefined;
  try {
    const prism = await launchPrism({
      args: ["proxy", served?.url ?? given, options.upstream, "--errors"],
      port: options.port ?? 0,
      logLevel: "warn",
      startupTimeoutMs: options.startupTimeoutMs ?? 120_000,
    });
    const port = Number(new URL(prism.url).port);
    return { url: prism.url, port, exited: prism.exited, stop: prism.stop };
  } finally {
    await served?.close();
  }
}

/** Whether `path` names the bundled contract (any of its files, however spelled: relative, through a link). */
function isBundledContract(path: string): boolean {
  const real = (file: string) => (existsSync(file) ? realpathSync(file) : resolve(file));
  return [openapiYamlPath, openapiJsonPath].map(real).includes(real(path));
}

/**
 * Serves `document` on 127.0.0.1 (a port of its own) until closed: Prism fetches it while it starts, with
 * a 5 s timeout of its own. The server runs in a worker thread, so a caller whose event loop is busy
 * meanwhile still answers.
 */
async function serveWhileStarting(document: Buffer): Promise<{ url: string; close(): Promise<void> }> {
  const worker = new Worker(DOCUMENT_SERVER, { eval: true, workerData: document });
  try {
    const [port] = (await once(worker, "message")) as [number];
    return {
      url: `http://127.0.0.1:${port}/openapi.json`,
      close: async () => {
        await worker.terminate();
      },
    };
  } catch (error) {
    await worker.terminate();
    throw error;
  }
}
const DOCUMENT_SERVER = `
const { parentPort, workerData } = require("node:worker_threads");
const server = require("node:http").createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/json" }).end(workerData);
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
`;

function portFromEnv(): number | undefined {
  const raw = process.env.MOCK_PORT;
  if (raw === undefined || raw.trim() === "") return undefined;
  // Decimal digits only, as the CLI's --port: Number() would read "0x10" as 16 and "1e3" as 1000.
  const port = /^\d{1,5}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!(port <= 65_535)) {
    throw new TypeError(`MOCK_PORT must be a port number (0–65535), got "${raw}".`);
  }
  return port;
}

function portInUse(port: number): Error {
  return new Error(
    `startMock: port ${port} on 127.0.0.1 is already in use. Stop what is using it, or choose another port (--port / MOCK_PORT / port: 0 for any free port).`,
  );
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? portInUse(port) : error),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}
