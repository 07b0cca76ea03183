// The few texts the docs build writes itself (navigation groups, the example-names table, the mock
// server's description, comments of the generated samples, the language switcher), per language.
// The contract's texts are translated in openapi/translations/, the guides in docs/guides/<lang>/.
import { SAMPLE_COMMENTS } from "./code-samples.mjs";

export const UI = {
  en: {
    guidesGroup: "Guides",
    referenceGroup: "API reference",
    mockServer: "Local mock (pnpm mock); any bearer token works",
    tableOperation: "Operation",
    tableStatus: "Status",
    tableShows: "What it shows",
    tableOfferedBy: "Offered by",
    allOperations: "every operation",
    errorsByOperation:
      "Error examples, each with the operations that offer it (an operation's **Responses** show its own):",
    sampleComments: SAMPLE_COMMENTS,
    switcherLabel: "Language",
    titleSuffix: "docs",
    mockSampleLabel: "curl (local mock)",
  },
  ja: {
    guidesGroup: "ガイド",
    referenceGroup: "API リファレンス",
    mockServer: "ローカルモック(pnpm mock)。任意の Bearer トークンで動作します",
    tableOperation: "オペレーション",
    tableStatus: "ステータス",
    tableShows: "内容",
    tableOfferedBy: "提供するオペレーション",
    allOperations: "すべてのオペレーション",
    errorsByOperation:
      "エラーの例と、それぞれを提供するオペレーション(各オペレーションの **Responses** にはそのオペレーションの例が表示されます):",
    sampleComments: {
      readsToken: "QODER_PAT を読み取ります。ローカルモックを呼び出すには次を設定します",
      firstPage: "await すると最初のページが得られます。",
      everyItem: "反復するとすべてのページのすべての項目を順に取得します。",
    },
    switcherLabel: "言語",
    titleSuffix: "ドキュメント",
    mockSampleLabel: "curl(ローカルモック)",
  },
  zh: {
    guidesGroup: "指南",
    referenceGroup: "API 参考",
    mockServer: "本地 Mock（pnpm mock），任意 Bearer 令牌均可使用",
    tableOperation: "操作",
    tableStatus: "状态码",
    tableShows: "说明",
    tableOfferedBy: "提供该示例的操作",
    allOperations: "所有操作",
    errorsByOperation: "错误示例，以及提供每个示例的操作（各操作的 **Responses** 中列出其自身的示例）：",
    sampleComments: {
      readsToken: "读取 QODER_PAT。如需调用本地 Mock，请设置",
      firstPage: "await 得到第一页。",
      everyItem: "迭代会遍历每一页的每一项。",
    },
    switcherLabel: "语言",
    titleSuffix: "文档",
    mockSampleLabel: "curl（本地 Mock）",
  },
};

/**
 * The English each translation above was made from, by language and key (each language its own, so that
 * updating one does not pass the other): when the English changes, the translation is stale and the
 * build stops, naming it (update the translation, then its English here).
 */
export const UI_TRANSLATED_FROM = {
  ja: {
    guidesGroup: "Guides",
    referenceGroup: "API reference",
    mockServer: "Local mock (pnpm mock); any bearer token works",
    tableOperation: "Operation",
    tableStatus: "Status",
    tableShows: "What it shows",
    tableOfferedBy: "Offered by",
    allOperations: "every operation",
    errorsByOperation:
      "Error examples, each with the operations that offer it (an operation's **Responses** show its own):",
    "sampleComments.readsToken": "Reads QODER_PAT. To call the local mock, set",
    "sampleComments.firstPage": "Awaiting gives the first page.",
    "sampleComments.everyItem": "Iterating walks every item of every page.",
    switcherLabel: "Language",
    titleSuffix: "docs",
    mockSampleLabel: "curl (local mock)",
  },
  zh: {
    guidesGroup: "Guides",
    referenceGroup: "API reference",
    mockServer: "Local mock (pnpm mock); any bearer token works",
    tableOperation: "Operation",
    tableStatus: "Status",
    tableShows: "What it shows",
    tableOfferedBy: "Offered by",
    allOperations: "every operation",
    errorsByOperation:
      "Error examples, each with the operations that offer it (an operation's **Responses** show its own):",
    "sampleComments.readsToken": "Reads QODER_PAT. To call the local mock, set",
    "sampleComments.firstPage": "Awaiting gives the first page.",
    "sampleComments.everyItem": "Iterating walks every item of every page.",
    switcherLabel: "Language",
    titleSuffix: "docs",
    mockSampleLabel: "curl (local mock)",
  },
};

