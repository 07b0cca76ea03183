// The mock's HTTP front: every request comes here first. It enforces the limits (body size, timeouts,
// parser errors), then hands a request to the simulator (simulator mode, no `Prefer` header) or to
// Prism (examples mode, or `Prefer`), after checking it as the simulator would. Prism answers some
// requests in its own dialect (application/problem+json for unknown routes, wrong methods,
// unsatisfiable `Prefer` headers) and hangs on a body that is not JSON; this layer turns all of that
// into the API's error envelope: { type: "error", request_id, error: { type, message, param? } }.
import { isUtf8 } from "node:buffer";
import { randomUUID } from "node:crypto";
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { ErrorEnvelope, ErrorType } from "@qoder-cloud/types";
import { mockPrefer, preferWithStatus, type StatusOfExample } from "./example-statuses.js";
import {
  notAnEndpoint,
  notAnOperation,
  type SimRequest,
  type SimResponse,
  type Simulator,
  withoutBasePath,
} from "./simulator/index.js";

/**
 * The one request-body limit of the mock: the API's (global region, 32 MB, taken as 32 MiB), answered as
 * the API does, 400 `invalid_request_error`. Enforced here before anything else reads the body; Prism's
 * own (10 MiB) is raised to it in its process (prism-process.ts), so it never answers first.
 */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Header fields one request may have (a browser sends about 20; Prism takes fewer than Node's 1,000). */
export const MAX_HEADER_FIELDS = 200;

/** Connection hygiene of the front layer (figures stated in the README). */
export const SERVER_TIMEOUTS = {
  /** All request headers must arrive within this (else 408 and the connection is closed). */
  headersTimeoutMs: 10_000,
  /** The whole request, body included, must arrive within this (else 408 and close). */
  requestTimeoutMs: 60_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
  /** How long the layer waits for Prism's answer before answering 504. */
  upstreamTimeoutMs: 30_000,
} as const;
export type ServerTimeouts = Record<keyof typeof SERVER_TIMEOUTS, number>;

/** A Node HTTP parser error, as the status and message the front layer answers it with. */
function clientErrorAnswer(code: string | undefined, timeouts: ServerTimeouts): [number, string] {
  if (code === "HPE_HEADER_OVERFLOW")
    return [431, "Request headers exceed 16 KB (the URL included): send a shorter URL or fewer headers."];
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") {
    return [
      408,
      `The request did not arrive in time (its headers within ${timeouts.headersTimeoutMs / 1000} s, all of it within ${timeouts.requestTimeoutMs / 1000} s).`,
    ];
  }
  return [400, "Malformed HTTP request."];
}

function errorTypeForStatus(status: number): ErrorType {
  switch (status) {
    case 401:
      return "authentication_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 409:
      return "conflict_error";
    case 429:
      return "rate_limit_error";
    default:
      return status >= 500 ? "api_error" : "invalid_request_error";
  }
}

