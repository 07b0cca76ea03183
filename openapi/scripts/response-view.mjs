// Writes dist/openapi.response.json: the bundled contract as the answering side sees it (writeOnly
// properties not required), for validators that take one document for both directions (Prism's proxy).
import { readFileSync, writeFileSync } from "node:fs";
import { forDirection, openapiJsonPath, openapiResponseJsonPath } from "../index.js";

writeFileSync(
  openapiResponseJsonPath,
  JSON.stringify(forDirection(JSON.parse(readFileSync(openapiJsonPath, "utf8")), "response")),
);
