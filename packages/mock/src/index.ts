// Public API: start the Qoder Deployments API mock (Prism behind the envelope layer) from code.
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { openapiJsonPath, openapiYamlPath } from "@qoder-cloud/openapi";
import { startEnvelopeProxy } from "./envelope-proxy.js";
import { loadPathTemplates, loadStatusOfExample } from "./example-statuses.js";
import { launchPrism } from "./prism-process.js";

export type { ErrorEnvelope, ErrorType } from "./envelope-proxy.js";

export interface StartMockOptions {
  /** Port on 127.0.0.1. `0` picks any free port. Default: `MOCK_PORT`, else 4010. */
  port?: number;
  /** Invent response data from the schemas instead of answering with the documented examples. */
  dynamic?: boolean;
  /** Seed for `dynamic` mode, so invented data is the same on every run. */
  seed?: number;
  /** OpenAPI document to serve. Default: the bundled contract of `@qoder-cloud/openapi`. */
  specPath?: string;
  /** How long to wait for Prism to answer before giving up. Default 60 s. */
  startupTimeoutMs?: number;
  /** Called with one line per request (`GET /deployments → 200 (3 ms)`) and, if `verbose`, Prism's own log. */
  onLog?: (line: string) => void;
  /** Also pass Prism's own log lines (negotiation, validation) to `onLog`. */
  verbose?: boolean;
}

export interface RunningMock {
  /** Base URL to give the client, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  port: number;
  /** Settles with how the Prism process ended, whether through `stop()` or by crashing. */
  exited: Promise<string>;
  /** Stops Prism and the HTTP layer in front of it. Safe to call more than once. */
  stop(): Promise<void>;
}

export const DEFAULT_MOCK_PORT = 4010;

/** Starts the mock and resolves once it answers HTTP requests; rejects with Prism's output if it cannot. */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const port = options.port ?? portFromEnv() ?? DEFAULT_MOCK_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError(
      `startMock: "port" must be an integer from 0 to 65535 (0 = any free port), got ${port}.`,
    );
  }
  if (options.seed !== undefined && (!Number.isInteger(options.seed) || !options.dynamic)) {
    throw new TypeError(
      `startMock: "seed" must be an integer and only applies with "dynamic: true" (got seed ${options.seed}, dynamic ${options.dynamic ?? false}).`,
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

  const args = ["mock", specPath];
  if (options.dynamic) args.push("--dynamic");
  if (options.seed !== undefined) args.push("--seed", String(options.seed));
  const prism = await launchPrism({
    args,
    port: await freePort(),
    logLevel: options.verbose ? "info" : "warn",
    startupTimeoutMs: options.startupTimeoutMs ?? 60_000,
    onLog: options.verbose ? options.onLog : undefined,
  });

  // Listen only once Prism answers, so that whoever polls the port never sees a half-started mock.
  // The bundle's JSON twin (a custom YAML specPath has none: example names then need `code=` too).
  const jsonSpecPath = specPath === openapiYamlPath ? openapiJsonPath : specPath;
  const statusOfExample = loadStatusOfExample(jsonSpecPath);
  const proxy = await startEnvelopeProxy({
    port,
    upstream: prism.url,
    onLog: options.onLog,
    statusOfExample,
    pathTemplates: loadPathTemplates(jsonSpecPath),
  }).catch(async (error: NodeJS.ErrnoException) => {
    await prism.stop();
    throw error.code === "EADDRINUSE" ? portInUse(port) : error;
  });

  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${proxy.port}`,
    port: proxy.port,
    exited: prism.exited,
    stop() {
      stopping ??= Promise.all([proxy.close(), prism.stop()]).then(() => undefined);
      return stopping;
    },
  };
}

/**
 * Puts Prism's contract validator (`prism proxy --errors`) in front of any server: requests and
 * responses that break the contract are answered with 422 / 500 and a list of violations.
 */
export async function startValidationProxy(options: {
  upstream: string;
  port?: number;
  specPath?: string;
  startupTimeoutMs?: number;
}): Promise<RunningMock> {
  const prism = await launchPrism({
    args: ["proxy", options.specPath ?? openapiYamlPath, options.upstream, "--errors"],
    port: options.port || (await freePort()),
    logLevel: "warn",
    startupTimeoutMs: options.startupTimeoutMs ?? 60_000,
  });
  const port = Number(new URL(prism.url).port);
  return { url: prism.url, port, exited: prism.exited, stop: prism.stop };
}

function portFromEnv(): number | undefined {
  const raw = process.env.MOCK_PORT;
  if (raw === undefined || raw.trim() === "") return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port)) {
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

/** Asks the OS for a free port on 127.0.0.1 (Prism itself cannot listen on port 0 and report it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