export interface EnvelopeProxy {
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function startEnvelopeProxy(options: {
  port: number;
  /** Prism's base URL, or where to ask for it (a restarted Prism listens on another port). */
  upstream: string | Upstream;
  /** Overrides of SERVER_TIMEOUTS (tests use short ones). */
  timeouts?: Partial<ServerTimeouts> | undefined;
  onLog?: ((line: string) => void) | undefined;
  /** Finds the status documenting a named example, so `Prefer: example=<name>` alone reaches errors too. */
  statusOfExample?: StatusOfExample | undefined;
  /** The contract's path templates (`/deployments/{deployment_id}`), to name a malformed path parameter. */
  pathTemplates?: string[] | undefined;
  /**
   * Simulator mode: the stateful simulator answers every API request and the /_mock/* control
   * endpoints; Prism still answers requests with a `Prefer` header (documented examples) and CORS
   * preflights. Without it, Prism answers everything (examples mode).
   */
  simulator?: Simulator | undefined;
  /**
   * The simulator's checks of a request (route, token, parameters, body), applied to the requests Prism
   * answers: its refusal is the answer. Without it, Prism's own validation stands (a custom document).
   */
  refuse?: ((request: SimRequest) => SimResponse | undefined) | undefined;
  /**
   * The route and token checks alone (404, 405, 401): asked when a request is refused before its body is
   * parsed (its query's escapes, its size, its JSON), so that, as in the API, a request without a token
   * hears 401 whatever its body. (A path whose escapes do not decode has no route: its 400 stands.)
   */
  admit?: ((request: SimRequest) => SimResponse | undefined) | undefined;
}): Promise<EnvelopeProxy> {
  const given = options.upstream;
  const upstream: Upstream =
    typeof given === "string" ? { url: () => given, unavailable: () => undefined } : given;
  const agent = new Agent({ keepAlive: true });
  const answers = new AnswerBatch();
  // Requests of one connection are handled in the order they came (HTTP/1.1 pipelining): one that
  // arrives while an earlier one's body is still being read waits here for it, and so sees its effect.
  const waiting = new WeakMap<Socket, (() => void)[]>();
  const release = (socket: Socket) => {
    const queue = waiting.get(socket) ?? [];
    waiting.delete(socket);
    while (queue.length > 0 && !waiting.has(socket)) (queue.shift() as () => void)();
    // The one just started reads a body in its turn: the rest wait for it.
    waiting.get(socket)?.push(...queue);
  };
  const timeouts: ServerTimeouts = { ...SERVER_TIMEOUTS, ...options.timeouts };
  // The last request of each connection and its response, for the parser's errors (clientError).
  const exchanges = new WeakMap<Socket, { request: IncomingMessage; response: ServerResponse }>();

  // Stalled clients are cut off (Node checks the first two every connectionsCheckingInterval).
  const server = createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      keepAliveTimeout: timeouts.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersTimeoutMs),
      // Both are answered in handle(), in the envelope (Node's own answers are bare): a missing Host, and
      // header fields past the stated limit (Node would drop them unseen).
      requireHostHeader: false,
    },
    (request, response) => {
      exchanges.set(request.socket, { request, response });
      // Never leave a client hanging, whatever went wrong in here.
      const failed = (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (!response.headersSent) {
          sendEnvelope(
            response,
            502,
            envelope(requestIdOf(request), "api_error", `Mock proxy failure: ${message}`),
          );
        } else response.destroy();
      };
      const start = () => {
        try {
          handle(request, response, failed);
        } catch (error) {
          failed(error);
        }
      };
      const queue = waiting.get(request.socket);
      if (queue) queue.push(start);
      else start();
    },
  );
  server.maxHeadersCount = 0; // all of them, for handle() to count (the 16 KiB of headers bound them)
  // What Node's HTTP parser refuses before a request exists (a malformed request line or header, headers
  // over Node's 16 KiB, headers or a body too slow) gets the API's envelope too, as Node's own answer
  // would: only while nothing of a response went out on the socket, and the connection is closed.
  /** Answers a refused request after the answers of the requests before it on its connection, then closes. */
  const closeAfter = (socket: Socket, status: number, message: string, headers = "") => {
    const last = exchanges.get(socket);
    if (last && !last.response.writableFinished)
      last.response.once("close", () => closeWith(socket, status, message, headers));
    else closeWith(socket, status, message, headers);
  };
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
    const [status, message] = clientErrorAnswer(error.code, timeouts);
    const last = exchanges.get(socket);
    // The failing request is this one (its body too slow): answered already (a body over the limit,
    // drained meanwhile), nothing more is said; else it is answered now.
    if (last && !last.request.complete)
      return last.response.headersSent ? socket.destroy() : closeWith(socket, status, message);
    // A pipelined request the parser refused: after the answers of the requests before it.
    closeAfter(socket, status, message);
  });
  // CONNECT (Node closes the connection without a word) and an Expect header other than 100-continue
  // (Node answers a bare 417) get the envelope too.
  // CONNECT's 405 names what its target allows (RFC 9110 §15.5.6): an API path's methods, else none.
  server.on("connect", (request: IncomingMessage, socket: Socket) => {
    const url = withoutBasePath(request.url ?? "");
    const asked = { method: "CONNECT", url, headers: {}, requestId: "" };
    const routed = !url.startsWith("/")
      ? undefined
      : url.startsWith("/_mock/")
        ? options.simulator?.handle(asked)
        : options.admit?.(asked);
    const allow = routed?.status === 405 ? (routed.headers.allow ?? "") : "";
    closeAfter(socket, 405, notAnOperation(`CONNECT ${request.url}`), `allow: ${allow}\r\n`);
  });
  server.on("checkExpectation", (request: IncomingMessage, response: ServerResponse) => {
    sendEnvelope(
      response,
      417,
      envelope(
        requestIdOf(request),
        "invalid_request_error",
        "Expect: only 100-continue is supported; send the request without this Expect header.",
      ),
    );
  });

  /**
   * Answers one request. Synchronous up to the simulator's answer (an async function and its promise per
   * request cost a list answer ≈ 10% of its time); a promise only when Prism is asked.
   */
  function handle(
    request: IncomingMessage,
    response: ServerResponse,
    failed: (error: unknown) => void,
  ): void {
    const requestId = requestIdOf(request);
    const started = Date.now();
    const log = (status: number): undefined => {
      options.onLog?.(`${request.method} ${request.url} → ${status} (${Date.now() - started} ms)`);
    };

    const fields = request.rawHeaders.length / 2;
    const [status, problem, param] =
      fields > MAX_HEADER_FIELDS
        ? [431, `Request has ${fields} header fields; the mock takes at most ${MAX_HEADER_FIELDS}.`]
        : (requestProblem(request) ?? []);
    if (status) {
      request.resume();
      sendEnvelope(
        response,
        status,
        envelope(requestId, errorTypeForStatus(status), problem as string, param),
      );
      log(status);
      return;
    }
    const afterBody = (body: Buffer | "too-large"): Promise<void> | undefined => {
      if (body === "too-large") {
        // The rest of the body is drained (bounded by requestTimeoutMs), never stored.
        request.resume();
        const refuse = () => refuseUnread(`Request body exceeds the 32 MB limit (${MAX_BODY_BYTES} bytes).`);
        if (response.shouldKeepAlive || request.complete) return refuse();
        // The connection closes after this answer (`Connection: close`, HTTP/1.0): Node closes the socket
        // as soon as the answer is written, the body still arriving then resets the connection, and the
        // client's kernel drops the answer. So the answer waits for the rest of the body, at most LINGER_MS
        // (a client that waits for the answer before sending hears it then).
        let timer: NodeJS.Timeout | undefined;
        const answer = () => {
          clearTimeout(timer);
          request.off("end", answer);
          if (!response.destroyed && !response.headersSent) refuse();
        };
        request.once("end", answer);
        timer = setTimeout(answer, LINGER_MS).unref();
        return undefined;
      }
      let json: { value: unknown } | undefined;
      if (body.length > 0) {
        // Prism never answers a request whose JSON body does not parse; the API answers 400.
        json = parseJsonBody(body);
        if (!json) return refuseUnread("Request body must be valid JSON.");
      }
      const method = request.method ?? "GET";
      const path = withoutBasePath(request.url ?? "/");
      const control = path.startsWith("/_mock/");
      const sent = { method, url: path, headers: request.headers, body, json, requestId };
      // An OPTIONS that is not a CORS preflight is a method no path has: its 405 (or 404) names the
      // path's methods in `Allow`, as every other 405 does (Prism's has none).
      const preflight = isPreflight(request);
      if (method === "OPTIONS" && !control && !preflight) {
        const refused = options.admit?.(sent);
        if (refused) return sendSimulated(refused);
      }
      const prefer = mockPrefer(request.headers.prefer);
      if ("problem" in prefer) {
        // Authentication and validation first, as in the API: `Prefer` is the mock's own, looked at last.
        const refused = !control && !preflight ? options.refuse?.(sent) : undefined;
        if (refused) return sendSimulated(refused);
        sendEnvelope(response, 400, envelope(requestId, "invalid_request_error", prefer.problem, "Prefer"));
        return log(400);
      }
      const requested = prefer.value;
      if (options.simulator && (control || (requested === undefined && !preflight))) {
        // The body goes parsed, so that the simulator does not parse it again.
        return sendSimulated(options.simulator.handle(sent));
      }
      // Prism validates less than the contract says: what the simulator would refuse, it refuses first.
      const refused = !control && !preflight ? options.refuse?.(sent) : undefined;
      if (refused) return sendSimulated(refused);
      return viaPrism(body, method, path, requested, control);
    };
    /** Sends an answer of the simulator (or its refusal) in the current turn's batch. */
    const sendSimulated = (simulated: SimResponse): undefined => {
      // With its length, the answer goes out in one write (without it, Node would send it chunked).
      // Built by assignment: spreading header objects cost ≈ 2 µs per answer.
      const headers: OutgoingHttpHeaders = {
        "access-control-allow-origin": CORS_HEADERS["access-control-allow-origin"],
        "access-control-expose-headers": CORS_HEADERS["access-control-expose-headers"],
      };
      for (const name in simulated.headers) headers[name] = simulated.headers[name];
      // A 204 (a preflight) has no body, and so no length (RFC 9110 §8.6).
      if (simulated.status !== 204) headers["content-length"] = String(Buffer.byteLength(simulated.body));
      answers.add(response, simulated.status, headers, simulated.body);
      return log(simulated.status);
    };
    /**
     * A 400 for a request refused before its body is parsed (its query's escapes, its size, its JSON),
     * unless its route or its token fails: as in the API, a request without a token hears 401 whatever
     * its body. A path whose escapes do not decode has no route to check: its 400 stands.
     */
    const refuseUnread = (message: string, param?: string): undefined => {
      const path = withoutBasePath(request.url ?? "/");
      const method = request.method ?? "GET";
      const first =
        path.startsWith("/_mock/") || isPreflight(request)
          ? undefined
          : options.admit?.({ method, url: path, headers: request.headers, requestId });
      if (first && [401, 404, 405].includes(first.status)) return sendSimulated(first);
      sendEnvelope(response, 400, envelope(requestId, "invalid_request_error", message, param));
      return log(400);
    };
    const viaPrism = async (
      body: Buffer,
      method: string,
      path: string,
      requested: string | undefined,
      control: boolean,
    ): Promise<void> => {
      const unavailable = (why: string | undefined) => {
        sendEnvelope(
          response,
          503,
          envelope(
            requestId,
            "api_error",
            `The mock cannot answer this request right now: ${why ?? "Prism is not running"}. Retry shortly.`,
          ),
          { "retry-after": "1" },
        );
        log(503);
      };
      const headers: OutgoingHttpHeaders = { ...request.headers, "x-request-id": requestId };
      delete headers.prefer; // only the directives the mock acts on go on (below)
      // Hop-by-hop headers stay here: the body is forwarded whole, with its own Content-Length.
      for (const name of [
        "host",
        "connection",
        "keep-alive",
        "transfer-encoding",
        "te",
        "trailer",
        "upgrade",
        "expect",
      ])
        delete headers[name];
      // Auth schemes are case-insensitive (RFC 9110); Prism only accepts "Bearer".
      const authorization = request.headers.authorization;
      if (authorization && /^bearer\s+\S/i.test(authorization)) {
        headers.authorization = authorization.replace(/^bearer\s+/i, "Bearer ");
      }
      if (body.length > 0) {
        // The API detects JSON without a Content-Type (e.g. `curl -d`); Prism insists on one, and hangs on
        // a charset it cannot decode, so it always gets plain UTF-8 JSON.
        headers["content-type"] = "application/json";
        headers["content-length"] = String(body.length);
      } else delete headers["content-type"]; // says nothing without a body, and one Prism cannot parse kills it
      if (control) {
        sendEnvelope(
          response,
          404,
          envelope(
            requestId,
            "not_found_error",
            `${method} ${path.split("?")[0]}: the /_mock/* control endpoints exist in simulator mode only; this mock runs the stateless examples (started with --examples / mode "examples").`,
          ),
        );
        return log(404);
      }
      const prefer = preferWithStatus(requested, method, path, options.statusOfExample);
      if ("problem" in prefer) {
        sendEnvelope(response, 400, envelope(requestId, "invalid_request_error", prefer.problem, "Prefer"));
        return log(400);
      }
      if (prefer.value !== undefined) headers.prefer = prefer.value;
      // The API answers JSON whatever the Accept header says (so does the simulator); Prism would
      // negotiate and fail on any other media type.
      delete headers.accept;
      const target = upstream.url();
      if (target === undefined) return unavailable(upstream.unavailable());
      // The upstream call ends when the client leaves, or after upstreamTimeoutMs.
      const abort = new AbortController();
      const onClose = () => {
        if (!response.writableFinished) abort.abort();
      };
      response.once("close", onClose);
      const answer = await forward(new URL(target), {
        method,
        path,
        headers,
        body,
        agent,
        signal: abort.signal,
        timeoutMs: timeouts.upstreamTimeoutMs,
      }).catch((error: NodeJS.ErrnoException) => {
        if (abort.signal.aborted) return undefined;
        return error;
      });
      if (!answer) return;
      if (answer instanceof Error) {
        if (answer.code === "ETIMEDOUT") {
          sendEnvelope(response, 504, envelope(requestId, "api_error", answer.message));
          return log(504);
        }
        // Prism went away under this request (the supervisor restarts it).
        if (["ECONNREFUSED", "ECONNRESET", "EPIPE"].includes(answer.code ?? "")) {
          return unavailable(upstream.unavailable() ?? `Prism closed the connection (${answer.code})`);
        }
        throw answer;
      }
      const responseHeaders = copyableHeaders(answer.headers);
      responseHeaders["x-request-id"] = requestId;
      if (answer.status < 400) {
        response.writeHead(answer.status, responseHeaders).end(answer.body);
        return log(answer.status);
      }
      const { status, body: errorBody } = toEnvelope(answer, request, requestId);
      sendEnvelope(response, status, errorBody, responseHeaders);
      log(status);
    };
    const rejected = rejectBeforeReading(request, options.pathTemplates ?? []);
    if (rejected) {
      request.resume();
      refuseUnread(rejected.message, rejected.param);
      return;
    }
    let answered = false;
    let waited = false;
    readBody(request, (body) => {
      answered = true;
      try {
        afterBody(body)?.catch(failed);
      } catch (error) {
        failed(error);
      }
      if (waited) release(request.socket);
    });
    // The body is still coming: later requests of this connection wait for this one.
    if (!answered) {
      waited = true;
      waiting.set(request.socket, []);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => {
      agent.destroy();
      reject(error);
    });
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    server,
    async close() {
      answers.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Where Prism is, asked per request: undefined while a crashed Prism restarts. */
export interface Upstream {
  url(): string | undefined;
  /** Why there is no URL (for the 503's message). */
  unavailable(): string | undefined;
}

function forward(
  upstream: URL,
  request: {
    method: string;
    path: string;
    headers: OutgoingHttpHeaders;
    body: Buffer;
    agent: Agent;
    signal: AbortSignal;
    timeoutMs: number;
  },
): Promise<UpstreamAnswer> {
  const { method, path, headers, body, agent, signal, timeoutMs } = request;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method,
        path,
        headers,
        agent,
        signal,
        timeout: timeoutMs,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 502,
            headers: incoming.headers,
            body: Buffer.concat(chunks),
          }),
        );
        incoming.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.on("timeout", () =>
      outgoing.destroy(
        Object.assign(new Error(`Prism did not answer within ${timeoutMs / 1000} s.`), { code: "ETIMEDOUT" }),
      ),
    );
    outgoing.end(body.length > 0 ? body : undefined);
  });
}

