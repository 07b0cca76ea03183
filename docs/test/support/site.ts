// What the tests know about the built site: paths, the bundle it was built from, the guides.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openapiJsonPath } from "@qoder-cloud/openapi";
import { parse as parseYaml } from "yaml";

export const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const distDir = join(docsDir, "dist");

export function requireBuiltSite(): void {
  for (const page of ["index.html", "ja/index.html", "zh/index.html"]) {
    if (!existsSync(join(distDir, page))) {
      throw new Error(
        `docs/dist/${page} is missing: run \`pnpm docs:build\` (turbo builds it before \`pnpm test\`).`,
      );
    }
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

export interface SiteLanguage {
  code: "en" | "ja" | "zh";
  /** The site's root path: `/`, `/ja/`, `/zh/`. */
  path: string;
  htmlLang: string;
  /** The name its switcher link shows. */
  name: string;
}

export const SITE_LANGUAGES: SiteLanguage[] = [
  { code: "en", path: "/", htmlLang: "en", name: "English" },
  { code: "ja", path: "/ja/", htmlLang: "ja", name: "日本語" },
  { code: "zh", path: "/zh/", htmlLang: "zh-Hans", name: "简体中文" },
];

const pointerPart = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/**
 * A text of the contract as the site in `lang` must show it: the English for `en`, else the entry of
 * openapi/translations/<lang>.yaml (read here independently of the build).
 */
export function textIn(lang: SiteLanguage["code"], pointer: string, english: string): string {
  if (lang === "en") return english;
  const file = join(docsDir, "..", "openapi", "translations", `${lang}.yaml`);
  const entries = parseYaml(readFileSync(file, "utf8")) as Record<string, { text?: string }>;
  const text = entries[pointer]?.text;
  if (!text) throw new Error(`${file} has no text for ${pointer}`);
  return text;
}

/** Every operation with the summary and tag label the site in `lang` shows. */
export function operationsIn(lang: SiteLanguage["code"]): Array<SpecOperation & { tagLabel: string }> {
  const spec = JSON.parse(readFileSync(openapiJsonPath, "utf8")) as { tags?: Array<{ name: string }> };
  const tagIndex = new Map((spec.tags ?? []).map((tag, i) => [tag.name, i]));
  return bundledOperations().map((op) => ({
    ...op,
    summary: textIn(lang, `/paths/${pointerPart(op.path)}/${op.method}/summary`, op.summary),
    tagLabel: tagIndex.has(op.tag) ? textIn(lang, `/tags/${tagIndex.get(op.tag)}/name`, op.tag) : op.tag,
  }));
}

/** The guides as the site in `lang` lists them: the section slug (from the English title) and the title shown. */
export function guidesIn(lang: SiteLanguage["code"]): Array<{ slug: string; title: string; file: string }> {
  const guidesDir = join(docsDir, "guides");
  const titleOf = (file: string) =>
    /^# (.+)$/m.exec(readFileSync(file, "utf8").replace(/^---\n[\s\S]*?\n---\n/, ""))?.[1]?.trim() ?? file;
  return readdirSync(guidesDir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => ({
      slug: titleOf(join(guidesDir, name))
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, ""),
      title: titleOf(lang === "en" ? join(guidesDir, name) : join(guidesDir, lang, name)),
      file: lang === "en" ? join(guidesDir, name) : join(guidesDir, lang, name),
    }));
}
