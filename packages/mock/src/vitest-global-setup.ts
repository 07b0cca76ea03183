// vitest globalSetup: one mock for the whole test run, its URL exposed as QODER_BASE_URL and through
// `inject("qoderBaseUrl")`.
//   export default defineConfig({ test: { globalSetup: ["@qoder-cloud/mock/vitest-global-setup"] } });
// With options, from a setup file of your own:
//   // test/mock-setup.ts
//   export default mockGlobalSetup({ mode: "examples" });
// Tests then call createQoderClient() with no arguments. A QODER_BASE_URL already set is used only if it
// is a loopback URL (a mock started elsewhere), or with QODER_ALLOW_REMOTE_API=1: an ambient real URL
// never turns a consumer's test run into requests to production by accident.

// Loads vitest's own declarations (as an ES module), so that the augmentation below has a module to extend.
import type {} from "vitest";
import { DEFAULT_TOKEN, type MockMode, startMock } from "./index.js";
import type { Fixture } from "./simulator/index.js";

declare module "vitest" {
  // Types `inject("qoderBaseUrl")` in the tests of a project using this setup.
  export interface ProvidedContext {
    qoderBaseUrl: string;
  }
}

/** The part of vitest's TestProject this setup uses (kept structural so vitest stays a dev dependency). */
export interface GlobalSetupContext {
  provide(key: "qoderBaseUrl", value: string): void;
  /** The project's `test.env`, which vitest adds to its workers' environment over the main process's. */
  config?: { env?: Partial<Record<string, string | undefined>> | undefined };
}

export interface MockGlobalSetupOptions {
  /** Default `"simulator"` (stateful); `"examples"` runs the stateless Prism mock. */
  mode?: MockMode | undefined;
  /** Simulator mode: what each new token's account starts with. Default `"examples"`. */
  fixture?: Fixture | undefined;
  /** Simulator mode: answer a loud 500 when an answer drifts from the contract. Default false. */
  strict?: boolean | undefined;
  /** Where the setup's one line goes. Default: console.log. */
  log?: ((line: string) => void) | undefined;
}

/** The opt-in variable that lets a non-loopback QODER_BASE_URL be used by the test run. */
export const ALLOW_REMOTE_VARIABLE = "QODER_ALLOW_REMOTE_API";

type Variable = "QODER_BASE_URL" | "QODER_MOCK_URL" | "QODER_PAT";

/**
 * What the setups of this process share. With vitest `projects`, every project's globalSetup runs in the
 * one main process: a QODER_BASE_URL that another project's setup set is not the user's. Kept on
 * globalThis: each project may load the setup module through its own module runner.
 */
interface Shared {
  /** URLs of the mocks started here and not yet torn down, oldest first. */
  running: string[];
  /** The variables as they were before the first of those mocks; restored when the last one stops. */
  user: Record<Variable, string | undefined> | undefined;
}
const sharedKey = Symbol.for("@qoder-cloud/mock/vitest-global-setup");
const registry = globalThis as Record<symbol, Shared | undefined>;
registry[sharedKey] ??= { running: [], user: undefined };
const shared = registry[sharedKey];

function setVariables(values: Record<Variable, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

export function mockGlobalSetup(options: MockGlobalSetupOptions = {}) {
  const log = options.log ?? ((line: string) => console.log(line));
  return async function setup(project?: GlobalSetupContext): Promise<(() => Promise<void>) | undefined> {
    const current = process.env.QODER_BASE_URL;
    // A mock of another project's setup is not a URL the user gave: this project gets its own mock.
    const ours = current !== undefined && shared.running.includes(current);
    const given = ours ? shared.user?.QODER_BASE_URL : current;
    if (given) {
      const remoteAllowed = process.env[ALLOW_REMOTE_VARIABLE] === "1";
      if (isLoopback(given) || remoteAllowed) {
        log(
          `[@qoder-cloud/mock] tests run against QODER_BASE_URL=${given}${isLoopback(given) ? "" : ` (${ALLOW_REMOTE_VARIABLE}=1)`}; no mock started.`,
        );
        project?.provide("qoderBaseUrl", given);
        // A mock elsewhere takes any token, as the one started below does; a real API needs the user's own.
        if (!isLoopback(given) || process.env.QODER_PAT) return undefined;
        process.env.QODER_PAT = DEFAULT_TOKEN;
        return async () => {
          delete process.env.QODER_PAT;
        };
      }
      // Said once: a later project's setup sees the same ignored URL.
      if (!ours)
        log(
          `[@qoder-cloud/mock] ignoring QODER_BASE_URL=${given}: it is not a loopback URL. Set ${ALLOW_REMOTE_VARIABLE}=1 to run the tests against it; starting a mock instead.`,
        );
    }
    const mock = await startMock({
      port: 0,
      mode: options.mode,
      fixture: options.fixture,
      strict: options.strict,
    });
    try {
      log(`[@qoder-cloud/mock] tests run against the ${options.mode ?? "simulator"} mock at ${mock.url}.`);
      project?.provide("qoderBaseUrl", mock.url);
      // Last: nothing after it can fail, so a failed setup leaves the project's environment as it was.
      if (project?.config)
        project.config.env = { ...project.config.env, QODER_BASE_URL: mock.url, QODER_MOCK_URL: mock.url };
    } catch (error) {
      await mock.stop().catch(() => undefined); // the setup's own error is the one to report
      throw error;
    }
    shared.user ??= {
      QODER_BASE_URL: process.env.QODER_BASE_URL,
      QODER_MOCK_URL: process.env.QODER_MOCK_URL,
      QODER_PAT: process.env.QODER_PAT,
    };
    shared.running.push(mock.url);
    // Workers start after global setup and inherit this environment: with several projects, that of the
    // last one set up, so each project's own URL also goes in its `test.env` (over it) and in provide().
    process.env.QODER_BASE_URL = mock.url;
    process.env.QODER_MOCK_URL = mock.url;
    // The mock accepts any bearer token (each is its own account); the client refuses to start without one.
    // A real token from the shell is not sent anywhere by a mock run: it is replaced when a remote URL was ignored.
    if (given || !process.env.QODER_PAT) process.env.QODER_PAT = DEFAULT_TOKEN;
    let tornDown = false;
    return async () => {
      // Once: a second call would take another project's mock out of the registry.
      if (tornDown) return;
      tornDown = true;
      try {
        await mock.stop();
      } finally {
        shared.running.splice(shared.running.indexOf(mock.url), 1);
        const latest = shared.running.at(-1);
        // Torn down in any order: the user's values come back with the last mock, never a stopped mock's URL.
        if (latest === undefined) {
          if (shared.user) setVariables(shared.user);
          shared.user = undefined;
        } else if (process.env.QODER_BASE_URL === mock.url) {
          process.env.QODER_BASE_URL = latest;
          process.env.QODER_MOCK_URL = latest;
        }
      }
    };
  };
}

function isLoopback(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
  } catch {
    return false;
  }
}

/** The default setup: the simulator, each token's account starting with the contract's examples. */
export default mockGlobalSetup();
