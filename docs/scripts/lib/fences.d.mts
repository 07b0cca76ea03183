// Types of fences.mjs, for the TypeScript tests of other packages that import it (client, types,
// contract-tests: their tsconfigs do not allow JS).

/** The fence languages (a fence's first word, in any case) of a TypeScript block. */
export declare const TYPESCRIPT_FENCES: readonly string[];
/** Every top-level fenced block: its fence, its language (may be empty), then its code (each line with its "\n"). */
export declare const FENCE: RegExp;
/** Whether a fence's language marks a TypeScript block. */
export declare function isTypescriptFence(lang: string): boolean;
/** The code of the TypeScript blocks of a markdown text, in order. */
export declare function typescriptBlocks(markdown: string): string[];
