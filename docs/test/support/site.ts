// What the tests know about the built site: paths, the bundle it was built from, the guides.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openapiJsonPath } from "@qoder-cloud/openapi";

export const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const distDir = join(docsDir, "dist");

export function requireBuiltSite(): void {
  if (!existsSync(join(distDir, "index.html"))) {
    throw new Error(
      "docs/dist/index.html is missing: run `pnpm docs:build` (turbo builds it before `pnpm test`).",
    );
  }
}

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  sdkMethod: string;
  tag: string;
}

/** Every operation of the bundled contract, enumerated independently of the docs build. */
export function bundledOperations(): SpecOperation[] {
  const spec = JSON.parse(readFileSync(openapiJsonPath, "utf8")) as {
    paths: Record<
      string,
      Record<string, { operationId?: string; summary?: string; tags?: string[]; "x-sdk-method"?: string }>
    >;
  };
  const methods = new Set(["get", "put", "post", "delete", "patch", "head", "options", "trace"]);
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.has(method))
      .map(([method, op]) => ({
        operationId: String(op.operationId),
        method,
        path,
        summary: String(op.summary),
        sdkMethod: String(op["x-sdk-method"]),
        tag: String(op.tags?.[0]),
      })),
  );
}

export function bundledSpecText(): string {
  return readFileSync(openapiJsonPath, "utf8");
}

/** The guide titles (first `# ` line of each docs/guides/*.md), in navigation order. */
export function guideTitles(): string[] {
  const guidesDir = join(docsDir, "guides");
  return readdirSync(guidesDir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => /^# (.+)$/m.exec(readFileSync(join(guidesDir, name), "utf8"))?.[1]?.trim() ?? name);
}
