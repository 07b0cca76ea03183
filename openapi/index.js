// Absolute paths of the bundled contract, for tools that want a file rather than an import,
// forDirection(): the contract as one side of the wire sees it, the two things every reader of the
// bundle needs: the methods a path item holds operations under, and its local `$ref`s followed, and
// errorTypeByStatus(): the error.type the contract fixes for each error status.
import { fileURLToPath } from "node:url";

export const openapiYamlPath = fileURLToPath(new URL("./dist/openapi.yaml", import.meta.url));
export const openapiJsonPath = fileURLToPath(new URL("./dist/openapi.json", import.meta.url));

/**
 * The contract as one side of the wire sees it. OpenAPI's readOnly / writeOnly make a required property
 * required in one direction only (a repository's `authorization_token` is sent, never returned), which
 * JSON Schema cannot say: validators compile the copy this returns, in which the properties of the other
 * side are not required ("request": readOnly ones, "response": writeOnly ones).
 * @param {object} document the bundled contract (not changed)
 * @param {"request" | "response"} direction
 */
export function forDirection(document, direction) {
  const flag = direction === "request" ? "readOnly" : "writeOnly";
  const copy = structuredClone(document);
  /** Whether a property is of the other side; one whose `$ref` points to another file stays required. */
  const flagged = (property) => {
    try {
      return resolveRef(copy, property)?.[flag] === true;
    } catch {
      return false;
    }
  };
  const visit = (node) => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (Array.isArray(node.required) && node.properties) {
      node.required = node.required.filter((name) => !flagged(node.properties[name]));
    }
    Object.values(node).forEach(visit);
  };
  visit(copy);
  return copy;
}

/** The methods an OpenAPI Path Item may hold an operation under, in the specification's order. */
export const HTTP_METHODS = Object.freeze([
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
]);

/**
 * Follows `node`'s local `$ref`s (`#/components/…`, RFC 6901 escapes) to the node they point at, and
 * says where that is as a URI fragment (`#/components/schemas/Deployment`; `at` when `node` is no
 * reference). A reference that is not local, loops, or points nowhere throws: the bundle holds none.
 * @param {object} document the bundled contract
 * @param {unknown} node
 * @param {string} [at] where `node` itself lives
 */
export function resolveRefAt(document, node, at = "") {
  let current = node;
  let where = at;
  const seen = new Set();
  while (current !== null && typeof current === "object" && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`Only local $refs are supported in the bundle, got "${ref}"`);
    if (seen.has(ref)) throw new Error(`Circular $ref "${ref}"`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split("/")
      .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((parent, token) => parent?.[token], document);
    if (current === undefined) throw new Error(`Unresolvable $ref "${ref}"`);
    where = ref;
  }
  return { node: current, at: where };
}

/**
 * `node` with its local `$ref`s followed (see resolveRefAt).
 * @param {object} document
 * @param {unknown} node
 */
export const resolveRef = (document, node) => resolveRefAt(document, node).node;

/**
 * The envelope's `error.type` for each error status, as the contract itself states it: the description
 * of `components.schemas.ErrorType` ("fixed per HTTP status: 400 `invalid_request_error`, …"), each type
 * one of that schema's enum. The one mapping the contract's example checks and the client's contract tests
 * read. A description that maps nothing, or maps a status to a type the enum lacks, throws.
 * @param {object} document the bundled contract
 * @returns {Record<number, string>}
 */
export function errorTypeByStatus(document) {
  const schema = document?.components?.schemas?.ErrorType;
  const pairs = [...String(schema?.description ?? "").matchAll(/\b([45]\d\d) `(\w+)`/g)];
  if (pairs.length === 0)
    throw new Error(
      "components.schemas.ErrorType's description maps no status to a type (e.g. 404 `not_found_error`)",
    );
  const types = new Set(schema.enum ?? []);
  const byStatus = {};
  for (const [, status, type] of pairs) {
    if (!types.has(type))
      throw new Error(`ErrorType's description maps ${status} to \`${type}\`, which its enum does not hold`);
    byStatus[status] = type;
  }
  return byStatus;
}
