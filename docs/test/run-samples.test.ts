// Every TypeScript sample of the docs site, every guide snippet and the samples of the READMEs (the root's,
// the client's and the mock's) are executed against the stateful simulator, as a user runs them, so none of them can rot: the generated
// sample of each operation and each guide program runs with `node` (QODER_BASE_URL pointing at the
// mock), and the snippets that are files of a consumer project (`// vitest.config.ts`,
// `// test/….test.ts`) are written out as that project and run with vitest.
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { type RunningMock, startMock } from "@qoder-cloud/mock";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typescriptBlocks } from "../scripts/lib/fences.mjs";
import { distDir, docsDir, requireBuiltSite } from "./support/site.js";

requireBuiltSite();

/** Runs node with `args`; never throws (the mock runs in this process: a synchronous spawn would block it). */
async function run(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout: number }) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      ...options,
      encoding: "utf8",
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string; message: string };
    return { status: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr || failed.message };
  }
}

/** What a sample needs to have happened in its account first (only a paused deployment can be unpaused). */
const PRECONDITIONS: Record<string, string> = {
  unpauseDeployment: "/deployments/dep_019ec556114c78f8b60ee34fcb98bf59/pause",
};

/** Snippets that are shown but not run, each with the reason. */
const NOT_RUN: Record<string, string> = {
  "02-authentication-1": 'calls the China region\'s real host (region: "cn"), which no test may reach',
};

interface Snippet {
  name: string;
  source: string;
  /** Set for a file of a consumer project: its path, from the snippet's first line (`// vitest.config.ts`). */
  projectPath?: string;
}

function snippets(dir: string, readmeBlocks: string[] = []): Snippet[] {
  const files = readdirSync(dir).filter((name) => name.endsWith(".ts"));
  const found = files.map((file) => {
    const source = readFileSync(join(dir, file), "utf8");
    // Line 1 is the generated header; a project file names itself on line 2.
    const projectPath = /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.ts)$/.exec(source.split("\n")[1] ?? "")?.[1];
    return { name: file.replace(/\.ts$/, ""), source, ...(projectPath ? { projectPath } : {}) };
  });
  return [...found, ...readmeBlocks.map((source, index) => ({ name: `README-${index + 1}`, source }))];
}

/** The TypeScript blocks of a README of the repository. */
const tsBlocks = (readme: string) => typescriptBlocks(readFileSync(join(docsDir, "..", readme), "utf8"));

/**
 * The client README's blocks are fragments that take some names as given (its declarations test declares
 * them for tsc): here they get values of a new account of the simulator, and each block runs as the body
 * of a function, so that a name it declares itself shadows the given one.
 */
const CLIENT_README_GIVEN = `
import { createQoderClient as createGivenClient } from "@qoder-cloud/client";
const qoder = createGivenClient();
const id = "dep_019ec556114c78f8b60ee34fcb98bf59";
const name = "readme-sample", agent = "agent_019eb4d4a06d747c865d5800b9c57ae2";
const environment_id = "env_019e64e01a137caf953ac2ac7b42ec5c";
const initial_events = [{ type: "user.message", content: "Report today's status." }];
const schedule = { type: "cron", expression: "0 9 * * *", timezone: "Asia/Shanghai" };
const params = { name, agent, environment_id, initial_events };
const signal = new AbortController().signal;
const token = process.env.QODER_PAT, baseUrl = process.env.QODER_BASE_URL, region = "global";
const maxRetries = 2, timeoutMs = 60_000, maxResponseBytes = 10_000_000;
const workspaceId = "ws_readme", betas = [], defaultHeaders = {}, headers = {}, defaultQuery = {};
const fetch = globalThis.fetch, logger = console, logLevel = "warn";
`;
function clientReadmeProgram(block: string): string {
  const lines = block.split("\n");
  const body = lines.filter((line) => !line.startsWith("import "));
  return [
    ...lines.filter((line) => line.startsWith("import ")),
    CLIENT_README_GIVEN,
    `async function sample() {\n${body.join("\n")}\n}\nawait sample();`,
  ].join("\n");
}

/** A README block that is a file of a consumer project names itself on its first line. */
const readmeSnippets = (prefix: string, blocks: string[]): Snippet[] =>
  blocks.map((source, index) => {
    const projectPath = /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.ts)$/.exec(source.split("\n")[0] ?? "")?.[1];
    return { name: `${prefix}-${index + 1}`, source, ...(projectPath ? { projectPath } : {}) };
  });

