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
    errorsShared:
      "Error responses are shared: every operation that documents a status (see its **Responses**) offers these.",
    sampleComments: SAMPLE_COMMENTS,
    switcherLabel: "Language",
    titleSuffix: "docs",
  },
  ja: {
    guidesGroup: "ガイド",
    referenceGroup: "API リファレンス",
    mockServer: "ローカルモック(pnpm mock)。任意の Bearer トークンで動作します",
    tableOperation: "オペレーション",
    tableStatus: "ステータス",
    tableShows: "内容",
    errorsShared:
      "エラーレスポンスは共通です。そのステータスを記載しているオペレーション(各オペレーションの **Responses** を参照)はすべて、これらの例を返せます。",
    sampleComments: {
      readsToken: "QODER_PAT を読み取ります。ローカルモックを呼び出すには次を設定します",
      firstPage: "await すると最初のページが得られます。",
      everyItem: "反復するとすべてのページのすべての項目を順に取得します。",
    },
    switcherLabel: "言語",
    titleSuffix: "ドキュメント",
  },
  zh: {
    guidesGroup: "指南",
    referenceGroup: "API 参考",
    mockServer: "本地 Mock（pnpm mock），任意 Bearer 令牌均可使用",
    tableOperation: "操作",
    tableStatus: "状态码",
    tableShows: "说明",
    errorsShared: "错误响应是共享的：凡是在其 **Responses** 中列出该状态码的操作，都提供这些示例。",
    sampleComments: {
      readsToken: "读取 QODER_PAT。如需调用本地 Mock，请设置",
      firstPage: "await 得到第一页。",
      everyItem: "迭代会遍历每一页的每一项。",
    },
    switcherLabel: "语言",
    titleSuffix: "文档",
  },
};
