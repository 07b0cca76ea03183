// The getting-started guide is the real path (environment → agent → deployment → run): its ```ts
// blocks are executed in order, as printed, against the mock, in an account that starts empty.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createQoderClient } from "@qoder-cloud/client";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

const guide = readFileSync(
  fileURLToPath(new URL("../../../docs/guides/01-getting-started.md", import.meta.url)),
  "utf8",
);
const blocks = [...guide.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(([, code]) => code as string);
// Inside this package, so `@qoder-cloud/client` resolves as it does for a user who installed it.
const dir = fileURLToPath(new URL("../.snippets/", import.meta.url));
const token = `pt-guide-${process.pid}-${Date.now()}`;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const mockUrl = process.env.QODER_BASE_URL;
  const reset = await fetch(`${mockUrl}/_mock/reset`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ fixture: "empty" }),
  });
  expect(reset.status).toBe(200);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("runs every TypeScript block of the getting-started guide, from an empty account to a run", async () => {
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  vi.stubEnv("QODER_PAT", token);
  const printed: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    printed.push(args.map(String).join(" "));
  });
  try {
    for (const [index, code] of blocks.entries()) {
      const file = `${dir}01-getting-started-${index + 1}.ts`;
      writeFileSync(file, code);
      await import(pathToFileURL(file).href);
    }
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
  const output = printed.join("\n");
  expect(output).toMatch(/^environment env_\w+$/m);
  expect(output).toMatch(/^agent agent_\w+ version 1$/m);
  expect(output).toMatch(/^deployment dep_\w+ pinned to agent version 1$/m);
  expect(output).toMatch(/^run drun_\w+ session sess_\w+$/m);
  expect(output).toMatch(/^past run drun_\w+ \S+ ok$/m);
  expect(output).toMatch(/^agent agent_\w+ is now at version 2$/m);
  expect(output).toMatch(/^stale version refused: Version conflict/m);
  expect(output).toMatch(/^deployment dep_\w+ now runs version 2$/m);
  expect(output).toContain("no such deployment");

  // What the guide left behind in the account: one environment, agent, deployment and run.
  const qoder = createQoderClient({ token });
  const [deployment, ...others] = (await qoder.deployments.list()).data;
  expect(others).toEqual([]);
  expect(deployment?.agent.version).toBe(2);
  expect((await qoder.environments.list()).data.map((e) => e.id)).toEqual([deployment?.environment_id]);
  expect((await qoder.agents.versions.list(deployment?.agent.id ?? "")).data.map((v) => v.version)).toEqual([
    2, 1,
  ]);
  expect((await qoder.deployments.runs.list(deployment?.id ?? "")).data).toHaveLength(1);
});
