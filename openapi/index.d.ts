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