const readmeBlocks = tsBlocks("README.md");
const packageReadmeSnippets = [
  ...readmeSnippets("client-README", tsBlocks("packages/client/README.md").map(clientReadmeProgram)),
  ...readmeSnippets("mock-README", tsBlocks("packages/mock/README.md")),
];
const operationSamples = snippets(join(distDir, "samples"));
const guideSnippets = snippets(join(distDir, "samples", "guides"), readmeBlocks);
const programs = [...operationSamples, ...guideSnippets, ...packageReadmeSnippets].filter(
  (snippet) => !snippet.projectPath && !(snippet.name in NOT_RUN),
);
// The project files of one guide (or one README) form one project.
const projects = new Map<string, Snippet[]>();
for (const snippet of [...guideSnippets, ...packageReadmeSnippets].filter((each) => each.projectPath)) {
  const guide = snippet.name.replace(/-\d+$/, "");
  projects.set(guide, [...(projects.get(guide) ?? []), snippet]);
}

// Transpiled next to the samples, so that `@qoder-cloud/client` resolves from docs/node_modules.
const runDir = join(distDir, "samples-run");
let mock: RunningMock;
beforeAll(async () => {
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  mock = await startMock({ port: 0, strict: true });
});
afterAll(() => mock?.stop());

/** The environment of a child: the mock's URL and an account of its own, nothing from a real shell. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { QODER_BASE_URL: _url, QODER_PAT: _pat, QODER_MOCK_URL: _mock, ...rest } = process.env;
  return { ...rest, NO_COLOR: "1", ...extra };
}

it("finds the samples: one per operation and the guides' snippets", () => {
  expect(operationSamples.length).toBeGreaterThanOrEqual(12);
  expect(guideSnippets.some((snippet) => snippet.name.startsWith("05-testing-against-the-mock"))).toBe(true);
  expect(readmeBlocks.length).toBeGreaterThan(0);
  // Every block of the client's and the mock's README (the types README's are types only: tsc checks them).
  expect(packageReadmeSnippets.map((snippet) => snippet.name)).toEqual([
    ...Array.from({ length: 8 }, (_, index) => `client-README-${index + 1}`),
    "mock-README-1",
    "mock-README-2",
    "mock-README-3",
  ]);
  expect([...projects.keys()]).toContain("mock-README");
  for (const name of Object.keys(NOT_RUN)) {
    expect(
      guideSnippets.map((snippet) => snippet.name),
      `NOT_RUN names ${name}`,
    ).toContain(name);
  }
});

describe("programs run against the simulator", () => {
  it.each(programs.map((snippet) => [snippet.name, snippet] as const))("%s", async (name, snippet) => {
    const file = join(runDir, `${name}.mjs`);
    const { outputText } = ts.transpileModule(snippet.source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(file, outputText);
    const token = `pt-sample-${name}`;
    const before = PRECONDITIONS[name];
    if (before) {
      const response = await fetch(`${mock.url}${before}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status, `precondition ${before}`).toBe(200);
    }
    const result = await run([file], {
      cwd: docsDir,
      timeout: 60_000,
      env: childEnv({ QODER_BASE_URL: mock.url, QODER_PAT: token }),
    });
    expect(result.stderr, `${name} wrote to stderr`).toBe("");
    expect(result.status, result.stdout).toBe(0);
  });
});

describe("consumer projects run with vitest", () => {
  it.each([...projects.entries()])(
    "%s",
    async (name, files) => {
      expect(files.map((file) => file.projectPath)).toContain("vitest.config.ts");
      const root = join(distDir, "consumer-projects", name);
      rmSync(root, { recursive: true, force: true });
      for (const file of files) {
        const path = join(root, file.projectPath as string);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.source);
      }
      const vitest = join(docsDir, "node_modules", "vitest", "vitest.mjs");
      const result = await run([vitest, "run", "--root", root], {
        cwd: root,
        timeout: 180_000,
        env: childEnv({}),
      });
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status, output).toBe(0);
      const tests = files.flatMap((file) => [...file.source.matchAll(/^it\(/gm)]).length;
      expect(output).toMatch(new RegExp(`Tests\\s+${tests} passed`));
      // The setup says which server the run used: the simulator it started.
      expect(output).toMatch(/tests run against the simulator mock at http:\/\/127\.0\.0\.1:\d+/);
    },
    200_000,
  );
});
