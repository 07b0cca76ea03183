// Per-language touches of the page Redoc renders: <html lang>, the language switcher, the menu's links.
import { LANGUAGES } from "./i18n.mjs";
import { UI } from "./ui-strings.mjs";

export const SWITCHER_MARKER = "<!-- qoder:language-switcher -->";

const htmlLang = (code) => LANGUAGES.find((l) => l.code === code)?.htmlLang ?? code;

/** Sets `<html lang>` of the page (the template writes `lang="en"`). */
export function pageLanguage(html, lang) {
  const out = html.replace(/<html lang="[^"]*">/, `<html lang="${htmlLang(lang)}">`);
  if (out === html && lang !== "en")
    throw new Error('docs/redoc-template.hbs must open with <html lang="en">');
  return out;
}

/** The site root of `target` as a relative link from the site of `from` (`ja/`, `../`, `../zh/`). */
export function siteLink(from, target) {
  const up = from === "en" ? "" : "../";
  return target === "en" ? up || "./" : `${up}${target}/`;
}

// Keeps each link on the section being read: Redoc routes by the URL fragment (#/deployments/…), and
// the section ids are the same in every language, so the other site's root plus this fragment is
// the same section there. Updated before the link is followed (pointer, keyboard) and on navigation.
const SWITCHER_SCRIPT = `(function () {
  var nav = document.getElementById("language-switcher");
  if (!nav) return;
  var links = nav.querySelectorAll("a[data-site]");
  // Opened from disk (file://) a folder is not its index.html: name the file.
  var index = location.protocol === "file:" ? "index.html" : "";
  function update() {
    for (var i = 0; i < links.length; i++) links[i].setAttribute("href", links[i].getAttribute("data-site") + index + location.hash);
  }
  update();
  ["pointerdown", "mouseover", "focusin", "click"].forEach(function (type) { nav.addEventListener(type, update, true); });
  window.addEventListener("hashchange", update);
  window.addEventListener("popstate", update);
})();`;

/** Puts the language switcher (a link to each language, the current one marked) into the page. */
export function languageSwitcher(html, lang) {
  if (!html.includes(SWITCHER_MARKER)) throw new Error(`docs/redoc-template.hbs lacks ${SWITCHER_MARKER}`);
  const links = LANGUAGES.map(({ code, name }) => {
    const href = siteLink(lang, code);
    const current = code === lang ? ' aria-current="page"' : "";
    return `<a href="${href}" data-site="${href}" hreflang="${htmlLang(code)}" lang="${htmlLang(code)}"${current}>${name}</a>`;
  }).join("");
  const nav = `<nav id="language-switcher" aria-label="${UI[lang].switcherLabel}">${links}</nav><script>${SWITCHER_SCRIPT}</script>`;
  return html.replace(SWITCHER_MARKER, nav);
}

/**
 * The links Redoc prerenders (the menu, the title) are paths from the server root (`/getting-started`),
 * as if every site were the English one; once the page runs, Redoc's own are under the site
 * (`/ja/getting-started`). Prerendered alike, a link opened in a new tab, copied or followed without
 * JavaScript stays on the reader's language (the docs server sends such a path to its section).
 */
export function sectionLinks(html, lang) {
  if (lang === "en") return html;
  return html.replace(
    / href="\/([a-z0-9][a-z0-9/_-]*)?"/g,
    (_link, section = "") => ` href="/${lang}/${section}"`,
  );
}
