// The workspace as the tests see it: its root and the manifests of the packages pnpm-workspace.yaml lists.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";

export const repoRoot = path.resolve(import.meta.dirname, "../../../..");

export type Manifest = {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  repository?: { url?: string };
  scripts?: Record<string, string>;
};

/** Manifests of the workspace packages (globs of the `dir` or `dir/*` form), with their folders. */
export async function workspaceManifests(): Promise<Array<Manifest & { dir: string }>> {
  const { packages: globs } = parseYaml(await readFile(path.join(repoRoot, "pnpm-workspace.yaml"), "utf8"));
  const manifests: Array<Manifest & { dir: string }> = [];
  for (const glob of globs as string[]) {
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

/**
 * The files git would commit (tracked, and new ones not ignored), with their text; a file deleted in the
 * working tree is left out.
 */
export function repositoryFiles(): { file: string; text: string }[] {
  return execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: repoRoot,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean)
    .flatMap((file) => {
      try {
        return [{ file, text: readFileSync(path.join(repoRoot, file), "utf8") }];
      } catch {
        return []; // deleted in the working tree
      }
    });
}
