// The README's quickstart is what CI runs: its two commands (`# main job`, `# every test`) install with the
// lockfile as committed (--frozen-lockfile) and the pnpm that package.json "packageManager" pins, and
// .ci/run runs the test command verbatim, as its own comment says. Each check is also shown to catch a
// drifted copy.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkPnpmPins } from "../src/workflow-checks.mjs";
import { repoRoot } from "./support/workspace.js";

const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");
const packageManager = JSON.parse(read("package.json")).packageManager as string;

/** The quickstart's commands by their label: the lines of the ```sh block under "## Quickstart". */
function quickstart(readme: string): Record<string, string> {
  const section = /^## Quickstart\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? "";
  const block = /^```sh\n([\s\S]*?)^```$/m.exec(section)?.[1] ?? "";
  return Object.fromEntries(
    block
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => {
        const [, command = line, label = ""] = /^(.*?)\s+#\s*(.+)$/.exec(line) ?? [];
        return [label.trim(), command.trim()];
      }),
  );
}

/**
 * Problems of the README's quickstart and of .ci/run, each naming its file and the fix (empty = fine).
 * .ci/run runs the test command as a line of its own, followed by nothing that changes what it runs (a
 * redirection, a pipe, `||`, `&&` or `;` may follow; another argument may not).
 */
function quickstartProblems(files: { readme: string; ciRun: string; packageManager: string }): string[] {
  const problems: string[] = [];
  const commands = quickstart(files.readme);
  const labels = Object.keys(commands).sort();
  if (labels.join() !== "every test,main job")
    problems.push(
      `README.md: the quickstart's \`\`\`sh block under "## Quickstart" must hold exactly two commands, marked \`# main job\` and \`# every test\` (found: ${labels.map((label) => `"${label}"`).join(", ") || "none"})`,
    );
  const testCommand = commands["every test"];
  const escaped = testCommand?.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (testCommand && !new RegExp(`^\\s*${escaped}\\s*(?:$|\\d*>|[|;]|&&)`, "m").test(files.ciRun))
    problems.push(
      `.ci/run: does not run the README's test command verbatim (\`${testCommand}\`): copy the README's \`# every test\` line into .ci/run, or change both`,
    );
  const texts = [
    { file: "README.md", text: Object.values(commands).join("\n"), data: {} },
    { file: ".ci/run", text: files.ciRun, data: {} },
  ];
  // The rule the workflows are held to (workflow-checks.mjs): every pnpm@x.y.z is packageManager's.
  const pins = texts.flatMap((each) => checkPnpmPins(each, files.packageManager));
  for (const pin of new Set(pins)) // one line per file and version, however often it is written
    problems.push(
      `${pin}: run the pnpm of package.json "packageManager" (or change it there and everywhere)`,
    );
  for (const { file, text } of texts)
    for (const install of text.match(/\bpnpm(?:@\S+)?\s+(?:install|i)\b[^&|;\n]*/g) ?? [])
      if (!/\s--frozen-lockfile\b/.test(install))
        problems.push(
          `${file}: \`${install.trim()}\` — add --frozen-lockfile (installing must not rewrite pnpm-lock.yaml)`,
        );
  return problems;
}

const real = { readme: read("README.md"), ciRun: read(".ci/run"), packageManager };

test("the README's quickstart and .ci/run agree with each other and with package.json", () => {
  expect(quickstartProblems(real)).toEqual([]);
});

describe("the quickstart check catches", () => {
  // A quickstart and a .ci/run as this repository writes them, drifted one way at a time.
  const install = "npx -y pnpm@1.2.3 install --frozen-lockfile";
  const testLine = `${install} && npx -y pnpm@1.2.3 test`;
  const good = {
    readme: `# Toolkit\n\n## Quickstart\n\n\`\`\`sh\n${install} && npx -y pnpm@1.2.3 start   # main job\n${testLine}    # every test\n\`\`\`\n\n## Next\n`,
    ciRun: `#!/usr/bin/env bash\n# The README's test command, verbatim:\n${testLine} 2>&1 | tee "$log" || status=$?\n`,
    packageManager: "pnpm@1.2.3",
  };

  test("nothing in agreeing files", () => {
    expect(quickstartProblems(good)).toEqual([]);
  });

  test("a README quickstart with another pnpm and no --frozen-lockfile", () => {
    const readme = good.readme.replace(testLine, "npx -y pnpm@1.2.5 install && npx -y pnpm@1.2.5 test");
    expect(quickstartProblems({ ...good, readme })).toEqual([
      ".ci/run: does not run the README's test command verbatim (`npx -y pnpm@1.2.5 install && npx -y pnpm@1.2.5 test`): copy the README's `# every test` line into .ci/run, or change both",
      'README.md: pnpm@1.2.5 — package.json pins pnpm@1.2.3: run the pnpm of package.json "packageManager" (or change it there and everywhere)',
      "README.md: `pnpm@1.2.5 install` — add --frozen-lockfile (installing must not rewrite pnpm-lock.yaml)",
    ]);
  });

  test(".ci/run running the test command with anything added, or not at all", () => {
    for (const ciRun of [
      good.ciRun.replace(`${testLine} 2>&1`, `${testLine} --filter=@qoder-cloud/types 2>&1`),
      good.ciRun.replace(testLine, `${install} && npx -y pnpm@1.2.3 lint`),
      good.ciRun.replace(testLine, `# ${testLine}`),
    ])
      expect(quickstartProblems({ ...good, ciRun }), ciRun).toEqual([
        expect.stringContaining(".ci/run: does not run the README's test command verbatim"),
      ]);
  });

  test("a packageManager the README and .ci/run do not use", () => {
    expect(quickstartProblems({ ...good, packageManager: "pnpm@1.2.5" })).toEqual(
      expect.arrayContaining([
        expect.stringContaining("README.md: pnpm@1.2.3 — package.json pins pnpm@1.2.5"),
        expect.stringContaining(".ci/run: pnpm@1.2.3 — package.json pins pnpm@1.2.5"),
      ]),
    );
  });

  test("an install without --frozen-lockfile in .ci/run, and a quickstart without its labels", () => {
    const ciRun = `${good.ciRun}npx -y pnpm@1.2.3 install\n`;
    expect(quickstartProblems({ ...good, ciRun })).toEqual([
      ".ci/run: `pnpm@1.2.3 install` — add --frozen-lockfile (installing must not rewrite pnpm-lock.yaml)",
    ]);
    const readme = good.readme.replace("# every test", "# tests");
    expect(quickstartProblems({ ...good, readme })).toEqual([
      'README.md: the quickstart\'s ```sh block under "## Quickstart" must hold exactly two commands, marked `# main job` and `# every test` (found: "main job", "tests")',
    ]);
  });
});
