// Absolute paths of the bundled contract, for tools that want a file rather than an import.
import { fileURLToPath } from "node:url";

export const openapiYamlPath = fileURLToPath(new URL("./dist/openapi.yaml", import.meta.url));
export const openapiJsonPath = fileURLToPath(new URL("./dist/openapi.json", import.meta.url));
