// Absolute paths of the bundled contract, for tools that want a file rather than an import, and
// forDirection(): the contract as one side of the wire sees it.
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
  /** A schema, its internal `$ref`s followed. */
  const resolve = (node) => {
    let current = node;
    for (
      let hops = 0;
      typeof current?.$ref === "string" && current.$ref.startsWith("#/") && hops < 32;
      hops++
    ) {
      current = current.$ref
        .slice(2)
        .split("/")
        .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"))
        .reduce((parent, token) => parent?.[token], copy);
    }
    return current;
  };
  const visit = (node) => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (Array.isArray(node.required) && node.properties) {
      node.required = node.required.filter((name) => resolve(node.properties[name])?.[flag] !== true);
    }
    Object.values(node).forEach(visit);
  };
  visit(copy);
  return copy;
}
