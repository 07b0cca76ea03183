// The translation gate: every text of the contract and every guide has a current Japanese and Chinese
// version; a missing one fails (and says where), a stale one (English changed since) is reported.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  anchorHeadings,
  headingSlug,
  rewriteGuideLinks,
  showOwnDescriptions,
} from "../scripts/lib/decorate.mjs";
import { typescriptBlocks } from "../scripts/lib/fences.mjs";
import { highlightFences, keepWhitespace } from "../scripts/lib/highlight.mjs";
import {
  applyTranslations,
  checkTranslations,
  extractTexts,
  formatReport,
  getAt,
  guideFrontMatter,
  languageReport,
  missesTranslations,
  readTranslatedGuide,
  readTranslations,
  TRANSLATED,
} from "../scripts/lib/i18n.mjs";
import {
  extraUiStrings,
  missingUiStrings,
  staleUiStrings,
  UI,
  UI_TRANSLATED_FROM,
} from "../scripts/lib/ui-strings.mjs";
import { bundledSpecText, docsDir } from "./support/site.js";

type Spec = Record<string, unknown>;
const spec = JSON.parse(bundledSpecText()) as Spec;
// The seed page lives outside the repository (next to the CI checkout); its lines that matter here are
// committed as a fixture, checked against the page whenever it is present.
const SEED_FIXTURE = join(docsDir, "test", "fixtures", "seed-ja-wording.txt");
function findSeedPage(): string | undefined {
  for (let dir = join(docsDir, "..", ".."); ; dir = join(dir, "..")) {
    const candidate = join(dir, "shared", "seed", "000_0f2ef10c7ab7de98.txt");
    if (existsSync(candidate)) return candidate;
    if (join(dir, "..") === dir) return undefined;
  }
}

