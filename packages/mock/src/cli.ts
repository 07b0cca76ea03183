#!/usr/bin/env node
// `qoder-mock`: serve the Qoder Cloud Agents API mock on 127.0.0.1 until Ctrl-C.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_MOCK_PORT, startMock } from "./index.js";

const usage = `Usage: qoder-mock [--port <n>] [--fixture examples|empty] [--strict] [--seed <n>] [--verbose]
       qoder-mock --examples [--port <n>] [--dynamic [--seed <n>]] [--spec <file>] [--verbose]

Serves a mock of the Qoder Cloud Agents API on http://127.0.0.1:<port>.

By default a stateful simulator held to the contract: one account per bearer token, starting with the
contract's example data; control endpoints under /_mock/ (reset, clock, state). Requests with a
\`Prefer\` header get Prism's documented examples. With --examples, the stateless Prism 5.14.2 mock.

  -p, --port <n>      port on 127.0.0.1 (default: MOCK_PORT, else ${DEFAULT_MOCK_PORT}; 0 = any free port)
      --fixture <f>   simulator: what a new account starts with, "examples" (default) or "empty"
      --strict        simulator: answer 500 naming the schema when an answer drifts from the contract
      --seed <n>      simulator: the same ids for the same token and requests (timestamps
                      still follow the clock, scheduled runs have ids of their own); with
                      --dynamic: repeatable invented data
  -e, --examples      the stateless mock answering with the contract's documented examples
  -d, --dynamic       with --examples: invent response data from the schemas instead
      --spec <file>   with --examples: OpenAPI document to serve (default: the bundled contract)
  -v, --verbose       also print Prism's own log (negotiation, validation)
  -h, --help          show this help`;

// Whoever reads the output may stop (`qoder-mock | head -2`, a harness done once it has the URL): the mock
// keeps serving. A write to a closed pipe fails with EPIPE as an 'error' event after the write returned,
// which nothing else catches (console.log only ignores errors raised during the write).
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);

/**
 * The access log (one line per request), written in batches, at most 20 ms late: a console.log per
 * request, a write to stdout each, cost the mock about as much as answering a list request.
 */
const accessLog = (() => {
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    console.log(pending.join("\n"));
    pending = [];
  };
  return {
    line(text: string) {
      pending.push(text);
      if (pending.length >= 1_000) flush();
      else timer ??= setTimeout(flush, 20);
    },
    flush,
  };
})();

/** Output of the CLI itself, after the access log written so far. */
function print(text: string): void {
  accessLog.flush();
  console.log(text);
}

function fail(message: string): never {
  console.error(`qoder-mock: ${message}\n\n${usage}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      port: { type: "string", short: "p" },
      examples: { type: "boolean", short: "e" },
      fixture: { type: "string" },
      strict: { type: "boolean" },
      dynamic: { type: "boolean", short: "d" },
      seed: { type: "string" },
      spec: { type: "string" },
      verbose: { type: "boolean", short: "v" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
}
try {
  parsed = parse();
} catch (error) {
  fail((error as Error).message);
}
const { values } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}

/** A decimal integer (Number() would also take "0x10" or "1e3"). */
const integer = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  if (!/^\s*-?\d+\s*$/.test(raw)) fail(`--${name} must be an integer, got "${raw}".`);
  return Number(raw);
};
const port = integer("port", values.port);
if (port !== undefined && (port < 0 || port > 65_535))
  fail(`--port must be between 0 and 65535 (0 = any free port), got ${port}.`);
if (values.spec !== undefined && !existsSync(values.spec)) fail(`--spec: ${values.spec} does not exist.`);

const mode = values.examples ? "examples" : "simulator";
if (values.fixture !== undefined && values.fixture !== "examples" && values.fixture !== "empty") {
  fail(`--fixture must be "examples" or "empty", got "${values.fixture}".`);
}
for (const [flag, given] of [
  ["--dynamic", values.dynamic],
  ["--spec", values.spec],
] as const) {
  if (mode === "simulator" && given !== undefined)
    fail(`${flag} applies to the stateless mock: add --examples.`);
}
for (const [flag, given] of [
  ["--fixture", values.fixture],
  ["--strict", values.strict],
] as const) {
  if (mode === "examples" && given !== undefined) fail(`${flag} applies to the simulator: drop --examples.`);
}
// Said here in the CLI's own words: startMock() would name its option (`dynamic: true`).
if (mode === "examples" && values.seed !== undefined && !values.dynamic)
  fail("--seed with --examples applies to invented data: add --dynamic (the documented examples are fixed).");

// A signal while the mock starts aborts the start: Prism is killed at once (busy loading, it would only
// notice our exit seconds later), then we exit.
const starting = new AbortController();
let earlySignal: string | undefined;
const abortStart = (signal: NodeJS.Signals) => {
  earlySignal ??= signal;
  starting.abort();
};
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
// `on`, kept until the process exits or the shutdown listeners replace it: a second Ctrl-C (pnpm forwards
// the terminal's) with no listener left would kill the process in the middle of stopping Prism.
for (const signal of SIGNALS) process.on(signal, abortStart);

try {
  const mock = await startMock({
    signal: starting.signal,
    mode,
    port,
    ...(mode === "simulator"
      ? { fixture: values.fixture as "examples" | "empty" | undefined, strict: values.strict }
      : { dynamic: values.dynamic ?? false }),
    seed: integer("seed", values.seed),
    specPath: values.spec,
    verbose: values.verbose ?? false,
    onLog: accessLog.line,
  });
  if (earlySignal) {
    await mock.stop();
    print(`\n${earlySignal}: stopped while starting.`);
    process.exit(0);
  }
  for (const signal of SIGNALS) process.off(signal, abortStart);
  print(
    `Qoder Cloud Agents API mock (${mode === "simulator" ? "stateful simulator" : "stateless examples"}) listening on ${mock.url} (Ctrl-C to stop)`,
  );
  print(`Try: curl -H "Authorization: Bearer pt-test" "${mock.url}/deployments?limit=2"`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    print(`\n${signal}: stopping the mock…`);
    await mock.stop();
    accessLog.flush();
    process.exit(0);
  };
  void mock.exited.then(async (how) => {
    if (stopping) return;
    accessLog.flush();
    console.error(`qoder-mock: ${how}; stopping.`);
    await mock.stop();
    accessLog.flush();
    process.exit(1);
  });
  for (const signal of SIGNALS) process.on(signal, () => void shutdown(signal));
} catch (error) {
  accessLog.flush();
  if (earlySignal) {
    print(`\n${earlySignal}: stopped while starting.`);
    process.exit(0);
  }
  console.error(`qoder-mock: ${(error as Error).message}`);
  process.exit(1);
}
