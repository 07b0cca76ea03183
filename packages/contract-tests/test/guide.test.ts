// The getting-started guide is the real path (environment → agent → deployment → run): its TypeScript
// blocks are executed in order, as printed, against the mock, in an account that starts empty.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createQoderClient } from "@qoder-cloud/client";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { typescriptBlocks } from "../../../docs/scripts/lib/fences.mjs";

const guide = readFileSync(
  fileURLToPath(new URL("../../../docs/guides/01-getting-started.md", import.meta.url)),
  "utf8",
);
const blocks = typescriptBlocks(guide);
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

/** Every guide, in every language: the records their samples name are the mock's example records. */
const guidesDir = fileURLToPath(new URL("../../../docs/guides/", import.meta.url));
const guideTexts = ["", "ja/", "zh/"].flatMap((lang) =>
  readdirSync(`${guidesDir}${lang}`)
    .filter((name) => name.endsWith(".md"))
    .map((name) => [`${lang}${name}`, readFileSync(`${guidesDir}${lang}${name}`, "utf8")] as const),
);
/** IDs a guide names as missing on purpose (its 404 samples), by guide, in every language. */
const MISSING_ON_PURPOSE: Record<string, string[]> = {
  "01-getting-started.md": ["dep_00000000000000000000000000000000"],
  "05-testing-against-the-mock.md": ["dep_019ec5700a1b7c2d8e3f4a5b6c7d8e9f"],
};
/**
 * Where the mock answers each prefix's records. An ID is the prefix and `[0-9a-z]+` (the contract's pattern)
 * with a digit somewhere, which leaves out field names such as `agent_id`.
 */
const RETRIEVE: Record<string, string> = {
  dep: "/deployments/",
  drun: "/deployment_runs/",
  agent: "/agents/",
  env: "/environments/",
};

it("every deployment, run, agent and environment ID the guides name is in a new account of the mock", async () => {
  const named: Array<[id: string, guide: string]> = [];
  for (const [name, text] of guideTexts)
    for (const [id] of text.matchAll(/\b(?:dep|drun|agent|env)_(?=[0-9a-z]*\d)[0-9a-z]+\b/g))
      named.push([id, name]);
  const onPurpose = Object.values(MISSING_ON_PURPOSE).flat();
  expect(new Set(named.map(([id]) => id)).size).toBeGreaterThan(onPurpose.length);
  const headers = { authorization: `Bearer pt-guide-ids-${process.pid}` };
  const status = new Map<string, number>();
  const wrong: string[] = [];
  for (const [id, name] of named) {
    if (!status.has(id)) {
      const url = `${process.env.QODER_BASE_URL}${RETRIEVE[id.split("_")[0] as string]}${id}`;
      status.set(id, (await fetch(url, { headers })).status);
    }
    const missing = MISSING_ON_PURPOSE[name.split("/").at(-1) as string]?.includes(id) ?? false;
    if ((status.get(id) === 200) === missing) wrong.push(`${id} (${name}): ${status.get(id)}`);
  }
  expect(wrong).toEqual([]);
});

it("the pagination guide's page and its next-page curl are what the mock answers for ?limit=2", async () => {
  const guide = guideTexts.find(([name]) => name === "03-pagination.md")?.[1] ?? "";
  const shown = JSON.parse(/^```json\n([\s\S]*?)^```$/m.exec(guide)?.[1] ?? "null");
  const headers = { authorization: `Bearer pt-guide-page-${process.pid}` };
  const page = await (await fetch(`${process.env.QODER_BASE_URL}/deployments?limit=2`, { headers })).json();
  expect(shown).toEqual({
    ...page,
    data: page.data.map(({ id, type }: { id: string; type: string }) => ({ id, type })),
  });
  const next = /deployments\?limit=2&after_id=(\w+)/.exec(guide)?.[1];
  expect(next).toBe(page.last_id);
});
