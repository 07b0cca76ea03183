// A stand-in for the real API behind `prism proxy --errors`: answers every operation with its first
// documented example, and checks what Prism 5.14.2 does not (query parameters Prism never validates,
// e.g. bracketed names like `created_at[gte]`, and unknown ones). Every problem is recorded and answered
// with a 400 envelope naming it, so the client call that caused it fails loudly.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { matchOperation, type Operation, resolve, validateSchema } from "./spec.js";

export interface UpstreamRecord {
  operationId: string | undefined;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  problems: string[];
}

/** Send this header to get an answer that breaks the contract (proves Prism validates responses). */
export const BREAK_RESPONSE_HEADER = "x-test-break-response";

export async function startExampleUpstream(): Promise<{
  url: string;
  records: UpstreamRecord[];
  close(): Promise<void>;
}> {
  const records: UpstreamRecord[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(request.url ?? "/", "http://upstream.invalid");
    const operation = matchOperation(request.method ?? "GET", url.pathname);
    const record: UpstreamRecord = {
      operationId: operation?.operationId,
      method: request.method ?? "GET",
      url: request.url ?? "/",
      headers: request.headers,
      body: raw ? safeJson(raw) : undefined,
      problems: [],
    };
    records.push(record);
    if (!operation) record.problems.push(`no operation matches ${request.method} ${url.pathname}`);
    else
      record.problems.push(
        ...queryProblems(operation, url.searchParams),
        ...headerProblems(operation, request.headers),
      );

    const send = (status: number, body: unknown) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (record.problems.length > 0 || !operation) {
      return send(400, {
        type: "error",
        request_id: String(request.headers["x-request-id"] || "upstream"),
        error: {
          type: "invalid_request_error",
          message: `Upstream contract check: ${record.problems.join("; ")}`,
        },
      });
    }
    if (request.headers[BREAK_RESPONSE_HEADER]) return send(200, { unexpected: true });
    const success = operation.responses.find((candidate) => candidate.status < 300);
    send(success?.status ?? 200, success?.examples[0]?.value);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    records,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function queryProblems(operation: Operation, query: URLSearchParams): string[] {
  const problems: string[] = [];
  const declared = operation.parameters.filter((parameter) => parameter.in === "query");
  for (const name of new Set(query.keys())) {
    const parameter = declared.find((candidate) => candidate.name === name);
    if (!parameter) {
      problems.push(`query parameter "${name}" is not declared for ${operation.operationId}`);
      continue;
    }
    const values = query.getAll(name);
    const schema = resolve(parameter.schema);
    if (values.length > 1 && schema.type !== "array")
      problems.push(`query parameter "${name}" sent ${values.length} times`);
    const value = coerce(schema.type, values[0] as string);
    for (const error of validateSchema(parameter.schema, value))
      problems.push(`query parameter "${name}"${error}`);
  }
  for (const parameter of declared) {
    if (parameter.required && !query.has(parameter.name as string))
      problems.push(`missing query parameter "${parameter.name}"`);
  }
  return problems;
}

function headerProblems(operation: Operation, headers: IncomingHttpHeaders): string[] {
  const problems: string[] = [];
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === "header")) {
    const value = headers[(parameter.name as string).toLowerCase()];
    if (value === undefined) {
      if (parameter.required) problems.push(`missing header "${parameter.name}"`);
      continue;
    }
    for (const error of validateSchema(parameter.schema, value))
      problems.push(`header "${parameter.name}"${error}`);
  }
  return problems;
}

/** Query strings carry text; read it the way the schema's type says. */
function coerce(type: unknown, value: string): unknown {
  if (type === "integer" || type === "number") return value.trim() === "" ? value : Number(value);
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  return value;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
