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

// Mutants stand for a client that lost a name 0.1.0 users call: the gate must fail on each of them.
const mutants = [
  {
    removed: "resource method deployments.archive",
    from: "qoder.deployments.archive(",
    to: "qoder.deployments.archiveDeployment(",
    diagnostic: /TS2339|TS2551/,
  },
  {
    removed: "export NotFoundError",
    from: "  NotFoundError,\n",
    to: "  NotFoundErr as NotFoundError,\n",
    diagnostic: /TS2305|TS2724/,
  },
  {
    removed: "response field Deployment.name",
    from: "deployment.name,",
    to: "deployment.display_name,",
    diagnostic: /TS2339|TS2551/,
  },
];

/**
 * Type-checks the unmutated example (control) and every mutant in one tsc run, in a scratch folder whose
 * node_modules links the current client, with the compiler options of sdk-compat/tsconfig.json.
 * Diagnostics are per file, so each file's verdict is its own.
 */
async function typecheckMutants(original: string) {
  await mkdir(path.join(scratch, "node_modules", "@qoder-cloud"), { recursive: true });
  await symlink(clientDir, path.join(scratch, "node_modules", "@qoder-cloud", "client"), "dir");
  await writeFile(path.join(scratch, "package.json"), JSON.stringify({ type: "module" }));
  await writeFile(path.join(scratch, "control.ts"), original);
  for (const [i, mutant] of mutants.entries()) {
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
    expect(examples).toContain("v0.1.0.ts");
    const { code, output } = await tsc(path.join(compatDir, "tsconfig.json"));
    expect(output).toBe("");
    expect(code).toBe(0);
  });

  test("bites: each example using a name the client lost fails to compile; the control compiles", async () => {
    const diagnosticsOf = await typecheckMutants(await readFile(path.join(compatDir, "v0.1.0.ts"), "utf8"));
    expect(diagnosticsOf("control.ts")).toEqual([]);
    for (const [i, mutant] of mutants.entries()) {
      const diagnostics = diagnosticsOf(`mutant-${i}.ts`);
      expect(diagnostics.join("\n"), `removed ${mutant.removed}`).toMatch(mutant.diagnostic);
    }
  });
});
