// The authoritative GET /deployments page (../shared/seed/…) lives outside the repository: it exists
// next to the CI checkout but not in other clones. Look for it in the ancestors of the repo root.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SEED_FILE = join("shared", "seed", "000_0f2ef10c7ab7de98.txt");
export const seedFixturePath = fileURLToPath(
  new URL("../fixtures/seed-list-deployments.json", import.meta.url),
);
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Path of the seed page, or undefined when this clone has no `shared/` directory above it. */
export function findSeedPage(): string | undefined {
  let dir = dirname(repoRoot.replace(/[/\\]$/, ""));
  for (;;) {
    const candidate = join(dir, SEED_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The JSON response example of the seed page, verbatim: from the "{" after "HTTP 200 OK" to its closing "}" line. */
export function extractSeedExample(pageText: string): string {
  const lines = pageText.split(/\r?\n/);
  const status = lines.findIndex((line) => line.trim() === "HTTP 200 OK");
  const start = lines.findIndex((line, i) => i > status && line === "{");
  const end = lines.findIndex((line, i) => i > start && line === "}");
  if (status < 0 || start < 0 || end < 0) throw new Error("The seed page has no `HTTP 200 OK` JSON block.");
  return `${lines.slice(start, end + 1).join("\n")}\n`;
}

export function readSeedFixture(): { text: string; value: unknown } {
  const text = readFileSync(seedFixturePath, "utf8");
  return { text, value: JSON.parse(text) };
}
