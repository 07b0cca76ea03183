// @ts-check
// Runs the workspace's Redocly CLI as a child process: its bundler and `diff` are not exported as a library.
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const redoclyBin = path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");

/**
 * Config used for every Redocly call of the gate. `diff-recommended` switches the diff rules on; the
 * project's own redocly.yaml is not used because its lint plugins are irrelevant to bundling and may not
 * exist at an old git ref.
 */
const GATE_CONFIG = `# written by @qoder-cloud/governance for one run of the breaking-change gate
telemetry: off
extends:
  - diff-recommended
`;

/** Environment for Redocly: no telemetry, no update check (no network). */
const redoclyEnv = () => ({
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  REDOCLY_SUPPRESS_NOTIFICATIONS: "true",
  NO_COLOR: "1",
});

/**
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export function runRedocly(args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [redoclyBin, ...args], { cwd, env: redoclyEnv() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * Writes the gate's Redocly config into `dir` and returns its path.
 * @param {string} dir
 */
export async function writeGateConfig(dir) {
  const configPath = path.join(dir, "redocly.gate.yaml");
  await writeFile(configPath, GATE_CONFIG);
  return configPath;
}

/** Redocly's stderr without the Node 20 deprecation banner (box-drawing lines), for error messages. */
export function redoclyErrorText(/** @type {string} */ stderr) {
  return stderr
    .split("\n")
    .filter((line) => !/[║╔╚═]/.test(line) && line.trim() !== "")
    .join("\n");
}

/**
 * Bundles the split spec at `rootFile` into one JSON file.
 * @param {{ rootFile: string, outputFile: string, configPath: string }} options
 */
export async function bundleSpec({ rootFile, outputFile, configPath }) {
  const result = await runRedocly(
    ["bundle", rootFile, "--config", configPath, "--output", outputFile, "--lint-config", "off"],
    path.dirname(configPath),
  );
  if (result.code !== 0) {
    throw new Error(`redocly bundle failed for ${rootFile}:\n${redoclyErrorText(result.stderr)}`);
  }
}
