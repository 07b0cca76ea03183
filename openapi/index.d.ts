/** Absolute path of the bundled contract as YAML (built by `pnpm build`). */
export declare const openapiYamlPath: string;
/** Absolute path of the bundled contract as JSON (built by `pnpm build`). */
export declare const openapiJsonPath: string;
/**
 * The contract as one side of the wire sees it: a copy of `document` in which the properties of the
 * other side are not required ("request": readOnly ones, "response": writeOnly ones), since JSON
 * Schema cannot say "required in one direction only".
 */
export declare function forDirection<T extends object>(document: T, direction: "request" | "response"): T;
/** The methods an OpenAPI Path Item may hold an operation under, in the specification's order. */
export declare const HTTP_METHODS: readonly [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
];
/**
 * Follows `node`'s local `$ref`s to the node they point at, and says where that is as a URI fragment
 * (`#/components/schemas/Deployment`; `at` when `node` is no reference). A reference that is not local,
 * loops, or points nowhere throws.
 */
export declare function resolveRefAt(
  document: object,
  node: unknown,
  at?: string,
): { node: unknown; at: string };
/** `node` with its local `$ref`s followed (see resolveRefAt). */
export declare function resolveRef(document: object, node: unknown): unknown;
/**
 * The envelope's `error.type` for each error status, as the contract states it (the description of
 * `components.schemas.ErrorType`, each type one of its enum). Throws when the description maps nothing,
 * or a type the enum lacks.
 */
export declare function errorTypeByStatus(document: object): Record<number, string>;
