// The built site, in each of its languages, in a real Chromium with the network cut: everything must
// come from 127.0.0.1.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDocsServer } from "../scripts/serve.mjs";
import { CHROMIUM_ARGS, ensureChromium, warnIfNoCjkFont } from "./support/chromium.js";
import {
  distDir,
  docsDir,
  guidesIn,
  operationsIn,
  requireBuiltSite,
  SITE_LANGUAGES,
  type SiteLanguage,
  textIn,
} from "./support/site.js";

const SEED_DEPLOYMENT_ID = "dep_019ec556114c78f8b60ee34fcb98bf59";
const NAV_ITEM = '[data-component-name="Menu/MenuItem"]';
const PAUSE_SECTION = "#/deployments/pausedeployment";
const GUIDE_SUBSECTION = "#/errors-and-retries/the-idempotency-guarantee";
// What a reader types to find "pause" in each language (and the English word, which works in all).
const SEARCHES: Record<SiteLanguage["code"], string[]> = {
  en: ["pause"],
  ja: ["一時停止", "pause"],
  zh: ["暂停", "pause"],
};

let docs: { url: string; close: () => Promise<void> };
let browser: Browser;
const origin = () => docs.url.replace(/\/$/, "");

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return !/^(https?|wss?):$/.test(protocol) || hostname === "127.0.0.1";
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

beforeAll(async () => {
  requireBuiltSite();
  const executablePath = ensureChromium();
  warnIfNoCjkFont();
  docs = await startDocsServer({ port: 0 });
  browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await docs?.close();
});

/** A fresh browser profile (no storage from another language's visit), like a new reader's. */
function newContext(): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1400, height: 900 } });
}

