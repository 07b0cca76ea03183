// The built site in a real Chromium with the network cut: everything must come from 127.0.0.1.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDocsServer } from "../scripts/serve.mjs";
import { CHROMIUM_ARGS, ensureChromium } from "./support/chromium.js";
import { bundledOperations, distDir, guideTitles, requireBuiltSite } from "./support/site.js";

const SEED_DEPLOYMENT_ID = "dep_019ec556114c78f8b60ee34fcb98bf59";
const NAV_ITEM = '[data-component-name="Menu/MenuItem"]';

let docs: { url: string; close: () => Promise<void> };
let context: BrowserContext;
let page: Page;
let userDataDir: string;
const outsideRequests: string[] = [];
const failedRequests: string[] = [];
const consoleErrors: string[] = [];

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return !/^(https?|wss?):$/.test(protocol) || hostname === "127.0.0.1";
}

async function navLabels(): Promise<Array<{ text: string; href: string }>> {
  return page.locator(NAV_ITEM).evaluateAll((items) =>
    items.map((item) => ({
      text: item.querySelector("[data-text]")?.getAttribute("data-text") ?? "", // the label, without its badge
      href: item.querySelector("a")?.getAttribute("href") ?? "",
    })),
  );
}

async function clickNav(label: string): Promise<void> {
  await page
    .locator(`${NAV_ITEM} > a`)
    .filter({ hasText: new RegExp(`^${label}`) })
    .first()
    .click();
}

beforeAll(async () => {
  requireBuiltSite();
  const executablePath = ensureChromium();
  docs = await startDocsServer({ port: 0 });
  userDataDir = mkdtempSync(join(tmpdir(), "qoder-docs-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
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
  page = context.pages()[0] ?? (await context.newPage());
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
  await page.goto(docs.url, { waitUntil: "networkidle" });
  await page.locator(NAV_ITEM).first().waitFor();
});

afterAll(async () => {
  await context?.close();
  await docs?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe("docs site in Chromium, offline", () => {
  it("renders the reference from the page itself", async () => {
    expect(await page.title()).toMatch(/Cloud Agents API/);
    expect(await page.locator("h1").first().textContent()).toContain("Cloud Agents API");
  });

  it("navigation lists every operation of the spec", async () => {
    const operations = bundledOperations();
    expect(operations.length).toBeGreaterThan(0);
    const seen = new Map<string, string>();
    const tags = [...new Set(operations.map((op) => op.tag))];
    for (const tag of tags) {
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

  it("the list-deployments section shows the seed's example and generated samples", async () => {
    const list = bundledOperations().find((op) => op.operationId === "listDeployments");
    expect(list).toBeDefined();
    await clickNav(list?.tag ?? "");
    await clickNav(list?.summary ?? "");
    await page.waitForURL(/listdeployments/);
    const section = page.locator('[data-section-id$="/listdeployments"]');
    // Sections render lazily once in view, and React may replace the node meanwhile: retry both.
    const renderedText = async () => {
      await page.evaluate(() =>
        document.querySelector('[data-section-id$="/listdeployments"]')?.scrollIntoView(),
      );
      return section.textContent();
    };
    await expect.poll(renderedText, { timeout: 10_000 }).toContain(SEED_DEPLOYMENT_ID);
    const text = await section.textContent();
    expect(text).toContain("api-doc-verification-deployment"); // inside data[0]: the example is expanded
    expect(text).toContain("Authorization: Bearer $QODER_PAT");
    // Switch the sample to TypeScript: it calls the client's resource method.
    await section.getByRole("button", { name: "curl", exact: true }).first().click();
    await page
      .getByRole("menuitem", { name: "TypeScript" })
      .or(page.getByText("TypeScript", { exact: true }))
      .first()
      .click();
    await expect.poll(() => section.textContent()).toContain("qoder.deployments.list(");
  });

  it('search finds "pause"', async () => {
    const pause = bundledOperations().find((op) => op.operationId === "pauseDeployment");
    const trigger = page.locator('[data-testid="search-trigger"]');
    await trigger.hover(); // loading the index starts on intent
    await trigger.click();
    await page.keyboard.type("pause");
    const results = page.locator('[data-testid="search-dialog"] [data-component-name="Search/SearchItem"]');
    await results.first().waitFor({ timeout: 10_000 });
    expect(await results.first().textContent()).toContain(pause?.summary);
    // Choosing the first hit opens the operation.
    await results.first().click();
    await page.waitForURL(/#\/deployments\/pausedeployment$/);
  });

  it("every guide is reachable from the navigation", async () => {
    const titles = guideTitles();
    expect(titles.length).toBeGreaterThanOrEqual(6);
    for (const title of titles) {
      await clickNav(title);
      const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
      await page.waitForURL(new RegExp(`#/${slug}$`));
      const heading = page
        .locator(`[data-section-id="/${slug}"] [data-component-name^="Typography/H"]`)
        .first();
      await heading.waitFor();
      expect(await heading.isVisible()).toBe(true);
      expect((await heading.textContent())?.trim()).toBe(title);
    }
  });

  it("saves a full-page screenshot of the start page", async () => {
    await page.goto(docs.url, { waitUntil: "networkidle" });
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
    const png = await page.screenshot({ path: join(distDir, "screenshot.png"), fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(png.byteLength).toBeGreaterThan(50_000);
  });

  // Last, so it also covers everything the steps above loaded.
  it("loaded nothing from outside 127.0.0.1, with no failed request and no console error", () => {
    expect(outsideRequests, "requests leaving 127.0.0.1").toEqual([]);
    expect(failedRequests, "failed requests").toEqual([]);
    expect(consoleErrors, "console errors").toEqual([]);
  });
});
