// A request as the contract sees it, checked before anything acts on it: its route, its bearer token,
// its parameters and its body, by the validators compiled from the bundled contract. The simulator
// checks every request so; the front layer checks the requests Prism answers (a `Prefer` header, or
// examples mode) the same way, so that both modes refuse the same requests with the same answer.
import { randomUUID } from "node:crypto";
import { type Contract, describe, type OperationSpec, wording } from "./contract.js";
import {
  ApiError,
  apiErrorOf,
  errorEnvelope,
  errorHeaders,
  invalid,
  MethodNotAllowedError,
  notAnEndpoint,
  notAnOperation,
} from "./errors.js";

export interface SimRequest {
  method: string;
  /** Path and query, e.g. `/deployments?limit=2` (the `/api/v1/cloud` base path is optional). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: Buffer | string | undefined;
  /** The body already parsed as JSON (boxed, as `null` is a value), so that it is not parsed twice. */
  json?: { value: unknown } | undefined;
  /** The request's id, when the caller has already taken it from `x-request-id` or made one. */
  requestId?: string | undefined;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request that passed every check: what the operation's handler works with. */
export interface CheckedRequest {
  operation: OperationSpec;
  path: Record<string, string>;
  /** Query parameters converted to their schema's types. */
  query: Record<string, string | number | boolean>;
  /** The JSON body; undefined when there is none. */
  body: unknown;
  token: string;
}

/** The servers' base path (both regions); the contract's paths are relative to it. */
const API_BASE_PATH = "/api/v1/cloud";

/** Lets clients use the mock's URL with or without the base path, as with the real servers. */
export function withoutBasePath(url: string): string {
  return url === API_BASE_PATH || url.startsWith(`${API_BASE_PATH}/`) || url.startsWith(`${API_BASE_PATH}?`)
    ? url.slice(API_BASE_PATH.length) || "/"
    : url;
}

/** The request's path without the optional base path, and its query. */
export function targetOf(url: string): { path: string; search: URLSearchParams } {
  const { pathname, searchParams } = parseTarget(url);
  return { path: withoutBasePath(pathname), search: searchParams };
}

/** Route (404, 405), token (401), parameters and body (400), in that order; throws the ApiError. */
export function checkRequest(
  contract: Contract,
  request: SimRequest,
  path: string,
  search: URLSearchParams,
): CheckedRequest {
  const { operation, path: pathParams } = route(contract, request.method.toUpperCase(), path);
  const token = tokenOf(request.headers);
  if (token === undefined) throw unauthenticated();
  const query = parameters(operation, pathParams, search, request.headers);
  const body = jsonOf(request);
  if (operation.body) {
    if (body === undefined && operation.body.required) throw invalid("A JSON request body is required.");
    if (body !== undefined && !operation.body.validate(body)) {
      const { message, param } = describe(operation.body.validate.errors ?? []);
      throw invalid(message, param || undefined);
    }
  } else if (body !== undefined) {
    throw invalid(`${operation.method} ${operation.path} takes no request body.`);
  }
  return { operation, path: pathParams, query, body, token };
}

/**
 * The error answer the simulator would give `request` before acting on it, or undefined when it passes:
 * for requests answered by Prism, which validates less than the contract says.
 */
export function refusal(contract: Contract, request: SimRequest): SimResponse | undefined {
  try {
    const { path, search } = targetOf(request.url);
    checkRequest(contract, request, path, search);
    return undefined;
  } catch (error) {
    return answerOf(error, request);
  }
}

/**
 * The route (404, 405) and token (401) checks alone, or undefined when they pass: what the API answers
 * before it looks at a request's parameters and body, so before a body too large or not JSON.
 */
export function admission(contract: Contract, request: SimRequest): SimResponse | undefined {
  try {
    route(contract, request.method.toUpperCase(), targetOf(request.url).path);
    if (tokenOf(request.headers) === undefined) throw unauthenticated();
    return undefined;
  } catch (error) {
    return answerOf(error, request);
  }
}

function answerOf(error: unknown, request: SimRequest): SimResponse {
  const apiError = apiErrorOf(error);
  const requestId = requestIdOf(request);
  return {
    status: apiError.status,
    headers: { "content-type": "application/json", "x-request-id": requestId, ...errorHeaders(apiError) },
    body: JSON.stringify(errorEnvelope(apiError, requestId)),
  };
}

const unauthenticated = () => new ApiError(401, "authentication_error", "Invalid API key or token.");

function route(
  contract: Contract,
  method: string,
  path: string,
): { operation: OperationSpec; path: Record<string, string> } {
  const allowed: string[] = [];
  for (const operation of contract.operations) {
    const match = operation.pattern.exec(path);
    if (!match) continue;
    allowed.push(operation.method);
    if (operation.method !== method) continue;
    const params: Record<string, string> = {};
    operation.pathParameterNames.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1] as string);
    });
    return { operation, path: params };
  }
  if (allowed.length > 0) throw new MethodNotAllowedError(notAnOperation(`${method} ${path}`), allowed);
  throw new ApiError(404, "not_found_error", notAnEndpoint(`${method} ${path}`));
}

/** The list cursors, mutually exclusive wherever an operation takes more than one (stated in prose). */
const CURSORS = ["page", "after_id", "before_id"];