describe.each(SITE_LANGUAGES)("docs site in $name ($path) in Chromium, offline", (lang) => {
  let context: BrowserContext;
  let page: Page;
  const outsideRequests: string[] = [];
  const failedRequests: string[] = [];
  const consoleErrors: string[] = [];
  const operations = operationsIn(lang.code);
  const others = SITE_LANGUAGES.filter((other) => other.code !== lang.code);

  async function navLabels(): Promise<Array<{ text: string; href: string }>> {
    return page.locator(NAV_ITEM).evaluateAll((items) =>
      items.map((item) => ({
        text: item.querySelector("[data-text]")?.getAttribute("data-text") ?? "", // the label, without its badge
        href: item.querySelector("a")?.getAttribute("href") ?? "",
      })),
    );
  }

  /** Clicks the navigation entry whose label is exactly `label` (an operation's ends with its method). */
  async function clickNav(label: string): Promise<void> {
    await page
      .locator(`${NAV_ITEM} > a`)
      .filter({ hasText: new RegExp(`^${escapeRegExp(label)}(get|post|put|patch|delete)?$`, "i") })
      .first()
      .click();
  }

  async function openSite(hash = ""): Promise<void> {
    await page.goto(`${origin()}${lang.path}${hash}`, { waitUntil: "networkidle" });
    await page.locator(NAV_ITEM).first().waitFor();
  }

  /** A section's text; sections render lazily once in view, and React may replace the node meanwhile. */
  async function sectionText(id: string): Promise<string> {
    await page.evaluate(
      (sectionId) => document.querySelector(`[data-section-id$="${sectionId}"]`)?.scrollIntoView(),
      id,
    );
    return (await page.locator(`[data-section-id$="${id}"]`).first().textContent()) ?? "";
  }

  beforeAll(async () => {
    context = await newContext();
    page = await context.newPage();
    // Cut the network: anything not addressed to 127.0.0.1 is recorded and aborted.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      outsideRequests.push(url);
      return route.abort("blockedbyclient");
    });
    await context.routeWebSocket(/.*/, (ws) => {
      outsideRequests.push(ws.url());
      return ws.close();
    });
    page.on("requestfailed", (request) =>
      failedRequests.push(`${request.url()} (${request.failure()?.errorText})`),
    );
    page.on("response", (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.url()} → HTTP ${response.status()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
    await openSite();
  });

  afterAll(() => context?.close());

  it(`renders the reference from the page itself, with <html lang="${lang.htmlLang}">`, async () => {
    expect(await page.getAttribute("html", "lang")).toBe(lang.htmlLang);
    const title = textIn(lang.code, "/info/title", "Qoder Cloud Agents API");
    expect(await page.title()).toContain(title);
    expect(await page.locator("h1").first().textContent()).toContain(title);
  });

  it("has a language switcher linking to the other languages", async () => {
    const switcher = page.locator("#language-switcher");
    await expect.poll(() => switcher.isVisible()).toBe(true);
    expect(await switcher.locator('a[aria-current="page"]').textContent()).toBe(lang.name);
    for (const other of others) {
      const link = switcher.locator(`a[hreflang="${other.htmlLang}"]`);
      expect(await link.textContent()).toBe(other.name);
      const target = new URL((await link.getAttribute("href")) ?? "", page.url());
      expect(target.pathname).toBe(other.path);
    }
  });

  it("the switcher never covers a menu entry: scrolled to its end, the last entry sits clear of it", async () => {
    for (const tag of [...new Set(operations.map((op) => op.tagLabel))]) await clickNav(tag); // longest menu
    await page.waitForTimeout(300);
    const overlap = await page.evaluate(() => {
      const items = [...document.querySelectorAll('[data-component-name="Menu/MenuItem"] > a')];
      const last = items.at(-1);
      const switcher = document.getElementById("language-switcher");
      if (!last || !switcher) return "no menu entry or no switcher";
      // The menu's scrolling ancestor, scrolled as far down as it goes.
      for (let node = last.parentElement; node; node = node.parentElement) {
        if (node.scrollHeight > node.clientHeight && /auto|scroll/.test(getComputedStyle(node).overflowY)) {
          node.scrollTop = node.scrollHeight;
          break;
        }
      }
      const a = last.getBoundingClientRect();
      const b = switcher.getBoundingClientRect();
      const apart = a.bottom <= b.top || a.top >= b.bottom || a.right <= b.left || a.left >= b.right;
      return apart ? "" : `last entry ${JSON.stringify(a)} under the switcher ${JSON.stringify(b)}`;
    });
    expect(overlap).toBe("");
  });

  it("navigation lists every operation of the spec, in this language", async () => {
    expect(operations.length).toBeGreaterThan(0);
    const seen = new Map<string, string>();
    for (const tag of [...new Set(operations.map((op) => op.tagLabel))]) {
      await clickNav(tag); // expanding a tag group reveals its operations
      await page.waitForTimeout(200);
      for (const { text, href } of await navLabels()) seen.set(href.toLowerCase(), text);
    }
    for (const op of operations) {
      const entry = [...seen].find(([href]) => href.endsWith(`/${op.operationId.toLowerCase()}`));
      expect(entry, `${op.operationId} in the navigation`).toBeDefined();
      expect(entry?.[1]).toBe(op.summary);
    }
  });

  it("the list-deployments section shows the seed's example, generated samples and its texts", async () => {
    const list = operations.find((op) => op.operationId === "listDeployments");
    expect(list).toBeDefined();
    await clickNav(list?.tagLabel ?? "");
    await clickNav(list?.summary ?? "");
    await page.waitForURL(/listdeployments/);
    await expect
      .poll(() => sectionText("/listdeployments"), { timeout: 10_000 })
      .toContain(SEED_DEPLOYMENT_ID);
    const text = await sectionText("/listdeployments");
    expect(text).toContain("api-doc-verification-deployment"); // inside data[0]: the example is expanded
    // to its deepest values: an event's content, cas_config's stats, the last upcoming run.
    for (const deep of ["Generate today's status report", '"total_runs"', "2026-06-19T01:00:00Z"])
      expect(text).toContain(deep);
    expect(text).toContain("Authorization: Bearer $QODER_PAT");
    expect(text).toContain(list?.summary);
    // A field that is "X or null" shows its own description, not X's (Redoc shows the variant's).
    const firstId = textIn(
      lang.code,
      "/components/schemas/DeploymentList/properties/first_id/description",
      "ID of the first deployment on this page (pass as `before_id` to page backwards); null when empty.",
    );
    expect(text).toContain(firstId.replaceAll("`", ""));
    if (lang.code === "ja") {
      // The seed page's own sentences (docs/test/fixtures/seed-ja-wording.txt), as the reader sees them.
      const seed = readFileSync(join(docsDir, "test", "fixtures", "seed-ja-wording.txt"), "utf8");
      const intro = /^GET \/v1\/deployments (.+)$/m.exec(seed)?.[1] ?? "";
      for (const sentence of intro.split("。").filter(Boolean)) expect(text).toContain(sentence);
      expect(text).toContain("返却件数の上限。デフォルト 20、最大 1000。");
      expect(text).toContain("Agent ID でフィルタリング");
      expect(text).toContain("Deployment オブジェクトの配列");
      expect(text).toContain("現在ページ先頭レコードの ID");
      expect(text).toContain("現在ページ末尾レコードの ID");
      expect(text).toContain("さらにレコードがあるかどうか");
      expect(text).toContain(
        "次ページのカーソル値(has_more が true のときは last_id と同じ、それ以外は null)",
      );
      // The 401 row: its description shows once the 401 response is chosen.
      await page
        .locator('[data-section-id$="/listdeployments"]')
        .getByText("401", { exact: true })
        .first()
        .click();
      await expect.poll(() => sectionText("/listdeployments")).toContain("PAT が無効または期限切れ");
    }
    if (lang.code === "zh") {
      const description = textIn(lang.code, "/paths/~1deployments/get/description", "");
      const opening = description.replaceAll("`", "").split("，")[0] ?? "";
      expect(opening).toMatch(/[\u4e00-\u9fff]{4}/);
      expect(text).toContain(opening);
      expect(text).toContain("每页返回记录数的上限");
    }
    // Switch the sample to TypeScript: it calls the client's resource method.
    const section = page.locator('[data-section-id$="/listdeployments"]');
    await section.getByRole("button", { name: "curl", exact: true }).first().click();
    await page
      .getByRole("menuitem", { name: "TypeScript" })
      .or(page.getByText("TypeScript", { exact: true }))
      .first()
      .click();
    await expect.poll(() => section.textContent()).toContain("qoder.deployments.list(");
  });

  it(`search finds the pause operation for ${SEARCHES[lang.code].map((q) => `"${q}"`).join(" and ")}`, async () => {
    const pause = operations.find((op) => op.operationId === "pauseDeployment");
    expect(pause).toBeDefined();
    const results = page.locator('[data-testid="search-dialog"] [data-component-name="Search/SearchItem"]');
    for (const query of SEARCHES[lang.code]) {
      await openSite();
      const trigger = page.locator('[data-testid="search-trigger"]');
      await trigger.hover(); // loading the index starts on intent
      await trigger.click();
      await page.keyboard.type(query);
      await results.first().waitFor({ timeout: 10_000 });
      const hit = results.filter({ hasText: pause?.summary ?? "" }).first();
      await hit.waitFor({ timeout: 10_000 });
      const native = query === SEARCHES[lang.code][0];
      // The reader's own word finds the operation first; the English word finds it among the fields it
      // documents (`paused_reason` …), which open the operation at that field.
      if (native) expect(await results.first().textContent()).toContain(pause?.summary);
      await hit.click();
      await page.waitForURL(new RegExp(`${escapeRegExp(PAUSE_SECTION)}${native ? "$" : "(#|$)"}`));
    }
  });

  it("the language switcher keeps the section being read", async () => {
    for (const other of others) {
      await openSite(PAUSE_SECTION);
      await page.locator('[data-section-id$="/pausedeployment"]').first().waitFor();
      await page.locator(`#language-switcher a[hreflang="${other.htmlLang}"]`).click();
      await page.waitForURL(`${origin()}${other.path}${PAUSE_SECTION}`);
      await page.locator(NAV_ITEM).first().waitFor();
      expect(await page.getAttribute("html", "lang")).toBe(other.htmlLang);
      const summary = operationsIn(other.code).find((op) => op.operationId === "pauseDeployment")?.summary;
      await expect.poll(() => sectionText("/pausedeployment"), { timeout: 10_000 }).toContain(summary);
    }
    // Inside a guide too: its headings carry the English heading's id in every language.
    const other = others[0] as SiteLanguage;
    await openSite(GUIDE_SUBSECTION);
    await page
      .locator(`[data-section-id="${GUIDE_SUBSECTION.slice(1)}"]`)
      .first()
      .waitFor();
    await page.locator(`#language-switcher a[hreflang="${other.htmlLang}"]`).click();
    await page.waitForURL(`${origin()}${other.path}${GUIDE_SUBSECTION}`);
    const heading = page.locator(`[data-section-id="${GUIDE_SUBSECTION.slice(1)}"] h2`).first();
    await heading.waitFor();
    expect(await heading.isVisible()).toBe(true);
    await openSite();
  });

  it("every guide is reachable from the navigation, under its title in this language", async () => {
    const guides = guidesIn(lang.code);
    expect(guides.length).toBeGreaterThanOrEqual(6);
    for (const { slug, title } of guides) {
      await clickNav(title);
      await page.waitForURL(new RegExp(`#/${slug}$`));
      const heading = page
        .locator(`[data-section-id="/${slug}"] [data-component-name^="Typography/H"]`)
        .first();
      await heading.waitFor();
      expect(await heading.isVisible()).toBe(true);
      expect((await heading.textContent())?.trim()).toBe(title);
    }
    // Guide code blocks are highlighted (tokens in spans), not plain text.
    await clickNav(guides[0]?.title ?? "");
    const keywords = page.locator('[data-section-id^="/getting-started"] pre.guide-code .hljs-keyword');
    await expect.poll(() => keywords.count()).toBeGreaterThan(3);
  });

  it("a menu link opened in a new tab (or copied, or followed without JavaScript) stays on this language's site", async () => {
    // A fresh load with no section: the menu's links are still as Redoc prerendered them.
    const fresh = await context.newPage();
    try {
      await fresh.goto(`${origin()}${lang.path}`, { waitUntil: "networkidle" });
      const [guide] = guidesIn(lang.code);
      const link = fresh
        .locator(`${NAV_ITEM} > a`)
        .filter({ hasText: guide?.title ?? "" })
        .first();
      const href = (await link.getAttribute("href")) ?? "";
      expect(href).toBe(`${lang.path}${guide?.slug}`);
      const tab = await context.newPage();
      try {
        await tab.goto(new URL(href, fresh.url()).href, { waitUntil: "networkidle" });
        expect(new URL(tab.url()).pathname).toBe(lang.path);
        expect(new URL(tab.url()).hash).toBe(`#/${guide?.slug}`);
        expect(await tab.locator("html").getAttribute("lang")).toBe(lang.htmlLang);
      } finally {
        await tab.close();
      }
    } finally {
      await fresh.close();
    }
  });

  it("shows every guide's code blocks exactly as written: every space and line break", async () => {
    for (const { slug, file } of guidesIn(lang.code)) {
      const fences = [...readFileSync(file, "utf8").matchAll(/^```\w+[^\n]*\n([\s\S]*?)^```[ \t]*$/gm)].map(
        (fence) => (fence[1] ?? "").replace(/\n$/, ""),
      );
      await openSite(`#/${slug}`);
      // Sections render once in view: scroll until the guide's blocks are all there.
      const blocks = page.locator(`[data-section-id^="/${slug}"] pre.guide-code`);
      for (let round = 0; round < 50 && (await blocks.count()) < fences.length; round++) {
        if (await blocks.count()) await blocks.last().scrollIntoViewIfNeeded();
        await page.mouse.wheel(0, 600);
        await page.waitForTimeout(100);
      }
      expect(await blocks.evaluateAll((pres) => pres.map((pre) => pre.textContent)), file).toEqual(fences);
    }
  });

  it("saves a full-page screenshot of the start page", async () => {
    await openSite();
    await page.locator('[data-testid="search-trigger"]').hover(); // the search box then reads "Search"
    // Sections render when they enter the viewport, and the sidebar is one viewport tall: grow the
    // viewport to the whole page (until it stops growing) so the screenshot shows everything.
    let height = 0;
    for (let round = 0; round < 5; round++) {
      const next = await page.evaluate(() => document.documentElement.scrollHeight);
      if (next === height) break;
      height = next;
      await page.setViewportSize({ width: 1400, height });
      await page.waitForTimeout(300);
    }
    const file = lang.code === "en" ? "screenshot.png" : `screenshot-${lang.code}.png`;
    const png = await page.screenshot({ path: join(distDir, file), fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(png.byteLength).toBeGreaterThan(50_000);
  });

  it("declares an icon that needs no request (a browser would log /favicon.ico's 404 as an error)", async () => {
    await openSite();
    const icon = await page.evaluate(() => document.querySelector('link[rel~="icon"]')?.getAttribute("href"));
    expect(icon).toMatch(/^data:/);
  });

  // Last, so it also covers everything the steps above loaded.
  it("loaded nothing from outside 127.0.0.1, with no failed request and no console error", () => {
    expect(outsideRequests, "requests leaving 127.0.0.1").toEqual([]);
    expect(failedRequests, "failed requests").toEqual([]);
    expect(consoleErrors, "console errors").toEqual([]);
  });
});

describe("layout", () => {
  it.each(SITE_LANGUAGES)("$name on a phone: titles break between words, never inside one", async (lang) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const phone = await context.newPage();
    try {
      await phone.goto(`${origin()}${lang.path}#/deployments`, { waitUntil: "networkidle" });
      const heading = phone
        .locator('[data-section-id="/deployments"] [data-component-name="Typography/H2"]')
        .first();
      await heading.waitFor();
      // A word broken across lines makes the heading's box narrower than that word's own width.
      const fits = await heading.evaluate((element) => {
        const probe = element.cloneNode(true) as HTMLElement;
        probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap;width:auto";
        document.body.append(probe);
        const longestWord = Math.max(
          ...(element.textContent ?? "").split(/\s+/).map((word) => {
            probe.textContent = word;
            return probe.getBoundingClientRect().width;
          }),
        );
        probe.remove();
        return { width: element.getBoundingClientRect().width, longestWord };
      });
      expect(fits.width).toBeGreaterThanOrEqual(fits.longestWord - 1);
    } finally {
      await context.close();
    }
  });

  it("opened from disk (file://), the switcher leads to the other language's page at the same section", async () => {
    const context = await newContext();
    const page = await context.newPage();
    try {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`file://${join(distDir, "ja", "index.html")}${PAUSE_SECTION}`);
      await page.locator(NAV_ITEM).first().waitFor();
      await page.locator('#language-switcher a[hreflang="zh-Hans"]').click();
      await page.waitForURL(`file://${join(distDir, "zh", "index.html")}${PAUSE_SECTION}`);
      expect(await page.getAttribute("html", "lang")).toBe("zh-Hans");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the curl URL of a request sample is not hidden under its copy button", async () => {
    const context = await newContext();
    const wide = await context.newPage();
    try {
      await wide.goto(`${origin()}/#/deployments/listdeployments`, { waitUntil: "networkidle" });
      const code = wide.locator('.panel-request-samples pre[data-testid="source-code"]').first();
      await code.waitFor();
      const overlap = await code.evaluate((pre) => {
        const button = pre
          .closest('[data-component-name="CodeBlock/CodeBlock"]')
          ?.querySelector('[data-testid="copy-button"]');
        const url = [...pre.querySelectorAll("span")].find((span) => span.textContent?.includes("https://"));
        if (!button || !url) return "no copy button or URL";
        const b = button.getBoundingClientRect();
        for (const r of url.getClientRects()) {
          if (r.right > b.left && r.left < b.right && r.bottom > b.top && r.top < b.bottom) return "overlaps";
        }
        return pre.scrollWidth > pre.clientWidth + 1 ? "scrolls sideways" : "clear";
      });
      expect(overlap).toBe("clear");
    } finally {
      await context.close();
    }
  });
});
