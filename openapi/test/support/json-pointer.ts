// JSON Pointer helpers for walking the bundled spec (RFC 6901), with internal "#/…" $ref resolution.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function escapeToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((token) => `/${escapeToken(String(token))}`).join("");
}

export function getAt(doc: Json, at: string): Json | undefined {
  if (at === "") return doc;
  let node: Json | undefined = doc;
  for (const raw of at.slice(1).split("/")) {
    const token = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
  }
  return node;
}

/** Follows internal $refs until a non-ref node; returns it with the pointer where it lives. */
export function deref(doc: Json, node: Json | undefined, at: string): { node: Json | undefined; at: string } {
  const seen = new Set<string>();
  let current = node;
  let where = at;
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#"))
      throw new Error(`External $ref "${ref}" at ${where}: the bundle should only hold internal refs.`);
    if (seen.has(ref)) throw new Error(`Circular $ref "${ref}" at ${where}.`);
    seen.add(ref);
    where = decodeURIComponent(ref.slice(1));
    current = getAt(doc, where);
    if (current === undefined) throw new Error(`Unresolvable $ref "${ref}".`);
  }
  return { node: current, at: where };
}
