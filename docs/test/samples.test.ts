// The generated code samples and the guides' snippets against the real client, and the offline check.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findExternalLoads } from "../scripts/lib/offline.mjs";
import { UI } from "../scripts/lib/ui-strings.mjs";
import {
  bundledOperations,
  bundledSpecText,
  distDir,
  docsDir,
  guidesIn,
  requireBuiltSite,
  SITE_LANGUAGES,
} from "./support/site.js";

requireBuiltSite();
const operations = bundledOperations();

interface CodeSample {
  label: string;
  lang: string;
  source: string;
}
const decorated = parse(readFileSync(join(distDir, "openapi.decorated.yaml"), "utf8")) as {
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, { operationId: string; "x-codeSamples"?: CodeSample[] }>>;
};

describe("generated TypeScript samples", () => {
  it("type-check against the built @qoder-cloud/client (samples and guide snippets)", () => {
    const tsc = join(docsDir, "node_modules", ".bin", "tsc");
    const result = spawnSync(tsc, ["-p", "tsconfig.samples.json", "--pretty", "false"], {
      cwd: docsDir,
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr, "tsc diagnostics").toBe("");
    expect(result.status).toBe(0);
  });

  it.each(SITE_LANGUAGES.map(({ code }) => code))(
    "%s: every guide block the site shows as TypeScript is extracted for tsc and the run",
    (lang) => {
      // Counted in the highlighted site, not by the build's own rule: a fence the highlighter takes as
      // TypeScript (```typescript as well as ```ts) must not be left out of the checks.
      const site = parse(
        readFileSync(join(distDir, ...(lang === "en" ? [] : [lang]), "openapi.decorated.yaml"), "utf8"),
      ) as { tags: Array<{ "x-traitTag"?: boolean; description?: string }> };
      const guideSections = site.tags.filter((tag) => tag["x-traitTag"]);
      const guides = guidesIn(lang);
      expect(guideSections).toHaveLength(guides.length);
      const shown = guides.flatMap(({ file }, i) => {
        const blocks = guideSections[i]?.description?.match(/class="hljs language-typescript"/g) ?? [];
        return blocks.map((_, n) => `${basename(file, ".md")}-${n + 1}.ts`);
      });
      const extracted = readdirSync(join(distDir, "samples", "guides", ...(lang === "en" ? [] : [lang])));
      expect(
        extracted.filter((name) => name.endsWith(".ts")).sort(),
        "dist/samples/guides: one file per TypeScript block of the guides",
      ).toEqual(shown.sort());
    },
  );

  it.each(operations)(
    "$operationId has a sample that calls qoder.$sdkMethod",
    ({ operationId, sdkMethod }) => {
      const source = readFileSync(join(distDir, "samples", `${operationId}.ts`), "utf8");
      expect(source.startsWith("// generated from openapi/ — do not edit")).toBe(true);
      expect(source).toContain(`await qoder.${sdkMethod}(`);
    },
  );
});

describe("decorated spec", () => {
  it.each(operations)("$operationId carries curl, TypeScript and local-mock curl samples", (op) => {
    const samples = decorated.paths[op.path]?.[op.method]?.["x-codeSamples"] ?? [];
    expect(samples.map((sample) => sample.label)).toEqual(["curl", "TypeScript", "curl (local mock)"]);
    const [curl, ts, mockCurl] = samples;
    const pathPrefix = op.path.split("{")[0];
    expect(curl?.source).toContain(
      `curl -X ${op.method.toUpperCase()} "https://api.qoder.com/api/v1/cloud${pathPrefix}`,
    );
    expect(curl?.source).toContain('-H "Authorization: Bearer $QODER_PAT"');
    expect(mockCurl?.source).toContain(`"http://127.0.0.1:4010${pathPrefix}`);
    expect(ts?.source).toContain(`qoder.${op.sdkMethod}(`);
    expect(curl?.source).not.toMatch(/\{[a-z_]+\}/); // path parameters filled with example values
  });

  it.each(["ja", "zh"] as const)(
    "%s: the sample tabs the build names itself are in the site's language, and its prerendered links stay on the site",
    (lang) => {
      const own = parse(
        readFileSync(join(distDir, lang, "openapi.decorated.yaml"), "utf8"),
      ) as typeof decorated;
      const labels = operations.map((op) =>
        own.paths[op.path]?.[op.method]?.["x-codeSamples"]?.map((sample) => sample.label),
      );
      expect(labels).toHaveLength(operations.length);
      for (const tabs of labels) expect(tabs).toEqual(["curl", "TypeScript", UI[lang].mockSampleLabel]);
      expect(UI[lang].mockSampleLabel).not.toBe(UI.en.mockSampleLabel);
      // The menu's and the title's links, prerendered by Redoc from the server root, are under the site.
      const html = readFileSync(join(distDir, lang, "index.html"), "utf8");
      const links = [...html.matchAll(/ href="(\/[^"]*)"/g)].map(([, href]) => href as string);
      expect(links.length).toBeGreaterThanOrEqual(10);
      expect(links.filter((href) => !href.startsWith(`/${lang}/`))).toEqual([]);
      expect(links).toContain(`/${lang}/getting-started`);
      // The encoding as the HTML standard spells it ("utf8" works in browsers, validators refuse it).
      expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="[^"]+">\s*<head>\s*<meta charset="utf-8" \/>/);
    },
  );

  it("points the Overview's URL at Qoder's API overview, not at one operation's page", () => {
    const { info } = decorated as unknown as { info: { contact?: { url?: string } } };
    expect(info.contact?.url).toBe("https://docs.qoder.com/cloud-agents/api/conventions/overview");
  });

  it("lists the local mock as a server, after the real ones", () => {
    const urls = decorated.servers.map((server) => server.url);
    expect(urls[0]).toBe("https://api.qoder.com/api/v1/cloud");
    expect(urls.at(-1)).toBe("http://127.0.0.1:4010");
  });
});

describe("guides", () => {
  it("mention only example names that exist in the contract", () => {
    const guides = readFileSync(join(distDir, "openapi.decorated.yaml"), "utf8");
    const mentioned = [...guides.matchAll(/example=([a-z0-9_]+)/g)].map(([, name]) => name);
    expect(mentioned.length).toBeGreaterThan(0);
    const spec = bundledSpecText();
    for (const name of mentioned) expect(spec, `example "${name}"`).toContain(`"${name}":`);
  });
});

describe("offline check", () => {
  it("flags remote scripts, stylesheets, fonts and images", () => {
    const page = [
      '<script src="https://cdn.example.com/redoc.js"></script>',
      '<link rel="stylesheet" href="//cdn.example.com/x.css">',
      "<style>@font-face{src:url(https://fonts.gstatic.com/s/x.woff2)}</style>",
      '<img src="https://cdn.redoc.ly/redoc/logo-mini.svg">',
    ].join("\n");
    expect(findExternalLoads(page).map((found) => found.kind)).toEqual(
      expect.arrayContaining([
        "script",
        "stylesheet/preload/icon",
        "CSS url() (fonts, images)",
        "image/media/frame",
      ]),
    );
  });

  it.each(["index.html", "ja/index.html", "zh/index.html"])("finds nothing in the built %s", (page) => {
    expect(findExternalLoads(readFileSync(join(distDir, page), "utf8"))).toEqual([]);
  });
});
