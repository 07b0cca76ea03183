// The changesets configuration against the workspace: exactly the four public packages are released,
// the contract and its types share a version, each published manifest can carry npm provenance, and
// every pending changeset is one `changeset version` takes.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";
import { changesetRefusals, changesetWorkspace, isChangesetFile } from "../src/gate.mjs";
import { repoRoot, workspaceManifests } from "./support/workspace.js";

const PUBLISHED = ["@qoder-cloud/client", "@qoder-cloud/mock", "@qoder-cloud/openapi", "@qoder-cloud/types"];

test("changesets releases exactly the public packages; private ones are ignored", async () => {
  const config = JSON.parse(await readFile(path.join(repoRoot, ".changeset/config.json"), "utf8"));
  const manifests = await workspaceManifests();
  const publicNames = manifests
    .filter((m) => !m.private)
    .map((m) => m.name)
    .sort();
  const privateNames = manifests
    .filter((m) => m.private)
    .map((m) => m.name)
    .sort();
  expect(publicNames).toEqual(PUBLISHED);
  expect([...config.ignore].sort()).toEqual(privateNames);
  expect(config).toMatchObject({ access: "public", baseBranch: "main", privatePackages: { version: false } });
});

test("the contract and its types are one fixed group with one version", async () => {
  const config = JSON.parse(await readFile(path.join(repoRoot, ".changeset/config.json"), "utf8"));
  expect(config.fixed).toContainEqual(["@qoder-cloud/openapi", "@qoder-cloud/types"]);
  const manifests = await workspaceManifests();
  const versionOf = (name: string) => manifests.find((m) => m.name === name)?.version;
  expect(versionOf("@qoder-cloud/types")).toBe(versionOf("@qoder-cloud/openapi"));
});

test("published manifests name a license and the GitHub repository (npm provenance checks it)", async () => {
  const manifests = (await workspaceManifests()).filter((m) => PUBLISHED.includes(m.name));
  const urls = new Set<string | undefined>();
  for (const manifest of manifests) {
    expect(manifest.license, manifest.name).toBeTruthy();
    expect(manifest.repository?.url, manifest.name).toMatch(
      /^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/,
    );
    urls.add(manifest.repository?.url);
  }
  expect(urls.size).toBe(1);
});

test("every pending changeset names packages of the workspace, never skipped ones beside released ones", async () => {
  const workspace = await changesetWorkspace(repoRoot);
  expect([...workspace.names].sort()).toEqual((await workspaceManifests()).map((m) => m.name).sort());
  const files = (await readdir(path.join(repoRoot, ".changeset"))).filter(isChangesetFile);
  expect(files.length).toBeGreaterThan(0);
  const refused = [];
  for (const name of files) {
    const file = path.join(".changeset", name);
    refused.push(...changesetRefusals(await readFile(path.join(repoRoot, file), "utf8"), file, workspace));
  }
  expect(refused).toEqual([]);
});