/**
 * Checks made before the body is read: percent-escapes in the path (Prism dies of a malformed one) and
 * in the query, array-style query names, and the body's charset (only UTF-8 JSON).
 */
function rejectBeforeReading(
  request: Pick<IncomingMessage, "url" | "headers">,
  pathTemplates: string[],
): { message: string; param?: string } | undefined {
  const url = withoutBasePath(request.url ?? "/");
  const mark = url.indexOf("?");
  const rawPath = mark < 0 ? url : url.slice(0, mark);
  const rawQuery = mark < 0 ? "" : url.slice(mark + 1);
  // Only a percent-escape can fail to decode.
  const segments = rawPath.includes("%") ? rawPath.split("/") : [];
  for (const [index, segment] of segments.entries()) {
    try {
      decodeURIComponent(segment);
    } catch {
      const template = pathTemplates
        .map((path) => path.split("/"))
        .find(
          (parts) =>
            parts.length === segments.length &&
            parts.every((part, i) => i === index || part.startsWith("{") || part === segments[i]),
        );
      const param = /^\{(.+)\}$/.exec(template?.[index] ?? "")?.[1];
      return {
        message: `Malformed percent-encoding in the path${param ? ` parameter ${param}` : ""}: "${segment}". Encode ids as UTF-8 with valid %XX escapes.`,
        ...(param ? { param } : {}),
      };
    }
  }
  for (const pair of rawQuery === "" ? [] : rawQuery.split("&")) {
    if (!pair) continue;
    const equals = pair.indexOf("=");
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    const rawValue = equals < 0 ? "" : pair.slice(equals + 1);
    let name: string;
    try {
      name = decodeQueryPart(rawName);
      decodeQueryPart(rawValue);
    } catch {
      return { message: `Malformed percent-encoding in the query: "${pair}".`, param: rawName };
    }
    if (name.endsWith("[]")) {
      const base = name.slice(0, -2);
      return { message: `${base} takes a single value, not an array (${name}).`, param: base };
    }
  }
  const contentType = request.headers["content-type"];
  const charset =
    contentType === undefined ? undefined : /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) {
    return {
      message: `Unsupported charset "${charset}": send the JSON body as UTF-8 (Content-Type: application/json).`,
      param: "Content-Type",
    };
  }
  return undefined;
}

