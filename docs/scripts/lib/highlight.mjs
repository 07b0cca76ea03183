// Syntax highlighting for the guides' fenced code blocks. Redoc renders a fence in a description as a
// plain <pre>, so the build highlights it (highlight.js, at build time: no script, nothing loaded) and
// hands Redoc the HTML; the template's CSS colours the tokens.
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import json from "highlight.js/lib/languages/json";
import typescript from "highlight.js/lib/languages/typescript";
import yaml from "highlight.js/lib/languages/yaml";

hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("json", json);
hljs.registerLanguage("yaml", yaml);

/** Fence info strings → highlight.js languages. */
const LANGUAGES = {
  ts: "typescript",
  typescript: "typescript",
  sh: "bash",
  bash: "bash",
  shell: "bash",
  json: "json",
  yaml: "yaml",
  yml: "yaml",
};

/**
 * Redoc's markdown renderer drops text nodes that are only whitespace between two tags (the space in
 * `for</span> <span>await`, the newline after a comment). Moves such whitespace into the neighbouring
 * text: left past closing tags, or right past opening tags, until it sits next to real text.
 */
export function keepWhitespace(html) {
  let out = html;
  for (let previous; previous !== out; ) {
    previous = out;
    out = out
      .replace(/([^>\s])((?:<\/span>)+)(\s+)(?=<span)/g, "$1$3$2")
      .replace(/(^|>)(\s+)((?:<span[^>]*>)+)(?=[^<\s])/g, "$1$3$2");
  }
  return out;
}

/**
 * Replaces every top-level ```lang fence of a markdown text with highlighted HTML
 * (`<pre class="guide-code">`). A fence without a language stays plain markdown.
 * @param location names the file in errors
 */
export function highlightFences(markdown, location) {
  return markdown.replace(/^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm, (whole, lang) => {
    if (!lang) return whole;
    const language = LANGUAGES[lang.toLowerCase()];
    if (!language) {
      throw new Error(
        `${location}: a code block is marked \`\`\`${lang}; use one of ${Object.keys(LANGUAGES).join(", ")} (or add the language to docs/scripts/lib/highlight.mjs)`,
      );
    }
    const code = whole.slice(whole.indexOf("\n") + 1, whole.lastIndexOf("```")).replace(/\n$/, "");
    const html = keepWhitespace(hljs.highlight(code, { language, ignoreIllegals: true }).value);
    // One line: a blank line would not end this HTML block (<pre> blocks end at </pre>), but keep the
    // markdown parser out of the code entirely.
    return `<pre class="guide-code" data-language="${lang}"><code class="hljs language-${language}">${html}</code></pre>`;
  });
}
