#!/usr/bin/env node
// The README's main command (`pnpm start` runs it after `turbo run build`): the mock API and the docs
// site side by side on 127.0.0.1, until Ctrl-C.
//   MOCK_PORT (default 4010) and DOCS_PORT (default 8080); 0 picks any free port.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { parsePort, startDocsServer } from "../docs/scripts/serve.mjs";

// The root package has no runtime dependencies: resolve the mock through the docs package, which has it.
const requireFromDocs = createRequire(new URL("../docs/package.json", import.meta.url));

async function loadStartMock() {
  try {
    const entry = requireFromDocs.resolve("@qoder-cloud/mock");
    return (await import(pathToFileURL(entry).href)).startMock;
  } catch (error) {
    throw new Error(`Cannot load @qoder-cloud/mock (${error.message}). Build it first: pnpm build`);
  }
}

function banner(mockUrl, docsUrl) {
  return [
    "",
    "Qoder Cloud Agents API — local toolkit",
    `  Mock API  ${mockUrl}   (stateful simulator: each bearer token is an account with the contract's example data)`,
    `  Docs      ${docsUrl}   (日本語 ${docsUrl}ja/ · 中文 ${docsUrl}zh/)`,
    "",
    "Try a request against the mock:",
    "  export QODER_PAT=pt-test",
    `  curl "${mockUrl}/deployments?limit=2" -H "Authorization: Bearer $QODER_PAT"`,
    `  curl -i "${mockUrl}/deployments/dep_019ec5700a1b7c2d8e3f4a5b6c7d8e9f" -H "Authorization: Bearer $QODER_PAT" -H "Prefer: code=404"`,
    "",
    "Ctrl-C stops both.",
    "",
  ].join("\n");
}

async function main() {
  // Whoever reads the output may stop (`pnpm start | head`): the servers keep serving. A write to a closed
  // pipe fails with EPIPE as an 'error' event after the write, which would otherwise end the process.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
  const docsPort = parsePort(process.env.DOCS_PORT);

  // Signal handlers first, so a Ctrl-C during start-up still stops whatever has started.
  let mock;
  let docs;
  let mockStarting;
  let stopping = false;
  const starting = new AbortController();
  const stop = async (reason, exitCode) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}: stopping the mock and the docs server…`);
    starting.abort(); // a start under way ends at once
    const startedMock = mock ?? (await mockStarting?.catch(() => undefined));
    await Promise.allSettled([startedMock?.stop(), docs?.close()]);
    console.log("Stopped.");
    process.exit(exitCode);
  };
  // `on`, not `once`: a terminal's Ctrl-C reaches us twice (from the terminal, and forwarded by pnpm),
  // and a second signal with no listener left would kill the shutdown half-way. SIGHUP: the terminal closed.
  process.on("SIGINT", () => stop("Ctrl-C", 0));
  process.on("SIGTERM", () => stop("SIGTERM", 0));
  process.on("SIGHUP", () => stop("SIGHUP", 0));

  const startMock = await loadStartMock();
  if (stopping) return;
  mockStarting = startMock({ onLog: (line) => console.log(`[mock] ${line}`), signal: starting.signal });
  try {
    mock = await mockStarting;
  } catch (error) {
    // A terminal's Ctrl-C reaches Prism too (one process group): its death can be seen before our own
    // SIGINT handler has run. A moment lets the handler say it was a stop, not a failure.
    if (!stopping) await new Promise((resolve) => setTimeout(resolve, 200));
    if (stopping) return; // the start was aborted by a stop under way: not a failure
    throw error;
  }
  if (stopping) return;
  // A mock that dies on its own takes the whole command down with it, loudly.
  mock.exited.then((how) => stop(`The mock exited (${how})`, 1));
  try {
    docs = await startDocsServer({ port: docsPort });
  } catch (error) {
    if (stopping) return;
    // Stopped here, so that the docs server's reason is the one reported, not the mock's exit.
    stopping = true;
    await mock.stop();
    throw error;
  }
  if (stopping) return;
  console.log(banner(mock.url, docs.url));
}

main().catch((error) => {
  console.error(`pnpm start failed: ${error.message}`);
  process.exit(1);
});
