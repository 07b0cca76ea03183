// Which status documents a named example, per operation, read from the bundled contract. Prism looks
// for `Prefer: example=<name>` only among the success responses; with this index the mock also finds
// an error example by its name alone (`example=not_active` → 409), as consumers expect.
import { readFileSync } from "node:fs";
import { resolveRef } from "@qoder-cloud/openapi";

type Json = { [key: string]: unknown };

/** The statuses whose responses document `example` on the operation of `method` and `path` (none: unknown). */
export type StatusOfExample = (method: string, path: string, example: string) => number[];

interface OperationExamples {
  method: string;
  pattern: RegExp;
  /** Example name → the statuses that document it (a name can recur across statuses). */
  statuses: Map<string, number[]>;
}

/** Reads a JSON OpenAPI document; undefined when it is not JSON (e.g. a YAML `specPath`). */
export function loadStatusOfExample(jsonSpecPath: string): StatusOfExample | undefined {
  let spec: Json;
  try {
    spec = JSON.parse(readFileSync(jsonSpecPath, "utf8")) as Json;
  } catch {
    return undefined;
  }
  // A reference this lookup cannot follow (to another file, as a custom specPath may hold: Prism resolves
  // it) names no example here: such an example then needs `code=` too.
  const resolve = (node: unknown): Json => {
    try {
      return (resolveRef(spec, node) ?? {}) as Json;
    } catch {
      return {};
    }
  };

  const operations: OperationExamples[] = [];
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, Json>)) {
    for (const [method, operation] of Object.entries(item)) {
      const responses = (operation as Json)?.responses as Record<string, unknown> | undefined;
      if (!responses) continue;
      const statuses = new Map<string, number[]>();
      for (const [status, response] of Object.entries(responses)) {
        const content = (resolve(response).content ?? {}) as Record<string, Json>;
        for (const media of Object.values(content)) {
          for (const name of Object.keys((media.examples ?? {}) as Json)) {
            statuses.set(name, [...(statuses.get(name) ?? []), Number(status)]);
          }
        }
      }
      const pattern = new RegExp(
        `^${path
          .split(/\{[^}]+\}/)
          .map(literal)
          .join("[^/]+")}$`,
      );
      operations.push({ method: method.toUpperCase(), pattern, statuses });
    }
  }

  return (method, path, example) => {
    const operation = operations.find((op) => op.method === method && op.pattern.test(path));
    return operation?.statuses.get(example) ?? [];
  };
}

/** A path template's own characters, matched as they are (a custom spec's path may hold `(` or `.`). */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const NO_PREFER = { value: undefined } as const;

/**
 * The `Prefer` directives the mock acts on, `code=<status>` and `example=<name>` (Prism's), normalized.
 * Other preferences (RFC 7240's `return=…`, `respond-async`, Prism's `dynamic`) are ignored, as RFC 7240
 * lets a server do: a client that always sends one still reaches the simulator, or a documented example.
 */
export function mockPrefer(
  header: string | string[] | undefined,
): { value: string | undefined } | { problem: string } {
  if (header === undefined) return NO_PREFER; // nearly every request: nothing to parse or allocate
  const text = Array.isArray(header) ? header.join(", ") : header;
  const given = new Map<string, string>();
  for (const part of text.split(/[,;]/)) {
    const match = /^\s*(code|example)\s*=\s*"?([^"]*?)"?\s*$/i.exec(part);
    if (!match) continue;
    const name = (match[1] as string).toLowerCase();
    const value = match[2] as string;
    if (name === "code" && !/^[1-5]\d\d$/.test(value))
      return { problem: `Prefer: code must be an HTTP status such as 404, got "${value}".` };
    if (name === "example" && !/^[\w.-]+$/.test(value))
      return { problem: `Prefer: example must be an example name such as already_paused, got "${value}".` };
    // Two different answers asked for at once: which one was meant is not for the mock to guess.
    const earlier = given.get(name);
    if (earlier !== undefined && earlier !== value)
      return {
        problem: `Prefer: ${name} is given twice (${name}=${earlier} and ${name}=${value}); give one.`,
      };
    given.set(name, value);
  }
  return {
    value: given.size > 0 ? [...given].map(([name, value]) => `${name}=${value}`).join(", ") : undefined,
  };
}

/**
 * The Prefer header for Prism: `code=<status>` added to one that names an example documented under a
 * single status; a problem when it asks for a status that does not document the example (Prism would
 * answer another response). An unknown name is left to Prism, which refuses it.
 */
export function preferWithStatus(
  prefer: string | undefined,
  method: string,
  path: string,
  statusOf: StatusOfExample | undefined,
): { value: string | undefined } | { problem: string } {
  const example = prefer && statusOf && /(?:^|, )example=([^,]+)/.exec(prefer)?.[1];
  if (!example) return { value: prefer };
  const statuses = (statusOf as StatusOfExample)(method, path.split("?")[0] ?? path, example);
  const code = /(?:^|, )code=(\d+)/.exec(prefer as string)?.[1];
  if (code === undefined) return { value: statuses.length === 1 ? `code=${statuses[0]}, ${prefer}` : prefer };
  if (statuses.length === 0 || statuses.includes(Number(code))) return { value: prefer };
  return {
    problem: `Prefer: example=${example} is documented for ${statuses.join(" and ")} of ${method} ${path.split("?")[0]}, not for ${code}. Ask for code=${statuses[0]}, or drop code=.`,
  };
}

/** The path templates of a JSON OpenAPI document (`/deployments/{deployment_id}` …); none for YAML. */
export function loadPathTemplates(jsonSpecPath: string): string[] {
  try {
    return Object.keys((JSON.parse(readFileSync(jsonSpecPath, "utf8")) as Json).paths ?? {});
  } catch {
    return [];
  }
}