/** decodeURIComponent of a query name or value, `+` as a space; throws on a malformed escape. */
function decodeQueryPart(text: string): string {
  const spaced = text.includes("+") ? text.replaceAll("+", " ") : text;
  return spaced.includes("%") ? decodeURIComponent(spaced) : spaced;
}

/** Prism's violation record, sent as JSON in the `sl-violations` response header. */
interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
  validation?: Violation[];
}

/** Maps one error answer of Prism to the status and envelope the real API would send. */
function toEnvelope(
  answer: UpstreamAnswer,
  request: Pick<IncomingMessage, "method" | "url" | "headers">,
  requestId: string,
): { status: number; body: ErrorEnvelope } {
  const contentType = String(answer.headers["content-type"] ?? "");
  const parsed = parseJson(answer.body);
  const violations = parseViolations(answer.headers["sl-violations"]);

  if (contentType.includes("problem+json")) {
    const problem = (parsed ?? {}) as Problem;
    const kind = problem.type?.split("#")[1] ?? "";
    const route = `${request.method} ${(request.url ?? "/").split("?")[0]}`;
    switch (kind) {
      case "NO_PATH_MATCHED_ERROR":
        return {
          status: 404,
          body: envelope(requestId, "not_found_error", notAnEndpoint(route)),
        };
      case "NO_METHOD_MATCHED_ERROR":
        return {
          status: 405,
          body: envelope(requestId, "invalid_request_error", notAnOperation(route)),
        };
      case "NOT_FOUND":
        // The `Prefer` header asked for a status or example the operation does not document.
        if (request.headers.prefer) {
          return {
            status: 400,
            body: envelope(
              requestId,
              "invalid_request_error",
              `The mock cannot satisfy "Prefer: ${request.headers.prefer}": ${problem.detail ?? "no such response"} See the operation's documented responses and example names.`,
              "Prefer",
            ),
          };
        }
        break;
      case "UNPROCESSABLE_ENTITY":
        // The contract has no 422: the API reports invalid input as 400.
        return { status: 400, body: fromViolations(requestId, problem.validation ?? violations) };
      case "UNAUTHORIZED":
        return {
          status: 401,
          body: envelope(requestId, "authentication_error", "Invalid API key or token."),
        };
    }
    const status = answer.status;
    const message = [problem.title, problem.detail].filter(Boolean).join(": ") || `HTTP ${status}`;
    // `Prefer: code=200, example=<unknown>`: Prism fails with a 500 wrapping its NOT_FOUND.
    if (request.headers.prefer && message.includes("errors#NOT_FOUND")) {
      return {
        status: 400,
        body: envelope(
          requestId,
          "invalid_request_error",
          `The mock cannot satisfy "Prefer: ${request.headers.prefer}": the operation documents no such response or example name.`,
          "Prefer",
        ),
      };
    }
    return { status, body: envelope(requestId, errorTypeForStatus(status), message) };
  }

  // Prism answered with a documented error example. For an invalid request it picks the first 400
  // example whatever was wrong; the violations it found say what really was.
  if (answer.status === 400 && violations.length > 0) {
    return { status: 400, body: fromViolations(requestId, violations) };
  }
  if (isEnvelope(parsed)) {
    return { status: answer.status, body: { ...parsed, request_id: requestId } };
  }
  return {
    status: answer.status,
    body: envelope(requestId, errorTypeForStatus(answer.status), `HTTP ${answer.status}`),
  };
}

