// The site must work with no network: nothing on the page may load from another origin.

// Redoc 3 shows a "API docs by Redocly" badge whose image comes from a CDN. We keep the attribution
// (the link stays) but serve the image from the page itself as a small inline SVG.
const REDOCLY_BADGE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="52" height="14" viewBox="0 0 52 14"><text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#0044d4">Redocly</text></svg>`;
const BADGE_DATA_URI = `data:image/svg+xml,${encodeURIComponent(REDOCLY_BADGE_SVG)}`;
const REMOTE_BADGES = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
];

export function inlineRemoteBadges(html) {
  return REMOTE_BADGES.reduce((out, url) => out.replaceAll(url, BADGE_DATA_URI), html);
}

const REMOTE = "(?:https?:)?//";
const CHECKS = [
  ["script", new RegExp(String.raw`<script\b[^>]*\bsrc\s*=\s*["']?${REMOTE}[^"'\s>]+`, "gi")],
  ["stylesheet/preload/icon", new RegExp(String.raw`<link\b[^>]*\bhref\s*=\s*["']?${REMOTE}[^"'\s>]+`, "gi")],
  [
    "image/media/frame",
    new RegExp(
      String.raw`<(?:img|source|video|audio|iframe|embed|object)\b[^>]*\b(?:src|srcset|data)\s*=\s*["']?${REMOTE}[^"'\s>]+`,
      "gi",
    ),
  ],
  ["CSS url() (fonts, images)", new RegExp(String.raw`url\(\s*["']?${REMOTE}[^)"']+`, "gi")],
  ["CSS @import", new RegExp(String.raw`@import\s+(?:url\()?\s*["']?${REMOTE}[^"')\s;]+`, "gi")],
  ["ES module import", /\bimport\s*(?:[\w{}\s,*]+from\s*)?\(?\s*["'`]https?:\/\/[^"'`]+/gi],
  [
    "known CDN or font host",
    /https?:\/\/(?:cdn\.redoc\.ly|fonts\.googleapis\.com|fonts\.gstatic\.com|unpkg\.com|cdn\.jsdelivr\.net)[^\s"'`)]*/gi,
  ],
];

/** Every place in the HTML that would make the browser fetch something from outside the site. */
export function findExternalLoads(html) {
  const found = [];
  for (const [kind, pattern] of CHECKS) {
    for (const match of html.matchAll(pattern)) found.push({ kind, excerpt: match[0].slice(0, 160) });
  }
  return found;
}
