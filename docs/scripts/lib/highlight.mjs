// Syntax highlighting for the guides' fenced code blocks. Redoc renders a fence in a description as a
// plain <pre>, so the build highlights it (highlight.js, at build time: no script, nothing loaded) and
// hands Redoc the HTML; the template's CSS colours the tokens.
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import json from "highlight.js/lib/languages/json";
import typescript from "highlight.js/lib/languages/typescript";
import yaml from "highlight.js/lib/languages/yaml";
import { FENCE, TYPESCRIPT_FENCES } from "./fences.mjs";

hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("json", json);
hljs.registerLanguage("yaml", yaml);

/** Fence info strings → highlight.js languages. */
const LANGUAGES = {
  // Every TypeScript fence the checks read (fences.mjs): a block shown as TypeScript is type-checked and run.
  ...Object.fromEntries(TYPESCRIPT_FENCES.map((lang) => [lang, "typescript"])),
  sh: "bash",
  bash: "bash",
  shell: "bash",
  json: "json",
  yaml: "yaml",
  yml: "yaml",
};

/**
 * Redoc's markdown renderer reads a fence's HTML with an HTML parser that drops every piece of text that
 * is only whitespace, and a character reference ends a piece: the space in `for</span> <span>await`, the
 * line break after a string's `&quot;`. So characters are written as themselves wherever HTML allows
 * (`"`, `'`, `>`, an `&` or `<` that cannot start a reference or a tag; a reference kept is then never
 * followed by whitespace), and whitespace that would stand alone joins the nearest text across the
 * highlighter's tags: the text before it, or else the text after it. Whitespace with no such text is an
 * error naming `location`.
 */
export function keepWhitespace(html, location) {
  // Text and tags, alternating (the highlighter escapes every `<` of the code: a `<` here opens a tag).
  const tokens = html.split(/(<[^>]*>)/).map((token, index) =>
    index % 2
      ? token
      : token
          .replace(/&quot;/g, '"')
          .replace(/&#x27;/g, "'")
          .replace(/&gt;/g, ">")
          .replace(/&amp;(?![\w#])/g, "&")
          .replace(/&lt;(?![A-Za-z/!?])/g, "<"),
  );
  const endsInText = (text) => /[^\s;]$/.test(text) || (/;$/.test(text) && !/&[#\w]+;$/.test(text));
  const startsWithText = (text) => /^\S/.test(text) && !/^&[#\w]+;/.test(text);
  for (let i = 0; i < tokens.length; i += 2) {
    // Whitespace at the start of a text that is only whitespace, or that a reference or a `<` follows
    // (the parser cuts text before a `<` too).
    const alone = /^\s+(?=&[#\w]+;|<|$)/.exec(tokens[i])?.[0];
    if (!alone) continue;
    let before = i - 2;
    while (before >= 0 && tokens[before] === "") before -= 2;
    let after = i + 2;
    while (after < tokens.length && tokens[after] === "") after += 2;
    const rest = tokens[i].slice(alone.length);
    if (before >= 0 && endsInText(tokens[before])) tokens[before] += alone;
    else if (!rest && after < tokens.length && startsWithText(tokens[after]))
      tokens[after] = alone + tokens[after];
    else
      throw new Error(
        `${location}: whitespace next to an escaped character would be lost on the site; rephrase the code there.`,
      );
    tokens[i] = rest;
  }
  return tokens.join("");
}

/**
 * Replaces every top-level ```lang fence of a markdown text with highlighted HTML
 * (`<pre class="guide-code">`). A fence without a language stays plain markdown.
 * @param location names the file in errors
 */
export function highlightFences(markdown, location) {
  return markdown.replace(FENCE, (whole, _fence, lang, block) => {
    if (!lang) return whole;
    const language = LANGUAGES[lang.toLowerCase()];
    if (!language) {
      throw new Error(
        `${location}: a code block is marked \`\`\`${lang}; use one of ${Object.keys(LANGUAGES).join(", ")} (or add the language to docs/scripts/lib/highlight.mjs)`,
      );
    }
    const code = block.replace(/\n$/, "");
    const html = keepWhitespace(hljs.highlight(code, { language, ignoreIllegals: true }).value, location);
    // One line: a blank line would not end this HTML block (<pre> blocks end at </pre>), but keep the
    // markdown parser out of the code entirely.
    return `<pre class="guide-code" data-language="${lang}"><code class="hljs language-${language}">${html}</code></pre>`;
  });
}