/** Each text of a language by its dotted key ("sampleComments.firstPage"). */
function flatten(strings, at = "", into = {}) {
  for (const [key, text] of Object.entries(strings)) {
    if (typeof text === "object") flatten(text, `${at}${key}.`, into);
    else into[`${at}${key}`] = text;
  }
  return into;
}

/**
 * 'ja.mockServer: now "…" (translated from "…")' …: translations whose English changed since.
 * @param {Record<string, Record<string, unknown>>} [ui]
 * @param {Record<string, Record<string, string>>} [from]
 */
export function staleUiStrings(ui = UI, from = UI_TRANSLATED_FROM) {
  const english = flatten(ui.en);
  const stale = [];
  for (const lang of Object.keys(ui).filter((name) => name !== "en"))
    for (const [key, now] of Object.entries(english)) {
      const was = from[lang]?.[key];
      if (was !== now)
        stale.push(
          `${lang}.${key}: now ${JSON.stringify(now)} (translated from ${JSON.stringify(was ?? null)})`,
        );
    }
  return stale;
}

/**
 * "ja.tableShows", "zh.sampleComments.firstPage" …: texts of English missing (or empty) in a language.
 * @param {Record<string, Record<string, unknown>>} [ui]
 */
export function missingUiStrings(ui = UI) {
  const missing = [];
  const walk = (english, strings, at) => {
    for (const [key, text] of Object.entries(english)) {
      const own = strings?.[key];
      if (typeof text === "object") walk(text, own, `${at}.${key}`);
      else if (typeof own !== "string" || own.trim() === "") missing.push(`${at}.${key}`);
    }
  };
  for (const lang of Object.keys(ui)) walk(ui.en, ui[lang], lang);
  return missing;
}

/**
 * "ja.mockSampleLable" …: keys of a language that English does not have (a typo, or a text English
 * dropped); the build never shows them, and no check of the English would ever see them go stale.
 * @param {Record<string, Record<string, unknown>>} [ui]
 */
export function extraUiStrings(ui = UI) {
  const english = flatten(ui.en);
  return Object.keys(ui)
    .filter((lang) => lang !== "en")
    .flatMap((lang) =>
      Object.keys(flatten(ui[lang] ?? {}))
        .filter((key) => !Object.hasOwn(english, key))
        .map((key) => `${lang}.${key}`),
    );
}

// A missing text would be rendered as "undefined" on the site: refuse to build instead, naming it.
const missing = missingUiStrings();
if (missing.length > 0)
  throw new Error(`docs/scripts/lib/ui-strings.mjs: no text for ${missing.join(", ")}; add it to UI.`);
const extra = extraUiStrings();
if (extra.length > 0)
  throw new Error(
    `docs/scripts/lib/ui-strings.mjs: ${extra.join(", ")} not in English (UI.en): remove each, or add its English to UI.en and UI_TRANSLATED_FROM.`,
  );
// A translation of an older English is never shown as current.
const stale = staleUiStrings();
if (stale.length > 0)
  throw new Error(
    `docs/scripts/lib/ui-strings.mjs: stale translations (update each, then its English in UI_TRANSLATED_FROM):\n${stale.join("\n")}`,
  );
