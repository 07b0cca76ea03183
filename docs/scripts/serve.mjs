#!/usr/bin/env node
// Serves the built docs site (docs/dist) on 127.0.0.1 only.
//   node scripts/serve.mjs            → http://127.0.0.1:8080 (or $DOCS_PORT)
//   import { startDocsServer } ...    → { url, close() }, port 0 picks a free port (tests, scripts/start.mjs)
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const defaultRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "dist");
export const DEFAULT_DOCS_PORT = 8080;

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Parses DOCS_PORT-style values; a clear error instead of listening somewhere unexpected. */
export function parsePort(value, name = "DOCS_PORT") {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be an integer from 0 to 65535 (0 = any free port), got "${value}"`);
  }
  return port;
}

async function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const candidate = resolve(root, `.${decoded}`);
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined; // no path traversal
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isDirectory()) return fileFor(root, `${decoded.replace(/\/$/, "")}/index.html`);
  return info?.isFile() ? candidate : undefined;
}

/**
 * Starts the static server. Resolves once it listens.
 * @param {{ port?: number, root?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startDocsServer({ port = DEFAULT_DOCS_PORT, root = defaultRoot } = {}) {
  const siteRoot = resolve(root);
  if (!existsSync(join(siteRoot, "index.html"))) {
    throw new Error(`No docs site in ${siteRoot}. Build it first: pnpm docs:build`);
  }
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const { pathname } = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = await fileFor(siteRoot, pathname);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise((resolveListen, rejectListen) => {
    server.once("error", (error) =>
      rejectListen(
        error.code === "EADDRINUSE"
          ? new Error(
              `Port ${port} is in use on 127.0.0.1; set DOCS_PORT to another port (0 = any free port)`,
            )
          : error,
      ),
    );
    server.listen(port, "127.0.0.1", resolveListen);
  });
  const actualPort = server.address().port;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

// Run as a script: serve until Ctrl-C.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const docs = await startDocsServer({ port: parsePort(process.env.DOCS_PORT ?? DEFAULT_DOCS_PORT) });
    console.log(`Docs: ${docs.url}  (Ctrl-C to stop)`);
    const stop = async () => {
      await docs.close();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