const scratch = mkdtempSync(join(tmpdir(), "qoder-docs-i18n-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small contract with one text of every kind, and data that must never be translated. */
const fixture = {
  openapi: "3.1.0",
  info: { title: "Demo API", version: "1.0.0", description: "About the API." },
  servers: [{ url: "https://example.test", description: "Production" }],
  tags: [{ name: "Things", description: "Thing operations." }],
  paths: {
    "/things/{id}": {
      get: {
        tags: ["Things"],
        summary: "Get a thing",
        description: "Returns one thing.",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            description: "The thing's ID.",
            schema: { type: "string" },
          },
          { $ref: "#/components/parameters/Limit" },
        ],
        responses: {
          "200": {
            description: "The thing.",
            headers: { "x-request-id": { description: "Request ID.", schema: { type: "string" } } },
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Thing" },
                examples: {
                  one: { summary: "One thing", value: { description: "data, not prose", summary: "data" } },
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    parameters: {
      Limit: {
        name: "limit",
        in: "query",
        description: "Page size.",
        schema: { type: "integer", default: 20 },
      },
    },
    schemas: {
      Thing: {
        type: "object",
        description: "A thing.",
        title: "Thing",
        properties: {
          description: { type: "string", description: "What the thing is.", examples: ["an example value"] },
          kind: { type: "string", enum: ["a", "b"], default: "a" },
        },
      },
    },
  },
};

const fixturePointers = [
  "/info/title",
  "/info/description",
  "/servers/0/description",
  "/tags/0/name",
  "/tags/0/description",
  "/paths/~1things~1{id}/get/summary",
  "/paths/~1things~1{id}/get/description",
  "/paths/~1things~1{id}/get/parameters/0/description",
  "/paths/~1things~1{id}/get/responses/200/description",
  "/paths/~1things~1{id}/get/responses/200/headers/x-request-id/description",
  "/paths/~1things~1{id}/get/responses/200/content/application~1json/examples/one/summary",
  "/components/parameters/Limit/description",
  "/components/schemas/Thing/description",
  "/components/schemas/Thing/properties/description/description",
];

describe("extracting the translatable texts", () => {
  it("finds every kind of text by JSON Pointer, and no example value, default, enum or schema title", () => {
    const texts = extractTexts(fixture);
    expect(texts.map((t) => t.pointer)).toEqual(fixturePointers);
    for (const { pointer, en } of texts) expect(getAt(fixture, pointer), pointer).toBe(en);
    const english = texts.map((t) => t.en).join("\n");
    expect(english).not.toContain("data, not prose");
    expect(english).not.toContain("an example value");
  });

  it("covers the real contract's operations, parameters, schemas, responses and examples", () => {
    const pointers = extractTexts(spec).map((t) => t.pointer);
    expect(pointers).toContain("/paths/~1deployments/get/summary");
    expect(pointers).toContain("/components/parameters/Limit/description");
    expect(pointers).toContain("/components/schemas/DeploymentList/properties/next_page/description");
    expect(pointers).toContain("/components/responses/Unauthorized/description");
    expect(pointers).toContain("/components/headers/RetryAfter/description");
    expect(pointers).toContain("/components/examples/DeploymentListExample/summary");
    expect(pointers.some((p) => p.includes("/value/"))).toBe(false);
  });
});

describe("missing and stale translations", () => {
  const current = { text: "翻訳" };
  it("keeps a translation whose English changed only in spaces ending a line or the text (YAML chomping), not in a line break or a word", () => {
    const texts = extractTexts(fixture);
    const entries: Record<string, { en: string; text: string }> = {};
    for (const { pointer, en } of texts) entries[pointer] = { en, ...current };
    const thing = "/components/schemas/Thing/description";
    const english = texts.find(({ pointer }) => pointer === thing)?.en as string;
    for (const was of [`${english}\n`, `\n${english}  `, english.replace(/$/m, " \t")])
      expect(
        checkTranslations(fixture, { ...entries, [thing]: { en: was, ...current } }).stale,
        JSON.stringify(was),
      ).toEqual([]);
    for (const was of [
      english.replace(" ", "\n"),
      english.replace(" ", "  "),
      `${english} More.`,
      `    ${english}`,
    ])
      expect(
        checkTranslations(fixture, { ...entries, [thing]: { en: was, ...current } }).stale.map(
          (s) => s.pointer,
        ),
        JSON.stringify(was),
      ).toEqual([thing]);
  });

  it("counts an absent entry and an empty stub as missing, a changed English as stale, and applies the rest", () => {
    const texts = extractTexts(fixture);
    const entries: Record<string, { en: string; text: string }> = {};
    for (const { pointer, en } of texts) entries[pointer] = { en, ...current };
    delete entries["/info/title"]; // absent
    entries["/info/description"] = { en: "About the API.", text: "" }; // a stub
    entries["/components/schemas/Thing/description"] = { en: "A thing, as it was.", text: "古い訳" }; // stale
    entries["/components/schemas/Gone/description"] = { en: "Removed.", text: "削除済み" }; // orphan

    const result = checkTranslations(fixture, entries);
    expect(result.missing.map((m) => m.pointer)).toEqual(["/info/title", "/info/description"]);
    expect(result.stale).toEqual([
      { pointer: "/components/schemas/Thing/description", en: "A thing.", was: "A thing, as it was." },
    ]);
    expect(result.orphaned).toEqual(["/components/schemas/Gone/description"]);

    const translated = applyTranslations(fixture, result.texts) as typeof fixture & {
      tags: Array<{ name: string; "x-displayName"?: string }>;
    };
    expect(translated.paths["/things/{id}"].get.summary).toBe("翻訳");
    expect(translated.components.schemas.Thing.description).toBe("A thing."); // stale stays English
    expect(translated.tags[0]).toMatchObject({ name: "Things", "x-displayName": "翻訳" }); // ids stay stable
    expect(
      translated.paths["/things/{id}"].get.responses["200"].content["application/json"].examples.one.value,
    ).toEqual(
      fixture.paths["/things/{id}"].get.responses["200"].content["application/json"].examples.one.value,
    );
    expect(fixture.paths["/things/{id}"].get.summary).toBe("Get a thing"); // the input is not modified

    const report = formatReport({
      ...result,
      file: "/x/openapi/translations/ja.yaml",
      missingGuides: ["docs/guides/ja/01-a.md"],
      staleGuides: [],
    });
    expect(report).toContain('missing openapi/translations/ja.yaml /info/title: "Demo API"');
    expect(report).toContain(
      'stale   openapi/translations/ja.yaml /components/schemas/Thing/description: now "A thing."',
    );
    expect(report).toContain("missing docs/guides/ja/01-a.md");
  });

  it("counts a text left as its English as missing, unless the English is a name, a value or only code", () => {
    const texts = extractTexts(fixture);
    const entries: Record<string, { en: string; text: string }> = {};
    // Every text copied, untranslated (one with its spaces doubled: still the English).
    for (const { pointer, en } of texts) entries[pointer] = { en, text: en.replaceAll(" ", "  ") };
    const result = checkTranslations(fixture, entries);
    const untranslated = result.missing.filter((m) => (m as { untranslated?: boolean }).untranslated);
    // "Returns one thing.", "What the thing is." and "Get a thing" are prose; "Demo API" and
    // "Production" may stay as they are.
    const flagged = untranslated.map((m) => m.pointer);
    expect(flagged).toEqual(
      expect.arrayContaining([
        "/paths/~1things~1{id}/get/description",
        "/components/schemas/Thing/properties/description/description",
        "/paths/~1things~1{id}/get/summary",
      ]),
    );
    expect(flagged).not.toContain("/info/title");
    expect(flagged).not.toContain("/servers/0/description");
    expect(result.texts.get("/info/title")).toBe("Demo  API");
    const report = formatReport({
      ...result,
      file: "/x/openapi/translations/ja.yaml",
      missingGuides: [],
      staleGuides: [],
    });
    expect(report).toContain(
      'missing openapi/translations/ja.yaml /paths/~1things~1{id}/get/description: "Returns one thing." (the text is still the English)',
    );
  });

  it("counts a translated guide that is the English copied in as missing, whatever its front matter says", () => {
    const guides = mkdtempSync(join(tmpdir(), "i18n-guides-"));
    try {
      const english = "# A\n\nSome words here, and more of them.\n";
      writeFileSync(join(guides, "01-a.md"), english);
      mkdirSync(join(guides, "ja"));
      writeFileSync(join(guides, "ja", "01-a.md"), `${guideFrontMatter("01-a.md", english)}${english}`);
      expect(readTranslatedGuide("ja", "01-a.md", guides).status).toBe("missing");
      writeFileSync(
        join(guides, "ja", "01-a.md"),
        `${guideFrontMatter("01-a.md", english)}${english}<!-- ja -->\n`,
      );
      expect(readTranslatedGuide("ja", "01-a.md", guides).status).toBe("missing");
      writeFileSync(join(guides, "ja", "01-a.md"), `${guideFrontMatter("01-a.md", english)}# A\n\n言葉。\n`);
      expect(readTranslatedGuide("ja", "01-a.md", guides).status).toBe("current");
    } finally {
      rmSync(guides, { recursive: true, force: true });
    }
  });

  it("names each code comment of a translated guide left as its English prose (not a value, not outside code)", () => {
    const guides = mkdtempSync(join(tmpdir(), "i18n-comments-"));
    try {
      const english = [
        "# A",
        "",
        "Some words here. // Not code: prose outside a block.",
        "",
        "```ts",
        "const a = 1; // the answer to every question",
        "```js",
        "// A fence line with a language inside a block does not close it.",
        'fetch("http://127.0.0.1:4010/x"); // true',
        "// Every deployment, page after page.",
        'const s = "a string with // double slashes inside it";',
        "console.log(page); // => { data: [], has_more: true, last_id: null }",
        "/** Lists every deployment, one page at a time. */",
        "/*",
        " * Walks the pages until has_more is false.",
        " */",
        "//no space after the slashes here",
        "```",
        "",
        "~~~sh",
        "pnpm mock   # in this repository, on port 4010",
        'echo "see # the docs here"',
        "~~~",
        "",
        "```json",
        '{ "note": "value # with hash and more words" }',
        "```",
        "",
        "```md",
        "# A heading in a sample of Markdown",
        "```",
        "",
      ].join("\n");
      writeFileSync(join(guides, "01-a.md"), english);
      mkdirSync(join(guides, "ja"));
      const translated = english
        .replace("Some words here.", "言葉。")
        .replace("// Every deployment, page after page.", "// すべての Deployment をページごとに。");
      writeFileSync(join(guides, "ja", "01-a.md"), `${guideFrontMatter("01-a.md", english)}${translated}`);
      const found = readTranslatedGuide("ja", "01-a.md", guides);
      expect(found).toMatchObject({
        status: "current",
        untranslatedComments: [
          "the answer to every question",
          "A fence line with a language inside a block does not close it.",
          "Lists every deployment, one page at a time.",
          "Walks the pages until has_more is false.",
          "no space after the slashes here",
          "in this repository, on port 4010",
        ],
      });
      const report = formatReport({
        file: "/x/openapi/translations/ja.yaml",
        missing: [],
        stale: [],
        orphaned: [],
        missingGuides: [],
        staleGuides: [],
        untranslatedGuideComments: [{ location: found.location, comment: "the answer to every question" }],
      });
      expect(report).toBe(
        '  missing docs/guides/ja/01-a.md: a code comment is still the English: "the answer to every question"',
      );
      // It fails the docs build as a missing translation does (not shown as stale).
      const inLanguage = languageReport(spec, "ja", { guides });
      expect(inLanguage.untranslatedGuideComments).toHaveLength(6);
      expect(missesTranslations(inLanguage)).toBe(true);
      expect(missesTranslations({ ...inLanguage, untranslatedGuideComments: [] })).toBe(false);
    } finally {
      rmSync(guides, { recursive: true, force: true });
    }
  });

  it("flags a translated guide whose English changed since, and one that does not exist", () => {
    const guides = join(scratch, "guides");
    mkdirSync(join(guides, "ja"), { recursive: true });
    writeFileSync(join(guides, "01-a.md"), "# A\n\nEnglish.\n");
    writeFileSync(join(guides, "02-b.md"), "# B\n\nEnglish.\n");
    writeFileSync(
      join(guides, "ja", "01-a.md"),
      `${guideFrontMatter("01-a.md", "# A\n\nEnglish.\n")}# エー\n\n日本語。\n`,
    );
    expect(readTranslatedGuide("ja", "01-a.md", guides)).toMatchObject({
      status: "current",
      markdown: "# エー\n\n日本語。\n",
    });
    expect(readTranslatedGuide("ja", "02-b.md", guides).status).toBe("missing");
    writeFileSync(join(guides, "01-a.md"), "# A\n\nEnglish, edited.\n");
    // Stale: no text to show, so the site shows the English until the translation is updated.
    expect(readTranslatedGuide("ja", "01-a.md", guides)).toEqual({
      location: "docs/guides/ja/01-a.md",
      status: "stale",
    });
  });

  it("`i18n.mjs write-missing` adds stubs that `check` still reports as missing, naming each location", () => {
    const specFile = join(scratch, "fixture.json");
    const dir = join(scratch, "translations");
    const guides = join(scratch, "no-guides");
    mkdirSync(dir, { recursive: true });
    mkdirSync(guides, { recursive: true });
    writeFileSync(specFile, JSON.stringify(fixture));
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [join(docsDir, "scripts", "i18n.mjs"), ...args, "--spec", specFile, "--dir", dir, "--guides", guides],
        {
          encoding: "utf8",
        },
      );
    const write = cli("write-missing", "--lang", "ja");
    expect(write.status, write.stderr).toBe(0);
    const stubs = readTranslations("ja", dir).entries as Record<string, { en: string; text: string }>;
    expect(Object.keys(stubs)).toEqual(fixturePointers);
    expect(stubs["/info/title"]).toEqual({ en: "Demo API", text: "" });

    const check = cli("check", "--lang", "ja");
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`ja: 0 current, ${fixturePointers.length} missing`);
    expect(check.stdout).toContain("/paths/~1things~1{id}/get/summary");

    // Filled in, the gate passes; the English edited afterwards, it reports the entry as stale.
    const filled = readFileSync(join(dir, "ja.yaml"), "utf8").replaceAll('text: ""', "text: 訳文");
    writeFileSync(join(dir, "ja.yaml"), filled);
    expect(cli("check", "--lang", "ja").status).toBe(0);
    // Nothing missing: write-missing leaves the file as it is, however it was written (no churn in a PR).
    const handWritten = filled.replace("text: 訳文", 'text: "訳文"');
    writeFileSync(join(dir, "ja.yaml"), handWritten);
    expect(cli("write-missing", "--lang", "ja").stdout).toContain("nothing missing");
    expect(readFileSync(join(dir, "ja.yaml"), "utf8")).toBe(handWritten);
    writeFileSync(join(dir, "ja.yaml"), filled);
    // A translation with no English any more fails `check` as it fails the test gate: a text, a guide.
    writeFileSync(
      join(dir, "ja.yaml"),
      `${filled}/components/schemas/Gone/description:\n  en: Gone.\n  text: 消えた\n`,
    );
    const orphanText = cli("check", "--lang", "ja");
    expect(orphanText.status).toBe(1);
    expect(orphanText.stdout).toContain(
      "ja.yaml /components/schemas/Gone/description: no such text any more",
    );
    writeFileSync(join(dir, "ja.yaml"), filled);
    mkdirSync(join(guides, "ja"));
    writeFileSync(join(guides, "ja", "99-gone.md"), "# 消えたガイド\n");
    const orphanGuide = cli("check", "--lang", "ja");
    expect(orphanGuide.status).toBe(1);
    expect(orphanGuide.stdout).toContain("orphan  docs/guides/ja/99-gone.md: no English guide of that name");
    rmSync(join(guides, "ja"), { recursive: true });
    expect(cli("check", "--lang", "ja").status).toBe(0);
    writeFileSync(specFile, JSON.stringify({ ...fixture, info: { ...fixture.info, title: "Demo API v2" } }));
    const stale = cli("check", "--lang", "ja");
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain("stale   ");
    expect(stale.stdout).toContain('/info/title: now "Demo API v2" (translated from "Demo API")');

    const bad = cli("check", "--lang", "fr");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--lang must be one of ja, zh, got "fr"');
  });

  it("the docs build refuses a contract with an untranslated text, listing it", () => {
    const extended = structuredClone(spec) as {
      info: { description: string };
      tags: Array<{ name: string; description?: string }>;
    };
    extended.tags.push({ name: "Agents", description: "Agents a deployment runs." });
    extended.info.description = `${extended.info.description}\n\nA sentence nobody has translated yet.`;
    const specFile = join(scratch, "extended.json");
    writeFileSync(specFile, JSON.stringify(extended));
    const build = spawnSync(process.execPath, [join(docsDir, "scripts", "build.mjs"), "--spec", specFile], {
      encoding: "utf8",
    });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain("translations are missing");
    const tag = extended.tags.length - 1;
    for (const lang of TRANSLATED) {
      expect(build.stderr).toContain(`missing openapi/translations/${lang}.yaml /tags/${tag}/name: "Agents"`);
      expect(build.stderr).toContain(`missing openapi/translations/${lang}.yaml /tags/${tag}/description`);
      expect(build.stderr).toContain(`stale   openapi/translations/${lang}.yaml /info/description`);
    }
  });
});

describe("the project's translations (the gate)", () => {
  it("every text the build writes itself exists in every language (a missing one would show as undefined)", () => {
    expect(missingUiStrings()).toEqual([]);
    const broken = structuredClone(UI) as Record<string, Record<string, unknown>>;
    delete broken.ja?.tableShows;
    (broken.zh?.sampleComments as Record<string, string>).firstPage = " ";
    expect(missingUiStrings(broken)).toEqual(["ja.tableShows", "zh.sampleComments.firstPage"]);
  });

  it("every text of a language has an English one (a key only ja or zh has is a typo or a dropped text)", () => {
    expect(extraUiStrings()).toEqual([]);
    const extra = structuredClone(UI) as Record<string, Record<string, unknown>>;
    (extra.ja as Record<string, unknown>).extraKey = "余分";
    (extra.zh?.sampleComments as Record<string, string>).lastPage = "最后一页";
    // Named like an Object.prototype member: still a key English does not have.
    Object.assign(extra.ja as object, { toString: "文字列" });
    expect(extraUiStrings(extra)).toEqual(["ja.extraKey", "ja.toString", "zh.sampleComments.lastPage"]);
    expect(missingUiStrings(extra)).toEqual([]); // what the English has is all there
  });

  it("a text the build writes itself whose English changed since it was translated is stale, named with both Englishes", () => {
    expect(staleUiStrings()).toEqual([]);
    const changed = structuredClone(UI) as Record<string, Record<string, unknown>>;
    (changed.en as Record<string, unknown>).mockServer = "Local mock (pnpm mock); only a pt- token works";
    (changed.en?.sampleComments as Record<string, string>).firstPage = "The first page.";
    expect(staleUiStrings(changed)).toEqual([
      'ja.mockServer: now "Local mock (pnpm mock); only a pt- token works" (translated from "Local mock (pnpm mock); any bearer token works")',
      'ja.sampleComments.firstPage: now "The first page." (translated from "Awaiting gives the first page.")',
      'zh.mockServer: now "Local mock (pnpm mock); only a pt- token works" (translated from "Local mock (pnpm mock); any bearer token works")',
      'zh.sampleComments.firstPage: now "The first page." (translated from "Awaiting gives the first page.")',
    ]);
    // Each language records its own: the ja translation updated (and its record) leaves zh stale.
    const jaDone = structuredClone(UI_TRANSLATED_FROM);
    jaDone.ja.mockServer = "Local mock (pnpm mock); only a pt- token works";
    jaDone.ja["sampleComments.firstPage"] = "The first page.";
    expect(staleUiStrings(changed, jaDone).map((line) => line.split(":")[0])).toEqual([
      "zh.mockServer",
      "zh.sampleComments.firstPage",
    ]);
  });

  it.each(TRANSLATED)("%s: every contract text and every guide is translated and current", (lang) => {
    const report = languageReport(spec, lang);
    expect(formatReport(report), `run: pnpm docs:i18n check --lang ${lang}`).toBe("");
    expect(report.texts.size).toBe(extractTexts(spec).length);
  });

  it.each(TRANSLATED)("%s: translations keep every `code` span of the English", (lang) => {
    // Identifiers, values and paths are never translated. (The seed's own wording writes a few bare,
    // as in "last_id を次回リクエストの after_id パラメータとして…", so a bare one counts too.)
    const entries = readTranslations(lang).entries as Record<string, { en: string; text: string }>;
    for (const [pointer, { en, text }] of Object.entries(entries)) {
      const codes = new Set([...en.matchAll(/`([^`]+)`/g)].map(([, code]) => code ?? ""));
      const lost = [...codes].filter((code) => !text.includes(code));
      expect(lost, `${lang} ${pointer}`).toEqual([]);
    }
  });
});

describe("translated guides", () => {
  /** The fenced code of a guide, without its comments (which may be translated). */
  const code = (markdown: string) =>
    [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map(
      ([, lang, body]) =>
        `${lang}:${(body ?? "")
          .split("\n")
          .map((line) => line.replace(/(^|\s)(\/\/|#)\s.*$/, "").trimEnd())
          .join("\n")}`,
    );
  const guidesDir = join(docsDir, "guides");
  const files = readdirSync(guidesDir).filter((name) => name.endsWith(".md"));

  it.each(TRANSLATED.flatMap((lang) => files.map((file) => [lang, file])))(
    "%s/%s: same code blocks as the English, same links to other guides",
    (lang, file) => {
      const english = readFileSync(join(guidesDir, file), "utf8");
      const translated = readFileSync(join(guidesDir, lang, file), "utf8");
      expect(code(translated)).toEqual(code(english));
      const links = (text: string) =>
        [...text.matchAll(/\]\(([\w-]+\.md)\)/g)].map(([, target]) => target).sort();
      expect(links(translated)).toEqual(links(english));
      const shape = (text: string) =>
        text
          .replace(/^```[\s\S]*?^```$/gm, "")
          .split("\n")
          .filter((line) => /^#{2,6} /.test(line))
          .map((line) => line.split(" ")[0]);
      expect(shape(translated), "the same sections, in the same order").toEqual(shape(english));
      expect(translated.includes("<!-- generated:example-names -->")).toBe(
        english.includes("<!-- generated:example-names -->"),
      );
    },
  );
});

describe("Japanese GET /deployments in the seed page's own wording", () => {
  const ja = readTranslations("ja").entries as Record<string, { text: string }>;
  const seed = readFileSync(SEED_FIXTURE, "utf8");
  // The seed's tables lost their cell separators ("limitintegerいいえ返却件数…"); compare without
  // spaces, backticks and list commas.
  const norm = (text: string) => text.replace(/[\s`、]/g, "");
  const row = (name: string) => {
    const match = new RegExp(
      `^${name}(?:integer|string or null|string|boolean|array)(?:はい|いいえ)?(.+)$`,
      "m",
    ).exec(seed);
    if (!match?.[1]) throw new Error(`no row "${name}" in the seed`);
    return match[1];
  };

  it("the fixture's lines are the seed page's, verbatim, when the page is present", (ctx) => {
    const page = findSeedPage();
    if (!page) {
      ctx.skip(
        "shared/seed/ is not present above this clone (only the CI workspace has it); the fixture stands in.",
      );
      return;
    }
    const pageLines = new Set(readFileSync(page, "utf8").split(/\r?\n/));
    const lines = seed.split("\n").filter((line) => line && !line.startsWith("#"));
    expect(lines.length).toBe(14);
    for (const line of lines) expect(pageLines.has(line), line).toBe(true);
  });

  it("the description: the seed's sentences", () => {
    const intro = /^GET \/v1\/deployments (.+)$/m.exec(seed)?.[1] ?? "";
    const sentences = intro.split("。").filter(Boolean);
    expect(sentences.length).toBe(3);
    const description = norm(ja["/paths/~1deployments/get/description"]?.text ?? "");
    for (const sentence of sentences) expect(description).toContain(norm(sentence));
    expect(description).toContain(
      norm(
        "last_id を次回リクエストの after_id パラメータとして使用すると、後方ページネーションを実現できます",
      ),
    );
  });

  it.each([
    ["limit", "Limit"],
    ["after_id", "AfterId"],
    ["before_id", "BeforeId"],
    ["status", "DeploymentStatusFilter"],
    ["include_archived", "IncludeArchived"],
    ["agent_id", "AgentIdFilter"],
  ])("the %s parameter row", (name, component) => {
    expect(norm(ja[`/components/parameters/${component}/description`]?.text ?? "")).toContain(
      norm(row(name)),
    );
  });

  it.each(["data", "first_id", "last_id", "has_more", "next_page"])("the %s response field row", (name) => {
    const text = ja[`/components/schemas/DeploymentList/properties/${name}/description`]?.text ?? "";
    expect(norm(text)).toContain(norm(row(name)));
  });

  it("the 401 row", () => {
    const wording = /^401authentication_error(.+)$/m.exec(seed)?.[1] ?? "";
    expect(wording).toBe("PAT が無効または期限切れ");
    expect(ja["/components/responses/Unauthorized/description"]?.text).toContain(wording);
  });
});

describe("guide headings", () => {
  it("take the English heading's id, and a translation with other sections is refused, naming the file", () => {
    const english =
      "Intro.\n\n## 1. Install the client\n\nText.\n\n```sh\n## not a heading\n```\n\n## Scripting with `Prefer`\n";
    const ja =
      "導入。\n\n## 1. クライアントをインストールする\n\n本文。\n\n```sh\n## not a heading\n```\n\n## `Prefer` で組み立てる\n";
    expect(anchorHeadings(ja, english, "docs/guides/ja/x.md")).toContain(
      '## 1. クライアントをインストールする {% id="1.-install-the-client" %}',
    );
    expect(anchorHeadings(ja, english, "docs/guides/ja/x.md")).toContain(
      '## `Prefer` で組み立てる {% id="scripting-with" %}',
    );
    expect(headingSlug("4. Create, run and watch a deployment")).toBe("4.-create-run-and-watch-a-deployment");
    expect(() => anchorHeadings("## 一つだけ\n", english, "docs/guides/ja/x.md")).toThrow(
      /docs\/guides\/ja\/x\.md has headings at levels \[2\] where the English guide has \[2,2\]/,
    );
  });
});

describe("guide code highlighting", () => {
  it("highlights ts, sh and json fences and keeps the code's whitespace next to real text", () => {
    const html = highlightFences(
      "Text.\n\n```ts\nfor await (const a of b) {}\n```\n\n```\nplain\n```\n",
      "test",
    );
    expect(html).toContain(
      '<pre class="guide-code" data-language="ts"><code class="hljs language-typescript">',
    );
    expect(html).toContain('<span class="hljs-keyword">for </span><span class="hljs-keyword">await</span>');
    expect(html).toContain("```\nplain\n```"); // a fence without a language stays markdown
    expect(keepWhitespace('<span class="a">x</span>\n\n<span class="b">y</span>', "test")).toBe(
      '<span class="a">x\n\n</span><span class="b">y</span>',
    );
    // A character reference ends a piece of text for Redoc's parser: characters are written as themselves
    // where HTML allows, so the space after a string's closing quote stays with it.
    expect(keepWhitespace('<span class="s">&quot;a&quot; </span><span>}</span>', "test")).toBe(
      '<span class="s">"a" </span><span>}</span>',
    );
    expect(keepWhitespace("a &amp;&amp; b &lt; c &amp;after_id &lt;T&gt;", "test")).toBe(
      "a && b < c &amp;after_id &lt;T>",
    );
    // A line break before a reference that must stay joins the text before it, a `>` included.
    expect(keepWhitespace('<span class="c">// a &gt;</span>\n&lt;T&gt;(x)', "test")).toBe(
      '<span class="c">// a >\n</span>&lt;T>(x)',
    );
    // The parser cuts text before a `<` too: the space before it joins the number before it.
    expect(keepWhitespace('<span class="n">1</span> &lt; <span class="n">2</span>', "test")).toBe(
      '<span class="n">1 </span>< <span class="n">2</span>',
    );
    expect(() => keepWhitespace("\n&lt;div&gt;", "docs/guides/x.md")).toThrow(
      /docs\/guides\/x\.md: whitespace next to an escaped character/,
    );
    expect(() => highlightFences("```cobol\nX\n```\n", "docs/guides/x.md")).toThrow(
      /docs\/guides\/x\.md: a code block is marked ```cobol/,
    );
  });

  it("extracts for the checks every block it shows as TypeScript (```ts, ```typescript), and only those", () => {
    const markdown = [
      "```ts\nconst a = 1;\n```",
      "```typescript\nconst b = 2;\n```",
      "```TypeScript\nconst c = 3;\n```",
      "```sh\necho no\n```",
      "```\nplain\n```",
      // A longer fence shows a ```ts example inside it (CommonMark): one block, and the ts block after it found.
      "````\n```ts\nnot a block\n```\n````",
      "```ts\nconst d = 4;\n```",
    ].join("\n\n");
    expect(typescriptBlocks(markdown)).toEqual([
      "const a = 1;\n",
      "const b = 2;\n",
      "const c = 3;\n",
      "const d = 4;\n",
    ]);
    const shownAsTypescript = highlightFences(markdown, "test").match(/language-typescript/g) ?? [];
    expect(shownAsTypescript).toHaveLength(typescriptBlocks(markdown).length);
  });
});

describe("translated decorated specs", () => {
  it.each(TRANSLATED)(
    "%s: same operations, code samples and examples as English, texts translated",
    (lang) => {
      const dist = join(docsDir, "dist");
      const en = parse(readFileSync(join(dist, "openapi.decorated.yaml"), "utf8")) as Spec;
      const tr = parse(readFileSync(join(dist, lang, "openapi.decorated.yaml"), "utf8")) as Spec;
      const list = (s: Spec) =>
        (s.paths as Record<string, Record<string, Record<string, unknown>>>)["/deployments"]?.get;
      expect(list(tr)?.summary).not.toBe(list(en)?.summary);
      const codeOf = (s: Spec) =>
        ((list(s)?.["x-codeSamples"] ?? []) as Array<{ source: string }>).map((sample) =>
          sample.source.replace(/^\/\/.*$/gm, ""),
        );
      expect(codeOf(tr)).toEqual(codeOf(en)); // code stays code; only comments may differ
      const examples = (s: Spec) =>
        JSON.stringify((s.components as Record<string, unknown>).examples, (k, v) =>
          k === "summary" || k === "description" ? undefined : v,
        );
      expect(examples(tr)).toBe(examples(en));
    },
  );
});

describe("showOwnDescriptions", () => {
  it("gives an X-or-null field its own description and X's, and leaves unions of schemas alone", () => {
    const spec = {
      components: {
        schemas: {
          Id: { type: "string", description: "A deployment ID (dep_…)." },
          A: { type: "object", description: "Variant A's rules." },
          B: { type: "object", description: "Variant B's rules." },
          List: {
            type: "object",
            properties: {
              first_id: {
                description: "ID of the first record on this page.",
                oneOf: [{ $ref: "#/components/schemas/Id" }, { type: "null" }],
              },
              resource: {
                description: "A resource.",
                oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }],
              },
              either: {
                description: "A or null.",
                oneOf: [
                  { $ref: "#/components/schemas/A" },
                  { $ref: "#/components/schemas/B" },
                  { type: "null" },
                ],
              },
            },
          },
        },
      },
    };
    const before = structuredClone(spec);
    showOwnDescriptions(spec);
    const { properties } = spec.components.schemas.List;
    expect(properties.first_id.oneOf[0]).toEqual({
      $ref: "#/components/schemas/Id",
      description: "ID of the first record on this page.\n\nA deployment ID (dep_…).",
    });
    expect(properties.resource).toEqual(before.components.schemas.List.properties.resource);
    expect(properties.either).toEqual(before.components.schemas.List.properties.either);
  });
});

describe("rewriteGuideLinks", () => {
  it("rewrites links between guides in the text, never inside a code block", () => {
    const slugs = new Map([["01-getting-started.md", "getting-started"]]);
    const body =
      'See [the start](01-getting-started.md).\n\n```sh\necho "[guide](01-getting-started.md) [x](nope.md)"\n```\n\nAnd [again](./01-getting-started.md#install).\n';
    expect(rewriteGuideLinks(body, slugs, "test")).toBe(
      'See [the start](#/getting-started).\n\n```sh\necho "[guide](01-getting-started.md) [x](nope.md)"\n```\n\nAnd [again](#/getting-started).\n',
    );
    expect(() => rewriteGuideLinks("[x](nope.md)", slugs, "docs/guides/x.md")).toThrow(/names no guide/);
  });

  it("refuses any other relative link (the site is one page), and leaves absolute and # links alone", () => {
    const slugs = new Map([["01-getting-started.md", "getting-started"]]);
    for (const link of [
      "[x](./guides/01-getting-started.md)",
      "[x](../README.md)",
      "[x](examples/create.ts)",
      '[x](other.html "title")',
      "See [x].\n\n[x]: ../README.md",
    ])
      expect(() => rewriteGuideLinks(link, slugs, "docs/guides/x.md"), link).toThrow(
        /^docs\/guides\/x\.md: the link .+ is relative but names no guide/,
      );
    const kept =
      "[a](https://example.com/x.md) [b](#/getting-started) [c](mailto:a@b.c)\n\n[d]: https://example.com\n";
    expect(rewriteGuideLinks(kept, slugs, "test")).toBe(kept);
    for (const link of ["[x]( ./other.md)", '<a href="./other.md">x</a>', '<img src="img.png">'])
      expect(() => rewriteGuideLinks(link, slugs, "docs/guides/x.md"), link).toThrow(/names no guide/);
  });

  it("reads an escaped or lone backtick as text: the links after it are still rewritten and checked", () => {
    const slugs = new Map([["01-getting-started.md", "getting-started"]]);
    expect(
      rewriteGuideLinks("Escape it as \\` ; see [s](01-getting-started.md), `code`.", slugs, "test"),
    ).toBe("Escape it as \\` ; see [s](#/getting-started), `code`.");
    expect(() => rewriteGuideLinks("A lone ` here.\n\n[x](../README.md) and `code`.", slugs, "x.md")).toThrow(
      /is relative but names no guide/,
    );
  });

  it("leaves code as written: inline code spans and ~~~ fences are neither rewritten nor refused", () => {
    const slugs = new Map([["01-getting-started.md", "getting-started"]]);
    const code =
      "Write `[p](./guides/x.md)` in your README, or ``[x](../a.md)``; `[s](01-getting-started.md)` stays.\n\n~~~md\n[y](../b.md)\n~~~\n";
    expect(rewriteGuideLinks(code, slugs, "test")).toBe(code);
  });

  it("rewrites a guide link with a title, and a reference definition that names a guide", () => {
    const slugs = new Map([["01-getting-started.md", "getting-started"]]);
    expect(rewriteGuideLinks('[s](01-getting-started.md "Start")', slugs, "test")).toBe(
      '[s](#/getting-started "Start")',
    );
    expect(rewriteGuideLinks("See [s].\n\n[s]: ./01-getting-started.md\n", slugs, "test")).toBe(
      "See [s].\n\n[s]: #/getting-started\n",
    );
  });
});
