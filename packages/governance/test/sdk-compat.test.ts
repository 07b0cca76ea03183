// The SDK-level gate: usage examples of earlier client releases must type-check against the current client.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);
const tscBin = require.resolve("typescript/bin/tsc");
const compatDir = path.resolve(import.meta.dirname, "../sdk-compat");
// The client package as this workspace resolves it (built dist, typed by its declarations).
const clientDir = path.dirname(require.resolve("@qoder-cloud/client/package.json"));

async function tsc(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await execFileAsync(process.execPath, [tscBin, "-p", project, "--pretty", "false"]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "governance-sdk-compat-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

// Mutants stand for a client that lost a name released users call: the gate must fail on each of them.
const mutants: { file: string; removed: string; from: string; to: string; diagnostic: RegExp }[] = [
  {
    file: "v0.1.0.ts",
    removed: "resource method deployments.archive",
    from: "qoder.deployments.archive(",
    to: "qoder.deployments.archiveDeployment(",
    diagnostic: /TS2339|TS2551/,
  },
  {
    file: "v0.1.0.ts",
    removed: "export NotFoundError",
    from: "  NotFoundError,\n",
    to: "  NotFoundErr as NotFoundError,\n",
    diagnostic: /TS2305|TS2724/,
  },
  {
    file: "v0.1.0.ts",
    removed: "response field Deployment.name",
    from: "deployment.name,",
    to: "deployment.display_name,",
    diagnostic: /TS2339|TS2551/,
  },
  {
    file: "v0.2.0.ts",
    removed: "resource method agents.versions.list",
    from: "qoder.agents.versions.list(agent.id, { limit: 10 })",
    to: "qoder.agents.listVersions(agent.id, { limit: 10 })",
    diagnostic: /TS2339|TS2551/,
  },
  {
    file: "v0.2.0.ts",
    removed: "resource method environments.delete",
    from: "qoder.environments.delete(",
    to: "qoder.environments.remove(",
    diagnostic: /TS2339|TS2551/,
  },
  {
    file: "v0.2.0.ts",
    removed: "response field Agent.version",
    from: "const version: number = agent.version;",
    to: "const version: number = agent.revision;",
    diagnostic: /TS2339|TS2551/,
  },
];

/**
 * Type-checks the unmutated example (control) and every mutant in one tsc run, in a scratch folder whose
 * node_modules links the current client, with the compiler options of sdk-compat/tsconfig.json.
 * Diagnostics are per file, so each file's verdict is its own.
 */
async function typecheckMutants(originals: Record<string, string>) {
  await mkdir(path.join(scratch, "node_modules", "@qoder-cloud"), { recursive: true });
  await symlink(clientDir, path.join(scratch, "node_modules", "@qoder-cloud", "client"), "dir");
  await writeFile(path.join(scratch, "package.json"), JSON.stringify({ type: "module" }));
  for (const [file, original] of Object.entries(originals))
    await writeFile(path.join(scratch, `control-${file}`), original);
  for (const [i, mutant] of mutants.entries()) {
    const original = originals[mutant.file] ?? "";
    expect(original).toContain(mutant.from);
    await writeFile(path.join(scratch, `mutant-${i}.ts`), original.replace(mutant.from, mutant.to));
  }
  const tsconfig = { extends: path.join(compatDir, "tsconfig.json"), include: ["*.ts"] };
  await writeFile(path.join(scratch, "tsconfig.json"), JSON.stringify(tsconfig));
  const { output } = await tsc(path.join(scratch, "tsconfig.json"));
  /** Diagnostics of one file (tsc prints `file.ts(line,col): error TSxxxx: …`). */
  return (file: string) => output.split("\n").filter((line) => line.includes(`${file}(`));
}

describe.concurrent("sdk-compat", () => {
  test("every released client's usage examples type-check against the current client", async () => {
    const examples = (await readdir(compatDir)).filter((f) => /^v\d+\.\d+\.\d+\.ts$/.test(f));
    expect(examples).toEqual(expect.arrayContaining(["v0.1.0.ts", "v0.2.0.ts"]));
    const { code, output } = await tsc(path.join(compatDir, "tsconfig.json"));
    expect(output).toBe("");
    expect(code).toBe(0);
  });

  test("bites: each example using a name the client lost fails to compile; the control compiles", async () => {
    const files = [...new Set(mutants.map((m) => m.file))];
    const originals = Object.fromEntries(
      await Promise.all(
        files.map(async (f) => [f, await readFile(path.join(compatDir, f), "utf8")] as const),
      ),
    );
    const diagnosticsOf = await typecheckMutants(originals);
    for (const file of files) expect(diagnosticsOf(`control-${file}`)).toEqual([]);
    for (const [i, mutant] of mutants.entries()) {
      const diagnostics = diagnosticsOf(`mutant-${i}.ts`);
      expect(diagnostics.join("\n"), `removed ${mutant.removed}`).toMatch(mutant.diagnostic);
    }
  });
});
