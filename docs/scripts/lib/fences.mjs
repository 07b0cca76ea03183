// What a TypeScript code block of a markdown text is, for everything that reads one: the highlighter (the
// site shows it as TypeScript), the docs build (the guides' blocks → dist/samples, type-checked and run)
// and the tests that compile or run the READMEs' and the guides' blocks. One definition, so a block the
// site shows as TypeScript is never left out of the checks (```typescript was highlighted, never run).

/** The fence languages (a fence's first word, in any case) of a TypeScript block. */
export const TYPESCRIPT_FENCES = ["ts", "typescript"];

/**
 * Every top-level fenced block: its fence, its language (may be empty), then its code (each line with its
 * "\n"). It closes at a fence of its own backticks or more, as CommonMark reads it: a ````md block may show
 * a ```ts example, which is not a block of its own.
 */
export const FENCE = /^(`{3,})([\w-]*)[^\n]*\n([\s\S]*?)^\1`*[ \t]*$/gm;

/** Whether a fence's language marks a TypeScript block. */
export const isTypescriptFence = (lang) => TYPESCRIPT_FENCES.includes(lang.toLowerCase());

/** The code of the TypeScript blocks of a markdown text, in order. */
export function typescriptBlocks(markdown) {
  return [...markdown.matchAll(FENCE)]
    .filter(([, , lang]) => isTypescriptFence(lang))
    .map(([, , , code]) => code);
}
