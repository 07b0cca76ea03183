#!/usr/bin/env node
// @ts-check
// CLI of the breaking-change gate; see src/gate.mjs and CONTRIBUTING.md.
import { EXIT_ERROR, runGate } from "../src/gate.mjs";

try {
  process.exitCode = await runGate(process.argv.slice(2), {
    cwd: process.cwd(),
    log: (line) => console.log(line),
  });
} catch (error) {
  console.error(`spec:breaking: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = EXIT_ERROR;
}
