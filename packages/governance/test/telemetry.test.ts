// Nothing phones home: every script that starts turbo or Redocly turns their telemetry off itself (turbo's
// strict env mode hands a task only the variables turbo.json lets through), and Redocly's update check,
// which asks the registry for its latest version whenever stderr is a terminal, is suppressed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { repoRoot, repositoryFiles, workspaceManifests } from "./support/workspace.js";

const OFF = {
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  SCARF_ANALYTICS: "false",
};

/**
 * The commands of a script (split at && ; || | and parentheses), each with the variables it sets before
 * the program, and the program as it runs: through npx, pnpm, npm, exec or env (their options too), by a
 * path to its binary, by its package name (`@redocly/cli`) or with a version (`turbo@2`).
 */
function commands(script: string): { env: Record<string, string>; program: string }[] {
  return script.split(/&&|\|\||[;|()]/).map((command) => {
    const env: Record<string, string> = {};
    const words = command.trim().split(/\s+/).filter(Boolean);
    let at = 0;
    for (; at < words.length; at++) {
      const word = words[at] as string;
      const assignment = /^([A-Z_]+)=(.*)$/.exec(word);
      if (assignment) env[assignment[1] as string] = assignment[2] as string;
      else if (/^(--filter|-F|--package|-p|--dir|-C)$/.test(word))
        at++; // an option and its value
      else if (!/^(exec|npx|pnpx|npm|pnpm|dlx|env|-.*)$/.test(word)) break;
    }
    const word = words[at] ?? "";
    const program = /^@redocly\/cli(@|$)/.test(word)
      ? "redocly"
      : word.replace(/^.*\//, "").replace(/@.*$/, "");
    return { env, program };
  });
}

/** Every script of the root and workspace manifests that runs turbo or redocly without its variables. */
async function scriptsThatMayPhoneHome(): Promise<string[]> {
  const root = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  const manifests = [{ ...root, dir: "." }, ...(await workspaceManifests())];
  const found: string[] = [];
  for (const { dir, scripts = {} } of manifests)
    for (const [name, script] of Object.entries(scripts as Record<string, string>))
      for (const { env, program } of commands(script)) {
        const needs =
          program === "turbo"
            ? { TURBO_TELEMETRY_DISABLED: "1" }
            : program === "redocly"
              ? { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" }
              : {};
        for (const [variable, value] of Object.entries(needs))
          if (env[variable] !== value)
            found.push(`${dir}/package.json "${name}": ${program} without ${variable}=${value}`);
      }
  return found;
}

test("every script that runs turbo or redocly turns its telemetry and update check off", async () => {
  expect(await scriptsThatMayPhoneHome()).toEqual([]);
});

test("the script check finds a redocly or turbo command without its variables", () => {
  expect(commands("REDOCLY_TELEMETRY=off redocly lint && turbo run build")).toEqual([
    { env: { REDOCLY_TELEMETRY: "off" }, program: "redocly" },
    { env: {}, program: "turbo" },
  ]);
  expect(commands("exec node x.mjs")[0]?.program).toBe("node");
  for (const script of [
    "npx redocly lint",
    "npx -y redocly lint",
    "pnpm exec redocly lint",
    "./node_modules/.bin/redocly lint",
    "(redocly lint)",
    "pnpm turbo run x",
    "echo x | turbo run x",
    "npx @redocly/cli lint",
    "pnpm dlx @redocly/cli lint",
    "npx --package @redocly/cli redocly lint",
    "npx turbo@2 run x",
    "pnpm --filter x exec redocly lint",
    "pnpm -w turbo run x",
    "npm exec redocly lint",
    "env A=1 redocly lint",
  ])
    expect(
      commands(script).some(({ program }) => program === "redocly" || program === "turbo"),
      script,
    ).toBe(true);
});

test("turbo hands the telemetry variables to every task (strict env mode drops the others)", () => {
  const turbo = JSON.parse(readFileSync(path.join(repoRoot, "turbo.json"), "utf8"));
  expect(turbo.globalPassThroughEnv).toEqual(expect.arrayContaining(Object.keys(OFF)));
});

test("redocly.yaml turns Redocly's telemetry off, and .ci/run exports every variable", () => {
  expect(readFileSync(path.join(repoRoot, "redocly.yaml"), "utf8")).toMatch(/^telemetry: off$/m);
  const run = readFileSync(path.join(repoRoot, ".ci/run"), "utf8");
  const exported = /^export (.*)$/m.exec(run)?.[1] ?? "";
  for (const [variable, value] of Object.entries(OFF))
    expect(exported.split(/\s+/)).toContain(`${variable}=${value}`);
});

test("every program file that starts the Redocly CLI turns its telemetry and update check off", () => {
  // Starting it: its binary by path (node_modules/.bin/redocly, @redocly/cli's bin/cli.js).
  const starts = /\.bin["'/, ]+redocly|@redocly\/cli\/(bin|package\.json)|"\.bin", "redocly"/;
  const missing = repositoryFiles()
    .filter(
      ({ file, text }) =>
        /\.(mjs|cjs|js|ts|sh)$/.test(file) &&
        !file.includes("/test/fixtures/") &&
        !file.endsWith("telemetry.test.ts") &&
        starts.test(text) &&
        (!/REDOCLY_TELEMETRY\W+off/.test(text) || !/REDOCLY_SUPPRESS_UPDATE_NOTICE\W+true/.test(text)),
    )
    .map(({ file }) => file);
  expect(missing).toEqual([]);
});