/** Query and header parameters, validated by the contract's schemas and converted to their types. */
function parameters(
  operation: OperationSpec,
  pathParams: Record<string, string>,
  search: URLSearchParams,
  headers: SimRequest["headers"],
): Record<string, string | number | boolean> {
  const query: Record<string, string | number | boolean> = {};
  for (const parameter of operation.parameters) {
    let raw: string | undefined;
    if (parameter.in === "query") {
      const values = search.getAll(parameter.name);
      if (values.length > 1) throw invalid(`${parameter.name} may be given only once.`, parameter.name);
      raw = values[0];
    } else if (parameter.in === "header") raw = headerOf(headers, parameter.key);
    else raw = pathParams[parameter.name];
    if (raw === undefined) {
      if (parameter.required) throw invalid(`Missing required parameter: ${parameter.name}`, parameter.name);
      continue;
    }
    const value = convert(raw, parameter.kind);
    if (!parameter.validate(value)) {
      const error = parameter.validate.errors?.[0];
      const expected =
        parameter.kind === "integer" && typeof value !== "number"
          ? /^-?\d+$/.test(raw)
            ? "is out of range"
            : "must be an integer"
          : parameter.kind === "boolean" && typeof value !== "boolean"
            ? 'must be "true" or "false"'
            : error
              ? wording(error)
              : "is invalid";
      throw invalid(`${parameter.name} ${expected} (got ${JSON.stringify(raw)}).`, parameter.name);
    }
    if (parameter.in === "query") query[parameter.name] = value;
  }
  for (const name of search.keys()) {
    if (!operation.queryNames.has(name)) {
      throw invalid(
        `Unknown query parameter: ${name}. ${operation.operationId} accepts ${[...operation.queryNames].join(", ") || "none"}.`,
        name,
      );
    }
  }
  const cursors = CURSORS.filter((name) => operation.queryNames.has(name));
  const given = cursors.filter((name) => query[name] !== undefined);
  if (given.length > 1) {
    const which = given.length < cursors.length ? ` (got ${given.join(" and ")})` : "";
    throw invalid(
      `Only one of ${cursors.join(", ").replace(/, (?=[^,]*$)/, " and ")} may be given${which}.`,
      given[1],
    );
  }
  return query;
}

/** Request targets that `new URL()` would leave as they are: non-empty segments of these characters, … */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_-]+)+$|^\/$/;
/** … and a query of characters that the URL parser does not percent-encode. */
const PLAIN_QUERY = /^[A-Za-z0-9_\-.~%+=&[\]:,]*$/;

/** Path and query of a request target; the URL parser (≈ 1 µs) only for one that needs normalising. */
function parseTarget(target: string): { pathname: string; searchParams: URLSearchParams } {
  const mark = target.indexOf("?");
  const pathname = mark < 0 ? target : target.slice(0, mark);
  const query = mark < 0 ? "" : target.slice(mark + 1);
  if (PLAIN_PATH.test(pathname) && PLAIN_QUERY.test(query))
    return { pathname, searchParams: new URLSearchParams(query) };
  // Appended, not resolved: resolving `//deployments` would read "deployments" as a host.
  try {
    return new URL(
      target.startsWith("/") ? `http://simulator.invalid${target}` : target,
      "http://simulator.invalid",
    );
  } catch {
    throw invalid("The request target is neither a path (/deployments) nor an absolute http(s) URL.");
  }
}

function convert(raw: string, kind: "string" | "integer" | "boolean"): string | number | boolean {
  if (kind === "integer" && /^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
  if (kind === "boolean" && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

/** The request's id: the caller's, else its `x-request-id` header, else a fresh UUID. */
export function requestIdOf(request: SimRequest): string {
  return request.requestId ?? (headerOf(request.headers, "x-request-id")?.trim() || randomUUID());
}

export function headerOf(headers: SimRequest["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function tokenOf(headers: SimRequest["headers"]): string | undefined {
  const match = /^bearer\s+(\S+)\s*$/i.exec(headerOf(headers, "authorization") ?? "");
  return match?.[1];
}

/**
 * How deep a request's JSON may nest. Answers and records are serialized by recursive code (a tool's
 * `input_schema` nested 3,000 levels was stored, then every read of it overflowed the stack): deeper
 * bodies are refused before anything acts.
 */
export const MAX_JSON_DEPTH = 512;

/** The request's JSON body: undefined when there is none, a 400 when it does not parse or nests too deep. */
export function jsonOf(request: SimRequest): unknown {
  let value: unknown;
  if (request.json) value = request.json.value;
  else {
    const body = request.body;
    const text = body === undefined ? "" : typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") return undefined;
    try {
      value = JSON.parse(text);
    } catch {
      throw invalid("Request body must be valid JSON.");
    }
  }
  // Walked without recursion: objects and arrays only, each with its depth. A text nesting N levels has at
  // least 2N characters: most bodies need no walk.
  const size = request.body?.length ?? Number.POSITIVE_INFINITY;
  const pending: [object, number][] =
    size > 2 * MAX_JSON_DEPTH && typeof value === "object" && value !== null ? [[value, 1]] : [];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (depth > MAX_JSON_DEPTH)
      throw invalid(`Request body nests more than ${MAX_JSON_DEPTH} levels of objects and arrays.`);
    for (const child of Object.values(node))
      if (typeof child === "object" && child !== null) pending.push([child, depth + 1]);
  }
  return value;
}
