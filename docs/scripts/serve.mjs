#!/usr/bin/env node
// Serves the built docs site (docs/dist) on 127.0.0.1 only, with sirv (a maintained static-file server):
// ETag + Last-Modified, 304s, files streamed from disk (never read whole per request).
//   node scripts/serve.mjs            → http://127.0.0.1:8080 (or $DOCS_PORT)
//   import { startDocsServer } ...    → { url, close() }, port 0 picks a free port (tests, scripts/start.mjs)
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";

export const defaultRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "dist");
export const DEFAULT_DOCS_PORT = 8080;

/**
 * Parses a DOCS_PORT-style value: unset or blank is the default; otherwise decimal digits only (not
 * "0x1f90" or "1e3", which Number() would take), from 0 to 65535. A clear error instead of listening
 * somewhere unexpected.
 */
export function parsePort(value, name = "DOCS_PORT", fallback = DEFAULT_DOCS_PORT) {
  if (value === undefined || String(value).trim() === "") return fallback;
  const text = String(value).trim();
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port <= 65535)) {
    throw new Error(`${name} must be an integer from 0 to 65535 (0 = any free port), got "${value}"`);
  }
  return port;
}

/**
 * Walks the site once (sirv also indexes it once, at start): the URL paths of regular files, the URL
 * paths sirv must never serve (symlinks, and anything under a symlinked folder, even inside the root),
 * and the HTML pages (their inline scripts get CSP hashes).
 */
function indexSite(root) {
  const files = new Set();
  const refused = new Set();
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      const urlPath = `/${relative(root, abs).split(sep).join("/")}`;
      if (entry.isSymbolicLink() || !(entry.isFile() || entry.isDirectory())) refused.add(urlPath);
      else if (entry.isDirectory()) walk(abs);
      else {
        files.add(urlPath);
        if (entry.name.endsWith(".html")) pages.push({ abs, urlPath });
      }
    }
  };
  walk(root);
  return { files, refused, pages };
}