function fromViolations(requestId: string, violations: Violation[]): ErrorEnvelope {
  const errors = violations.filter((violation) => violation.severity === "Error");
  const relevant = errors.length > 0 ? errors : violations;
  if (relevant.length === 0) {
    return envelope(requestId, "invalid_request_error", "The request is invalid.");
  }
  const message = relevant.map(messageOf).join("; ");
  const param = relevant.map(paramOf).find((name) => name !== undefined);
  return envelope(requestId, "invalid_request_error", message, param);
}

/** Prism's wording, except for a missing field, where the API's documented wording is used. */
function messageOf(violation: Violation): string {
  const param = violation.code === "required" ? paramOf(violation) : undefined;
  return param ? `Missing required field: ${param}` : violation.message;
}

/** The parameter or body field a violation is about: `limit`, `name`, `initial_events[0].content` … */
function paramOf(violation: Pick<Violation, "location" | "message">): string | undefined {
  const [, where, ...rest] = violation.location;
  const missing = /required property '([^']+)'/.exec(violation.message)?.[1];
  const unknown = /additional propert(?:y|ies)[^']*'([^']+)'/.exec(violation.message)?.[1];
  const path = [...rest, ...(missing ? [missing] : []), ...(unknown ? [unknown] : [])];
  if (where === "body") {
    return path.length === 0
      ? undefined
      : path
          .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
          .join("");
  }
  return path[0];
}

function envelope(requestId: string, type: ErrorType, message: string, param?: string): ErrorEnvelope {
  return {
    type: "error",
    request_id: requestId,
    error: param ? { type, message, param } : { type, message },
  };
}

/** Answers made here (not by Prism) stay readable from a browser page, like Prism's own. */
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "*",
} as const;

function sendEnvelope(
  response: ServerResponse,
  status: number,
  body: ErrorEnvelope,
  headers: OutgoingHttpHeaders = {},
): void {
  const payload = Buffer.from(JSON.stringify(body));
  response
    .writeHead(status, {
      ...CORS_HEADERS,
      ...headers,
      "content-type": "application/json",
      "content-length": String(payload.length),
      "x-request-id": body.request_id,
    })
    .end(payload);
}

/** How long a connection answered and closed by the mock may stay open for the client to read the answer. */
const CLOSE_GRACE_MS = 1_000;
/** How long a refused body is drained before its answer, on a connection that closes after it. */
const LINGER_MS = 5_000;

/** Answers on a socket no ServerResponse serves (a refused request), then closes it. */
function closeWith(socket: Socket, status: number, message: string, headers = ""): void {
  if (!socket.writable) return void socket.destroy();
  // A fresh id (the request's own headers were never parsed), in the body and the header, as for any error.
  const requestId = randomUUID();
  const body = JSON.stringify(envelope(requestId, errorTypeForStatus(status), message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\nx-request-id: ${requestId}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${headers}connection: close\r\n\r\n${body}`,
  );
  // end() only half-closes: a client that never reads, or never closes its side, would keep the socket
  // open for good. It is destroyed a moment later, when the answer has had time to go (destroyed at once,
  // bytes the client is still sending would reset the connection and lose the answer).
  const closing = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
  socket.once("close", () => clearTimeout(closing));
}

/**
 * What HTTP itself rules out in a request the parser let through (RFC 9112 §3.2: one valid Host; a
 * request target the server can read), and a body coding the mock cannot read (it would be parsed as
 * JSON, or its coding silently ignored): [status, message, param]. An absolute-form target
 * (`GET http://host/v1/…`) is rewritten to its origin form, so that both modes route it alike.
 */
function requestProblem(request: IncomingMessage): [number, string, string?] | undefined {
  // Counted in rawHeaders: `headersDistinct` builds an object of every header on each request (creates
  // per server CPU-second fell from ≈ 22,000 to ≈ 19,300 with it in the benchmark), and `headers` keeps
  // only the first Host.
  let hosts = 0;
  const raw = request.rawHeaders;
  for (let index = 0; index < raw.length; index += 2)
    if ((raw[index] as string).length === 4 && (raw[index] as string).toLowerCase() === "host") hosts++;
  if (hosts === 0 && request.httpVersion === "1.1") return [400, "An HTTP/1.1 request needs a Host header."];
  if (hosts > 1) return [400, "The request has more than one Host header; send one.", "Host"];
  const host = request.headers.host;
  if (host !== undefined && !validHost(host))
    return [400, `Host "${host}" is not a host name with an optional port (e.g. 127.0.0.1:4010).`, "Host"];
  const target = request.url ?? "/";
  if (!target.startsWith("/") && target !== "*") {
    let url: URL | undefined;
    try {
      url = new URL(target);
    } catch {}
    if (!url || !/^https?:$/.test(url.protocol))
      return [400, "The request target is neither a path (/deployments) nor an absolute http(s) URL."];
    // Its path and query as sent (the URL parser would resolve `..` and re-encode what the checks read).
    const rest = target.replace(/^https?:\/\/[^/?#]*/i, "");
    request.url = rest.startsWith("/") ? rest : `/${rest}`;
  }
  const coding = request.headers["content-encoding"]?.trim().toLowerCase();
  if (coding && coding !== "identity")
    return [
      400,
      `Content-Encoding "${coding}" is not supported: send the JSON body uncompressed, without Content-Encoding.`,
      "Content-Encoding",
    ];
  return undefined;
}

/**
 * A Host header's value (RFC 3986 `host [":" port]`, the port possibly empty): a registered name or IPv4
 * address, or a bracketed IP literal (IPv6, with a zone id as RFC 6874 writes it, or IPvFuture).
 */
function validHost(host: string): boolean {
  const match = /^(\[[\w.:%~!$&'()*+,;=-]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(?::(\d*))?$/.exec(host);
  return match !== null && Number(match[2] ?? 0) <= 65_535;
}

function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  const value = Array.isArray(given) ? given[0] : given;
  return value?.trim() ? value.trim() : randomUUID();
}

/**
 * Reads the body into one buffer, allocated once when Content-Length is given (a declared size above the
 * limit is refused before a byte is read); chunked bodies are counted as they come and refused as soon as
 * they pass the limit. A refused body is drained, never stored, so the client still reads the answer.
 * Calls `done` once (at once when there is no body); never when the client leaves before the end of the
 * body, as then there is no one to answer. A callback, not a promise: a promise per request cost ≈ 5% of
 * a create.
 */
function readBody(request: IncomingMessage, done: (body: Buffer | "too-large") => void): void {
  const declared = request.headers["content-length"];
  const length = declared === undefined ? undefined : Number(declared);
  // No Content-Length and no Transfer-Encoding: no body (RFC 9112), nothing to wait for.
  const empty = length === 0 || (length === undefined && request.headers["transfer-encoding"] === undefined);
  if (empty || (length !== undefined && length > MAX_BODY_BYTES)) {
    done(empty ? NO_BODY : "too-large");
    return;
  }
  const whole = length === undefined ? undefined : Buffer.allocUnsafe(length);
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  const onData = (chunk: Buffer) => {
    if (size + chunk.length > MAX_BODY_BYTES) {
      request.off("data", onData);
      chunks.length = 0;
      refused = true;
      done("too-large");
      return;
    }
    if (whole) chunk.copy(whole, size);
    else chunks.push(chunk);
    size += chunk.length;
  };
  request.on("data", onData);
  request.once("end", () => {
    if (!refused) done(whole ?? Buffer.concat(chunks, size));
  });
}

const NO_BODY = Buffer.alloc(0);

/** A CORS preflight: an OPTIONS naming the method it asks about. Prism answers it (204), unchecked. */
const isPreflight = (request: IncomingMessage): boolean =>
  request.method === "OPTIONS" && !!request.headers["access-control-request-method"];

/**
 * The simulator's answers of one event-loop turn, written together once every request that was ready
 * has been handled (as Redis writes its replies before it sleeps). Each write to a client that is
 * waiting wakes it, which costs ≈ 15 µs of kernel time here; written one by one between requests, nearly
 * every answer paid it. Together, a client takes them in one wake-up: +60% creates/s under load, at the
 * cost of at most one turn's delay.
 */
export class AnswerBatch {
  private pending: [ServerResponse, number, OutgoingHttpHeaders, string][] = [];

  add(response: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: string): void {
    if (this.pending.push([response, status, headers, body]) === 1) setImmediate(() => this.flush());
  }

  flush(): void {
    const pending = this.pending;
    this.pending = [];
    for (const [response, status, headers, body] of pending) {
      // One answer failing (its client left) must not keep the others from being written.
      try {
        response.writeHead(status, headers).end(body);
      } catch {
        response.destroy();
      }
    }
  }
}

function copyableHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const copy: OutgoingHttpHeaders = { ...headers };
  // sl-violations is Prism's own record of what it validated, not the API's.
  for (const name of [
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "date",
    "sl-violations",
  ])
    delete copy[name];
  return copy;
}

/**
 * The body's JSON value (boxed: `null` is a value), or undefined when it does not parse. JSON is UTF-8:
 * bytes that are not would be decoded to U+FFFD and stored, so they do not parse either.
 */
function parseJsonBody(body: Buffer): { value: unknown } | undefined {
  if (!isUtf8(body)) return undefined;
  try {
    return { value: JSON.parse(body.toString("utf8")) };
  } catch {
    return undefined;
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

function parseViolations(header: string | string[] | undefined): Violation[] {
  if (typeof header !== "string") return [];
  const parsed = parseJson(Buffer.from(header));
  return Array.isArray(parsed) ? (parsed as Violation[]) : [];
}

function isEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<ErrorEnvelope>;
  return candidate.type === "error" && typeof candidate.error?.type === "string";
}
