// The workspace as the tests see it: its root and the manifests of the packages pnpm-workspace.yaml lists.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { workspaceManifests as manifestsOf } from "../../src/workspace.mjs";

export const repoRoot = path.resolve(import.meta.dirname, "../../../..");

export type Manifest = {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  repository?: { url?: string };
  scripts?: Record<string, string>;
};

/** Manifests of the workspace packages, with their folders (src/workspace.mjs, which the gate reads too). */
export async function workspaceManifests(): Promise<Array<Manifest & { dir: string }>> {
  return (await manifestsOf(repoRoot)) as Array<Manifest & { dir: string }>;
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
