// Nothing phones home: every script that starts turbo or Redocly (a package.json script, a program file, a
// shell script) turns their telemetry off itself (turbo's strict env mode hands a task only the variables
// turbo.json lets through), and Redocly's update check, which asks the registry for its latest version
// whenever stderr is a terminal, is suppressed.
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

/** The variables a program needs set to keep quiet (none for a program that is neither turbo nor redocly). */
function needsOf(program: string): Record<string, string> {
  if (program === "turbo") return { TURBO_TELEMETRY_DISABLED: "1" };
  if (program === "redocly") return { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
  return {};
}

/** Every script of the root and workspace manifests that runs turbo or redocly without its variables. */
async function scriptsThatMayPhoneHome(): Promise<string[]> {
  const root = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  const manifests = [{ ...root, dir: "." }, ...(await workspaceManifests())];
  const found: string[] = [];
  for (const { dir, scripts = {} } of manifests)
    for (const [name, script] of Object.entries(scripts as Record<string, string>))
      for (const { env, program } of commands(script))
        for (const [variable, value] of Object.entries(needsOf(program)))
          if (env[variable] !== value)
            found.push(`${dir}/package.json "${name}": ${program} without ${variable}=${value}`);
  return found;
}

/** The assignments of a shell script's `export` lines, in order, with their line numbers. */
function exportsOf(script: string): { variable: string; value: string; line: number }[] {
  return script.split("\n").flatMap((text, index) => {
    const list = /^\s*export\s+(.*)$/.exec(text.replace(/(^|\s)#.*$/, ""))?.[1] ?? "";
    return list.split(/\s+/).flatMap((word) => {
      const [, variable = "", value = ""] = /^([A-Z_]+)=(.*)$/.exec(word) ?? [];
      return variable ? [{ variable, value: value.replace(/^(["'])(.*)\1$/, "$2"), line: index + 1 }] : [];
    });
  });
}

/** Shell scripts: the `.sh` files and those with a shell's shebang (`.ci/run`). */
const isShellScript = (file: string, text: string) =>
  /\.(sh|bash)$/.test(file) || /^#!.*\b(ba|da|z)?sh\b/.test(text);

/**
 * Every command of a shell script that runs turbo or redocly without its variables, exported on an
 * earlier line (a later `export` wins) or set on the command itself.
 */
function shellCommandsThatMayPhoneHome(file: string, text: string): string[] {
  const exported: Record<string, string> = {};
  const found: string[] = [];
  text.split("\n").forEach((line, index) => {
    for (const { variable, value } of exportsOf(line)) exported[variable] = value;
    if (/^\s*export\s/.test(line)) return;
    for (const { env, program } of commands(line.replace(/(^|\s)#.*$/, "")))
      for (const [variable, value] of Object.entries(needsOf(program)))
        if ({ ...exported, ...env }[variable] !== value)
          found.push(
            `${file}:${index + 1}: ${program} without ${variable}=${value} (export it before, or set it on the command)`,
          );
  });
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

test("redocly.yaml turns Redocly's telemetry off, and .ci/run exports every variable, never another value", () => {
  expect(readFileSync(path.join(repoRoot, "redocly.yaml"), "utf8")).toMatch(/^telemetry: off$/m);
  const exports = exportsOf(readFileSync(path.join(repoRoot, ".ci/run"), "utf8"));
  const problems = Object.entries(OFF).flatMap(([variable, value]) => [
    ...(exports.some((each) => each.variable === variable)
      ? []
      : [`.ci/run exports no ${variable}: add ${variable}=${value} to its export line`]),
    // A later `export` of another value wins over the first for every command after it.
    ...exports
      .filter((each) => each.variable === variable && each.value !== value)
      .map(
        (each) =>
          `.ci/run:${each.line}: export ${variable}=${each.value}: remove it (${variable}=${value} only)`,
      ),
  ]);
  expect(problems).toEqual([]);
});

/**
 * The programs (turbo, redocly) a program file starts: its binary by path (node_modules/.bin/redocly,
 * @redocly/cli's bin/cli.js), or a command given as a string to an exec/spawn call, with the string
 * arguments that follow in an array (`execSync("npx redocly lint")`, `spawn("npx", ["turbo", "run", "x"])`).
 */
function startedBy(text: string): Set<string> {
  const started = new Set<string>();
  if (/\.bin["'/, ]+redocly|@redocly\/cli\/(bin|package\.json)|"\.bin", "redocly"/.test(text))
    started.add("redocly");
  if (/\.bin["'/, ]+turbo|"\.bin", "turbo"/.test(text)) started.add("turbo");
  const calls =
    /\b\w*(?:exec|spawn|Exec|Spawn)\w*\s*\(\s*(["'`])((?:\\.|(?!\1)[^\\\n])*)\1(?:\s*,\s*\[([^\]]*)\])?/g;
  for (const [, , command = "", args = ""] of text.matchAll(calls)) {
    const words = [...args.matchAll(/(["'`])((?:\\.|(?!\1)[^\\\n])*)\1/g)].map(([, , word]) => word);
    for (const { program } of commands([command, ...words].join(" ")))
      if (Object.keys(needsOf(program)).length > 0) started.add(program);
  }
  return started;
}

/** Tracked program files and shell scripts, but the fixtures and this test (which name the programs). */
const checkedFiles = () =>
  repositoryFiles().filter(
    ({ file }) => !file.includes("/test/fixtures/") && !file.endsWith("telemetry.test.ts"),
  );

test("every program file that starts turbo or the Redocly CLI turns their telemetry and update check off", () => {
  const programFiles = checkedFiles().filter(({ file }) => /\.(mjs|cjs|js|ts|mts|cts)$/.test(file));
  // The docs build and the gate start Redocly themselves: the check sees them.
  const starting = programFiles.filter(({ text }) => startedBy(text).size > 0).map(({ file }) => file);
  expect(starting).toEqual(
    expect.arrayContaining(["docs/scripts/build.mjs", "packages/governance/src/redocly.mjs"]),
  );
  const missing = programFiles.flatMap(({ file, text }) =>
    [...startedBy(text)].flatMap((program) =>
      Object.entries(needsOf(program))
        .filter(([variable, value]) => !new RegExp(`${variable}\\W+${value}\\b`).test(text))
        .map(
          ([variable, value]) => `${file}: starts ${program} without ${variable}=${value} in its environment`,
        ),
    ),
  );
  expect(missing).toEqual([]);
});

test("every shell script that starts turbo or the Redocly CLI exports or sets their variables first", () => {
  const missing = checkedFiles()
    .filter(({ file, text }) => isShellScript(file, text))
    .flatMap(({ file, text }) => shellCommandsThatMayPhoneHome(file, text));
  expect(missing).toEqual([]);
});

test("the file checks find turbo and redocly started from a program or a script, and a later export", () => {
  expect([...startedBy('execSync("npx redocly lint", { stdio: "inherit" });')]).toEqual(["redocly"]);
  expect([...startedBy('spawn("npx", ["turbo", "run", "build"]);')]).toEqual(["turbo"]);
  expect([...startedBy('const r = join("node_modules", ".bin", "redocly");')]).toEqual(["redocly"]);
  expect([
    ...startedBy('execFileSync("git", ["ls-files"]); // `turbo run build` then "redocly lint"'),
  ]).toEqual([]);
  expect(shellCommandsThatMayPhoneHome("build-all.sh", "#!/usr/bin/env bash\nnpx turbo run build\n")).toEqual(
    ["build-all.sh:2: turbo without TURBO_TELEMETRY_DISABLED=1 (export it before, or set it on the command)"],
  );
  const script =
    "export TURBO_TELEMETRY_DISABLED=1\nturbo run a\nexport TURBO_TELEMETRY_DISABLED=0\nturbo run b\n";
  expect(shellCommandsThatMayPhoneHome("x.sh", script)).toEqual([
    "x.sh:4: turbo without TURBO_TELEMETRY_DISABLED=1 (export it before, or set it on the command)",
  ]);
  expect(exportsOf("export A=1 B='off' # C=2\nexport A=0\n")).toEqual([
    { variable: "A", value: "1", line: 1 },
    { variable: "B", value: "off", line: 1 },
    { variable: "A", value: "0", line: 2 },
  ]);
});
