// Runs the Redocly CLI (the same binary `pnpm lint` uses) with JSON output and returns its problems.
// @redocly/cli bundles its own openapi-core and exposes no programmatic API, so spawning it is the
// faithful way to test exactly what developers and CI run.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const redoclyConfig = fileURLToPath(new URL("../../../redocly.yaml", import.meta.url));
const cliPath = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

export interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { source: { ref: string }; pointer?: string }[];
}

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: LintProblem[];
}

/** Lints each target (file paths or API aliases from redocly.yaml) and returns one report per target, in order. */
export async function redoclyLint(targets: string[]): Promise<LintReport[]> {
  const args = [
    cliPath,
    "lint",
    ...targets,
    "--config",
    redoclyConfig,
    "--format",
    "json",
    "--lint-config",
    "error",
    "--max-problems",
    "1000",
  ];
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: repoRoot,
        env: {
          ...process.env,
          // No telemetry, no version check against the registry: the suite must not touch the network.
          REDOCLY_TELEMETRY: "off",
          REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
          NO_COLOR: "1",
        },
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.stderr.on("data", (chunk) => (err += chunk));
      child.on("error", reject);
      child.on("close", (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
    },
  );
  // The CLI prints one JSON report per target, back to back: split them at the "}{" seams.
  const trimmed = stdout.trim();
  if (!trimmed.startsWith("{"))
    throw new Error(`redocly lint printed no JSON report (exit ${code}):\n${stderr}`);
  const reports = JSON.parse(`[${trimmed.replace(/\}\s*\{\s*"totals"/g, '},{"totals"')}]`) as LintReport[];
  if (reports.length !== targets.length)
    throw new Error(`Expected ${targets.length} reports, got ${reports.length}:\n${stderr}`);
  return reports;
}

export function formatProblems(problems: LintProblem[]): string {
  return problems
    .map(
      (p) =>
        `${p.severity} ${p.ruleId} at ${p.location[0]?.source.ref}${p.location[0]?.pointer ?? ""}: ${p.message}`,
    )
    .join("\n");
}

/** The lint-ignore file Redocly reads beside redocly.yaml (`redocly lint --generate-ignore-file` writes it). */
export const lintIgnoreFile = ".redocly.lint-ignore.yaml";

/**
 * The problems the lint-ignore file hides ("<file> <rule> at <pointer>"), which `redocly lint` then only
 * counts as ignored (its JSON report lists none of them); empty when there is no such file.
 */
export function ignoredByFile(): string[] {
  const path = `${repoRoot}${lintIgnoreFile}`;
  if (!existsSync(path)) return [];
  const entries = (parseYaml(readFileSync(path, "utf8")) ?? {}) as Record<string, Record<string, string[]>>;
  return Object.entries(entries).flatMap(([file, rules]) =>
    Object.entries(rules ?? {}).flatMap(([rule, pointers]) =>
      (pointers ?? []).map((pointer) => `${file} ${rule} at ${pointer}`),
    ),
  );
}
