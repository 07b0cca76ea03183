#!/usr/bin/env node
// `qoder-mock`: serve the Qoder Deployments API mock on 127.0.0.1 until Ctrl-C.
import { parseArgs } from "node:util";
import { DEFAULT_MOCK_PORT, startMock } from "./index.js";

const usage = `Usage: qoder-mock [--port <n>] [--dynamic [--seed <n>]] [--spec <file>] [--verbose]

Serves the Qoder Deployments API mock (Prism 5.14.2) on http://127.0.0.1:<port>.

  -p, --port <n>   port on 127.0.0.1 (default: MOCK_PORT, else ${DEFAULT_MOCK_PORT}; 0 = any free port)
  -d, --dynamic    invent response data from the schemas instead of the documented examples
      --seed <n>   make --dynamic data repeatable
      --spec <file> OpenAPI document to serve (default: the bundled contract)
  -v, --verbose    also print Prism's own log (negotiation, validation)
  -h, --help       show this help`;

function fail(message: string): never {
  console.error(`qoder-mock: ${message}\n\n${usage}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      port: { type: "string", short: "p" },
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

const integer = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value)) fail(`--${name} must be an integer, got "${raw}".`);
  return value;
};

try {
  const mock = await startMock({
    port: integer("port", values.port),
    dynamic: values.dynamic ?? false,
    seed: integer("seed", values.seed),
    specPath: values.spec,
    verbose: values.verbose ?? false,
    onLog: (line) => console.log(line),
  });
  console.log(`Qoder Deployments API mock listening on ${mock.url} (Ctrl-C to stop)`);
  console.log(`Try: curl -H "Authorization: Bearer pt-test" "${mock.url}/deployments?limit=2"`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the mock…`);
    await mock.stop();
    process.exit(0);
  };
  void mock.exited.then(async (how) => {
    if (stopping) return;
    console.error(`qoder-mock: ${how}; stopping.`);
    await mock.stop();
    process.exit(1);
  });
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGHUP", () => void shutdown("SIGHUP"));
} catch (error) {
  console.error(`qoder-mock: ${(error as Error).message}`);
  process.exit(1);
}
