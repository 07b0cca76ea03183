// A real HTTP server on 127.0.0.1 (random port) that records every request it receives.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
}

export type Handler = (
  request: RecordedRequest,
  res: ServerResponse,
  index: number,
) => Reply | undefined | Promise<Reply | undefined>;

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const reply = await handler(recorded, res, requests.length - 1);
      if (!reply) return; // the handler answered (or deliberately did not) itself
      const isText = typeof reply.body === "string";
      res.writeHead(reply.status ?? 200, {
        ...(reply.body === undefined ? {} : { "content-type": isText ? "text/plain" : "application/json" }),
        ...reply.headers,
      });
      res.end(
        reply.body === undefined ? undefined : isText ? (reply.body as string) : JSON.stringify(reply.body),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server for the current test only: it is closed when the test finishes, pass or fail. */
export async function serveDuringTest(handler: Handler): Promise<TestServer> {
  const server = await startServer(handler);
  onTestFinished(() => server.close());
  return server;
}

export function envelope(type: string, message: string, extra: Record<string, unknown> = {}) {
  return { type: "error", request_id: "req_test_1", error: { type, message, ...extra } };
}

export const TOKEN = "pt-test-secret-3f9a1c";