/** The CSP hashes of the inline <script>s of one page (Redoc inlines its bundle and state). */
function inlineScriptHashes(file) {
  const hashes = new Set();
  for (const [, code] of readFileSync(file, "utf8").matchAll(
    /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi,
  )) {
    hashes.add(`'sha256-${createHash("sha256").update(code).digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * The security headers of each page (its CSP allows exactly its own inline scripts: /ja/ may not run
 * /zh/'s), keyed by URL path, and the headers of every other answer (files, redirects, errors).
 */
function pageHeaders(pages) {
  const byPath = new Map();
  const all = new Set();
  for (const { abs, urlPath } of pages) {
    const hashes = inlineScriptHashes(abs);
    for (const hash of hashes) all.add(hash);
    byPath.set(urlPath, securityHeaders(contentSecurityPolicy(hashes)));
  }
  return { byPath, other: securityHeaders(contentSecurityPolicy([...all])) };
}

/** The page a request path is answered with, as sirv resolves it (`/ja/`, `/ja`, `/x.html`, `/x`). */
function pageFor(byPath, decodedPath) {
  const bare = decodedPath.replace(/\/+$/, "");
  for (const candidate of [decodedPath, `${bare}.html`, `${bare}/index.html`]) {
    const headers = byPath.get(candidate);
    if (headers) return headers;
  }
  return undefined;
}

/**
 * What the inlined Redoc page needs, and nothing more: its own inline scripts (by hash), the styles
 * styled-components injects at runtime, data: images (the inlined badge), the search worker (blob:),
 * and the decorated spec it offers for download. No framing by other sites.
 */
export function contentSecurityPolicy(scriptHashes) {
  return [
    "default-src 'none'",
    `script-src 'self' ${scriptHashes.join(" ")}`,
    "worker-src blob:",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function securityHeaders(csp) {
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
  };
}

/** The raw path of a request target, without query; never throws (e.g. on `//a:99999/x`). */
function requestPath(rawUrl) {
  const target = rawUrl ?? "/";
  const path = target.split("?")[0].split("#")[0];
  return path.startsWith("/") ? path : undefined; // absolute-form and `*` targets are not ours
}

function isRefused(refused, decodedPath) {
  const path = decodedPath.replace(/\/+$/, "") || "/";
  for (const link of refused) {
    if (path === link || path.startsWith(`${link}/`) || `${path}.html` === link) return true;
    if (`${path}/index.html` === link) return true;
  }
  return false;
}

/**
 * Deep links: Redoc's menu hrefs are paths (`/getting-started`, `/ja/deployments/listdeployments`) but
 * the page routes by hash. Such a path is redirected to its site root with the section as the fragment
 * (`/#/getting-started`), so a shared or new-tab link opens the page at that section.
 */
function deepLinkTarget(files, decodedPath) {
  if (!/^\/[a-z0-9][a-z0-9/_-]*$/i.test(decodedPath) || decodedPath.includes("//")) return undefined;
  const segments = decodedPath.slice(1).replace(/\/$/, "").split("/");
  // The longest prefix that is a site (has an index.html) is the site; the rest is the section.
  for (let cut = segments.length - 1; cut >= 0; cut--) {
    const base = cut === 0 ? "/" : `/${segments.slice(0, cut).join("/")}/`;
    if (files.has(`${base}index.html`)) {
      const section = segments.slice(cut).join("/");
      return section ? `${base}#/${section}` : undefined;
    }
  }
  return undefined;
}

/**
 * One URL per page and file, so that relative links (the language switcher's `../`) resolve as built:
 * `/ja` → `/ja/`, `/ja/index` and `/ja/index/` → `/ja/`, `/ja/index.html/` → `/ja/index.html`, and a
 * file with a trailing slash → the file. Undefined when the path is already canonical or names nothing.
 */
function canonicalPath(files, decodedPath) {
  const bare = decodedPath.replace(/\/+$/, "");
  if (decodedPath.endsWith("/") && bare !== "" && files.has(bare)) return bare;
  const folder = bare.replace(/\/index$/, "");
  if (files.has(`${folder}/index.html`) && `${folder}/` !== decodedPath) return `${folder}/`;
  return undefined;
}

function plain(res, status, text, headers = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(`${text}\n`);
}

/**
 * Starts the static server. Resolves once it listens.
 * @param {{ port?: number, root?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startDocsServer({ port = DEFAULT_DOCS_PORT, root = defaultRoot } = {}) {
  const siteRoot = realpathSync.native(resolve(root));
  if (!existsSync(join(siteRoot, "index.html")) || lstatSync(join(siteRoot, "index.html")).isSymbolicLink()) {
    throw new Error(`No docs site in ${siteRoot}. Build it first: pnpm docs:build`);
  }
  const { files, refused, pages } = indexSite(siteRoot);
  const headers = pageHeaders(pages);
  const serveStatic = sirv(siteRoot, {
    etag: true,
    extensions: ["html"],
    dotfiles: false,
    // The generated samples are TypeScript source, not MPEG transport streams (mrmime's `.ts`); the
    // decorated contracts are UTF-8 (ja, zh), which a bare text/yaml leaves browsers to guess.
    setHeaders: (res, pathname) => {
      if (pathname.endsWith(".ts")) res.setHeader("content-type", "text/plain; charset=utf-8");
      else if (pathname.endsWith(".yaml")) res.setHeader("content-type", "text/yaml; charset=utf-8");
    },
  });

  const server = createServer((req, res) => {
    try {
      for (const [name, value] of Object.entries(headers.other)) res.setHeader(name, value);
      if (req.method !== "GET" && req.method !== "HEAD") {
        plain(res, 405, "Method not allowed", { allow: "GET, HEAD" });
        return;
      }
      const raw = requestPath(req.url);
      let path;
      try {
        path = raw === undefined ? undefined : decodeURIComponent(raw);
      } catch {
        path = undefined; // a malformed escape (%ZZ) names no file
      }
      if (path === undefined || path.includes("\0")) {
        plain(res, 400, "Bad request path");
        return;
      }
      if (isRefused(refused, path)) {
        plain(res, 404, "Not found");
        return;
      }
      // Ranges are not served: sirv 3.0.2 drops the connection on `bytes=5-2` and answers `bytes=-100`
      // with the first bytes. A whole 200 is always a valid answer to a Range request (RFC 9110 §14.2).
      delete req.headers.range;
      const canonical = canonicalPath(files, path);
      if (canonical !== undefined) {
        const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
        plain(res, 301, `See ${canonical}`, { location: `${encodeURI(canonical)}${query}` });
        return;
      }
      const page = pageFor(headers.byPath, path);
      if (page) for (const [name, value] of Object.entries(page)) res.setHeader(name, value);
      serveStatic(req, res, () => {
        const target = deepLinkTarget(files, path);
        if (target) plain(res, 302, `See ${target}`, { location: target, "cache-control": "no-cache" });
        else plain(res, 404, "Not found");
      });
    } catch (error) {
      // Nothing a request sends may stop the server.
      if (!res.headersSent) plain(res, 500, "Internal error");
      else res.destroy();
      console.error(`docs server: ${req.method} ${JSON.stringify(req.url)}: ${error.message}`);
    }
  });
  server.on("clientError", (error, socket) => {
    // A request too slow (Node's headers or request timeout) is a 408, anything else the parser refused
    // a 400. Closed once the answer is out: end() alone only half-closes, and a client that never closes
    // its side would hold the socket for good.
    const status = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
    if (socket.writable)
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\n\r\n`, () => socket.destroy());
    else socket.destroy();
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
  // Listened to first and for good: a Ctrl-C while the server starts still stops it, and a repeated
  // one (pnpm forwards the terminal's) would otherwise kill the process in the middle of closing.
  let stopping = false;
  let docs;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await docs?.close();
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, stop);
  try {
    // A signal before this resolves has already exited (the server lives in this process).
    docs = await startDocsServer({ port: parsePort(process.env.DOCS_PORT) });
    console.log(`Docs: ${docs.url}  (Ctrl-C to stop)`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
