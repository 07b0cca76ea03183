/** Absolute path of the bundled contract as YAML (built by `pnpm build`). */
export declare const openapiYamlPath: string;
/** Absolute path of the bundled contract as JSON (built by `pnpm build`). */
export declare const openapiJsonPath: string;
