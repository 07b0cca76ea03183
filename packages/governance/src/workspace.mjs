// @ts-check
// The workspace as pnpm (and changesets, through it) sees it: the packages pnpm-workspace.yaml lists.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";

/**
 * Manifests of the workspace packages (globs of the `dir` or `dir/*` form), with their folders relative to
 * `repoRoot`. @param {string} repoRoot @returns {Promise<Array<Record<string, any> & { dir: string }>>}
 */
export async function workspaceManifests(repoRoot) {
  const { packages: globs } = parseYaml(await readFile(path.join(repoRoot, "pnpm-workspace.yaml"), "utf8"));
  const manifests = [];
  for (const glob of /** @type {string[]} */ (globs)) {
    const dirs = glob.endsWith("/*")
      ? (await readdir(path.join(repoRoot, glob.slice(0, -2)), { withFileTypes: true }))
          .filter((entry) => entry.isDirectory())
          .map((entry) => path.join(glob.slice(0, -2), entry.name))
      : [glob];
    for (const dir of dirs) {
      const text = await readFile(path.join(repoRoot, dir, "package.json"), "utf8").catch(() => undefined);
      if (text) manifests.push({ ...JSON.parse(text), dir });
    }
  }
  return manifests;
}
