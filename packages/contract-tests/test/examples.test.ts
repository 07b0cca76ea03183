// The runnable examples of docs/examples, executed as a user runs them (default client from the
// environment, which the mock's globalSetup points at the mock), so they cannot rot.
import { execFile } from "node:child_process";
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createQoderClient } from "@qoder-cloud/client";
import ts from "typescript";
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { main as createRunInspect } from "../../../docs/examples/create-run-inspect.js";
import {
  describeError,
  main as errorsAndRetries,
  pauseIdempotently,
} from "../../../docs/examples/errors-and-retries.js";
import { main as listWithPagination } from "../../../docs/examples/list-with-pagination.js";
import { EXAMPLE_IDS } from "./support/coverage.js";

let printed: string[];
beforeEach((context) => {
  // One simulator account per test (the examples build their client from QODER_PAT), so what one
  // example pauses or creates is never seen by another.
  vi.stubEnv("QODER_PAT", `pt-examples-${context.task.id}`);
  printed = [];
  const capture = (...args: unknown[]) => {
    printed.push(args.map(String).join(" "));
  };
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

it("list-with-pagination: first page, a lazy search across pages, every run page by page", async () => {
  const { deployment, runs } = await listWithPagination("api-doc-verification-deployment");
  expect(deployment?.id).toBe(EXAMPLE_IDS.deploymentId);
  expect(runs.map((run) => run.id)).toEqual([EXAMPLE_IDS.runId]);
  expect(printed.join("\n")).toContain(`Found ${EXAMPLE_IDS.deploymentId}`);
});

it("create-run-inspect: create, run now, follow the run until it finishes", async () => {
  const { deploymentId, run } = await createRunInspect({
    agentId: "agent_019eb4d4a06d747c865d5800b9c57ae2",
    environmentId: "env_019e64e01a137caf953ac2ac7b42ec5c",
    pollEveryMs: 10,
  });
  expect(deploymentId).toMatch(/^dep_/);
  // The simulator records runs in the API's current, slim shape: a session was created, no error.
  expect(run.session_id).toMatch(/^sess_[0-9a-f]{32}$/);
  expect(run.error).toBeNull();
  expect(printed.join("\n")).toContain(`Run ${run.id}: session ${run.session_id} created`);
});

it("create-run-inspect refuses to start without the agent and environment, saying which variables to set", async () => {
  vi.stubEnv("QODER_AGENT_ID", "");
  vi.stubEnv("QODER_ENVIRONMENT_ID", "");
  await expect(createRunInspect()).rejects.toThrow(/QODER_AGENT_ID.*QODER_ENVIRONMENT_ID/);
});

describe("errors-and-retries", () => {
  it("pauses a deployment", async () => {
    const paused = await errorsAndRetries(EXAMPLE_IDS.deploymentId);
    expect(paused?.status).toBe("paused");
  });

  it("treats 409 already-paused as success", async () => {
    const qoder = createQoderClient();
    await qoder.deployments.pause(EXAMPLE_IDS.deploymentId);
    const deployment = await pauseIdempotently(qoder, EXAMPLE_IDS.deploymentId);
    expect(deployment.id).toBe(EXAMPLE_IDS.deploymentId);
    expect(deployment.status).toBe("paused");
  });

  it("rethrows any other 409: an archived deployment is not paused", async () => {
    const qoder = createQoderClient();
    await qoder.deployments.archive(EXAMPLE_IDS.deploymentId);
    await expect(pauseIdempotently(qoder, EXAMPLE_IDS.deploymentId)).rejects.toThrow(/archived/);
  });

  it("rethrows the 409 of a deployment archived while paused (it keeps reporting paused)", async () => {
    const qoder = createQoderClient();
    await qoder.deployments.pause(EXAMPLE_IDS.deploymentId);
    const archived = await qoder.deployments.archive(EXAMPLE_IDS.deploymentId);
    expect([archived.status, archived.archived_at === null]).toEqual(["paused", false]);
    await expect(pauseIdempotently(qoder, EXAMPLE_IDS.deploymentId)).rejects.toThrow(/archived/);
  });

  it("describes each kind of failure in one line, with the request id", async () => {
    const qoder = createQoderClient({ maxRetries: 0 });
    const failure = (status: number) =>
      qoder.deployments
        .retrieve(EXAMPLE_IDS.deploymentId, {
          headers: { Prefer: `code=${status}`, "x-request-id": `req-${status}` },
        })
        .catch((error: unknown) => describeError(error));
    expect(await failure(401)).toBe("The token was refused: check QODER_PAT (it starts with pt-).");
    expect(await failure(404)).toMatch(/^Not found: Deployment not found/);
    expect(await failure(403)).toMatch(/^403 permission_error: .+ \(request req-403\)$/);
    const unreachable = createQoderClient({ baseUrl: "http://127.0.0.1:9", maxRetries: 0 });
    expect(await unreachable.deployments.retrieve("dep_1").catch(describeError)).toMatch(
      /^Could not reach the API/,
    );
  });

  it("retries a 429 after Retry-After, then reports it", async () => {
    const qoder = createQoderClient({ maxRetries: 1 });
    const started = Date.now();
    const message = await qoder.deployments
      .retrieve(EXAMPLE_IDS.deploymentId, { headers: { Prefer: "code=429" } })
      .catch(describeError);
    expect(message).toMatch(/^Still rate limited after the client's retries/);
    // The mock's 429 carries Retry-After: 1, so one retry means waiting about a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("main() reports a failure instead of throwing", async () => {
    const result = await errorsAndRetries(
      "dep_019ec556114c78f8b60ee34fcb98bf59",
      createQoderClient({ headers: { Prefer: "code=404" } }),
    );
    expect(result).toBeUndefined();
    expect(printed.join("\n")).toMatch(/Not found/);
  });
});

// What the examples' README says to run: `npx tsx <file> [argument]` with QODER_PAT (and QODER_BASE_URL)
// set. Each file is transpiled as tsx would and run by Node in a process of its own, so its
// "Run directly" block runs as well: its arguments, its environment, its exit code.
describe("each example run as a program, as its README says", () => {
  const examples = fileURLToPath(new URL("../../../docs/examples/", import.meta.url));
  const node_modules = fileURLToPath(new URL("../node_modules", import.meta.url));
  const programs = [
    ["list-with-pagination.ts", ["api-doc-verification-deployment"], {}, `Found ${EXAMPLE_IDS.deploymentId}`],
    [
      "create-run-inspect.ts",
      [],
      {
        QODER_AGENT_ID: "agent_019eb4d4a06d747c865d5800b9c57ae2",
        QODER_ENVIRONMENT_ID: "env_019e64e01a137caf953ac2ac7b42ec5c",
      },
      "Failed runs of this deployment on the first page: 0",
    ],
    ["errors-and-retries.ts", [EXAMPLE_IDS.deploymentId], {}, "paused"],
  ] as const;
  it("covers every example in docs/examples", () => {
    const files = readdirSync(examples).filter((name) => name !== "README.md");
    expect(programs.map(([file]) => file).sort()).toEqual(files.sort());
  });
  it.each(programs)("%s", async (file, args, env, printedLine) => {
    // Its real path: Node gives a program its real path as import.meta.url, which the "Run directly" check
    // compares with argv[1] (a temp folder reached through a link, as on macOS, would fail it).
    const dir = realpathSync(mkdtempSync(join(tmpdir(), "qoder-example-")));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    symlinkSync(node_modules, join(dir, "node_modules"), "dir"); // @qoder-cloud/client, as a project has it
    const program = join(dir, file.replace(/\.ts$/, ".mjs"));
    const source = readFileSync(join(examples, file), "utf8");
    writeFileSync(
      program,
      ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText,
    );
    const { QODER_BASE_URL } = process.env; // the mock, from the globalSetup
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [program, ...args],
        {
          timeout: 60_000,
          env: { PATH: process.env.PATH, QODER_BASE_URL, QODER_PAT: `pt-example-run-${file}`, ...env },
        },
        (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
      ),
    );
    expect(result.stderr, result.stdout).toBe("");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(printedLine);
  });
});
