// The gate's versioning rule (docs/guides/06-versioning.md) on its own, without git or Redocly.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  changesetBumps,
  changesetRefusals,
  changesetSummary,
  changesetWorkspace,
  contractBumpSince,
  sameDocument,
  verdict,
} from "../src/gate.mjs";

/** A workspace as changesets reads it: two released packages and an ignored private one. */
async function fakeWorkspace(repo: string) {
  const write = async (file: string, value: unknown) => {
    await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
    await writeFile(path.join(repo, file), typeof value === "string" ? value : JSON.stringify(value));
  };
  await write("pnpm-workspace.yaml", "packages:\n  - openapi\n  - packages/*\n");
  await write("openapi/package.json", { name: "@qoder-cloud/openapi", version: "4.0.0" });
  await write("packages/client/package.json", { name: "@qoder-cloud/client", version: "1.0.0" });
  await write("packages/contract-tests/package.json", {
    name: "@qoder-cloud/contract-tests",
    version: "0.0.0",
    private: true,
  });
  await write(".changeset/config.json", {
    ignore: ["@qoder-cloud/contract-tests"],
    privatePackages: { version: false, tag: false },
  });
}

describe("verdict", () => {
  const none = { breaking: 0, majorRaised: false, contractChanged: false, bump: undefined };
  test("an unchanged contract needs nothing", () => {
    expect(verdict(none)).toEqual({ ok: true });
  });
  test("a changed contract needs a changeset naming the contract package", () => {
    expect(verdict({ ...none, contractChanged: true })).toMatchObject({
      ok: false,
      problem: expect.stringContaining("no changeset since the base names @qoder-cloud/openapi"),
    });
    expect(verdict({ ...none, contractChanged: true, bump: "patch" })).toEqual({ ok: true });
  });
  test("a breaking change needs the major raised and a major changeset, both", () => {
    const breaking = { breaking: 2, contractChanged: true };
    expect(verdict({ ...breaking, majorRaised: false, bump: "major" }).ok).toBe(false);
    expect(verdict({ ...breaking, majorRaised: true, bump: undefined }).ok).toBe(false);
    expect(verdict({ ...breaking, majorRaised: true, bump: "minor" })).toMatchObject({
      ok: false,
      problem: expect.stringContaining("(found: minor)"),
    });
    expect(verdict({ ...breaking, majorRaised: true, bump: "major" })).toEqual({ ok: true });
  });
});

describe("changesetBumps", () => {
  test("reads the front matter, and nothing from the body", () => {
    const bumps = changesetBumps(
      '---\n"@qoder-cloud/openapi": major\n"@qoder-cloud/client": minor\n---\n\n"@qoder-cloud/mock": major\n',
    );
    expect([...bumps]).toEqual([
      ["@qoder-cloud/openapi", "major"],
      ["@qoder-cloud/client", "minor"],
    ]);
  });
  test("reads it as YAML, as changesets does: comments, single quotes, quoted levels, CRLF", () => {
    expect(changesetBumps('---\n"@qoder-cloud/openapi": patch # wording only\n---\n\nText.\n')).toEqual(
      new Map([["@qoder-cloud/openapi", "patch"]]),
    );
    expect(changesetBumps("---\n'@qoder-cloud/openapi': 'patch'\n---\n")).toEqual(
      new Map([["@qoder-cloud/openapi", "patch"]]),
    );
    expect(changesetBumps('---\r\n# the contract\r\n"@qoder-cloud/openapi": "minor"\r\n---\r\n')).toEqual(
      new Map([["@qoder-cloud/openapi", "minor"]]),
    );
  });
  test("`none` bumps nothing; an empty front matter names nothing", () => {
    expect(changesetBumps('---\n"@qoder-cloud/openapi": none\n---\n').size).toBe(0);
    expect(changesetBumps("---\n---\n\nText.\n").size).toBe(0);
  });
  test("a file without front matter is an error, as changesets refuses it", () => {
    expect(() => changesetBumps("just text\n", ".changeset/x.md")).toThrow(
      /^\.changeset\/x\.md: missing or invalid frontmatter \(changesets refuses it too\)\.$/,
    );
  });
  test("a front matter changesets would refuse is an error naming the file, not a silent no-bump", () => {
    // An unquoted @scope/name is not a YAML key (@ is reserved); changesets refuses the file.
    expect(() => changesetBumps("---\n@qoder-cloud/openapi: patch\n---\n", ".changeset/x.md")).toThrow(
      /^\.changeset\/x\.md: invalid YAML in frontmatter/,
    );
    expect(() => changesetBumps('---\n"@qoder-cloud/openapi": mayor\n---\n')).toThrow(
      /invalid version type "mayor" for package "@qoder-cloud\/openapi"/,
    );
    expect(() => changesetBumps("---\n- patch\n---\n")).toThrow(/must be an object mapping package names/);
  });
});

describe("contractBumpSince", () => {
  test("reads the files changesets reads: not its README in any case, not a dotfile", async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), "governance-changesets-"));
    try {
      await fakeWorkspace(repo);
      const write = (name: string, text: string) => writeFile(path.join(repo, ".changeset", name), text);
      await write("real.md", '---\n"@qoder-cloud/openapi": patch\n---\n\nWording.\n');
      // A major the release would never see must not satisfy the gate; notes beside them must not fail it.
      await write(".hidden.md", '---\n"@qoder-cloud/openapi": major\n---\n\nMigrate.\n');
      await write("readme.md", "How to write a changeset.\n");
      await write(".notes.md", "Scratch notes.\n");
      // Not a git repository: no base to leave files out by.
      expect(await contractBumpSince(repo, "HEAD")).toEqual({ bump: "patch", silentMajors: [], refused: [] });
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  test("a changeset `changeset version` refuses counts for nothing, and is named", async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), "governance-changesets-"));
    try {
      await fakeWorkspace(repo);
      await writeFile(
        path.join(repo, ".changeset", "typo.md"),
        '---\n"@qoder-cloud/openapi": minor\n"@qoder-cloud/clinet": patch\n---\n\nAdds nickname.\n',
      );
      const found = await contractBumpSince(repo, "HEAD");
      expect(found).toMatchObject({
        bump: undefined,
        refused: [expect.stringContaining(".changeset/typo.md")],
      });
      expect(verdict({ breaking: 0, majorRaised: false, contractChanged: true, ...found })).toEqual({
        ok: false,
        problem: found.refused[0],
      });
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});

describe("changesetRefusals: what `changeset version` refuses", () => {
  const workspace = {
    names: new Set(["@qoder-cloud/openapi", "@qoder-cloud/client", "@qoder-cloud/contract-tests"]),
    skipped: new Set(["@qoder-cloud/contract-tests"]),
  };
  const refusals = (front: string) =>
    changesetRefusals(`---\n${front}---\n\nText.\n`, ".changeset/x.md", workspace);

  test("a package that is not in the workspace, naming the file, the package and the fix", () => {
    expect(refusals('"@qoder-cloud/openapi": minor\n"@qoder-cloud/clinet": patch\n')).toEqual([
      ".changeset/x.md names @qoder-cloud/clinet, which is not a package of the workspace (changeset version " +
        "refuses it): name one of @qoder-cloud/client, @qoder-cloud/openapi instead.",
    ]);
    // `none` bumps nothing, but changesets still looks the package up.
    expect(refusals('"@qoder-cloud/nope": none\n')).toHaveLength(1);
  });

  test("a skipped (ignored) package beside a released one; either kind alone is fine", () => {
    expect(refusals('"@qoder-cloud/openapi": minor\n"@qoder-cloud/contract-tests": patch\n')).toEqual([
      '.changeset/x.md names @qoder-cloud/contract-tests, which releases skip (.changeset/config.json "ignore", ' +
        "or private), beside @qoder-cloud/openapi (changeset version refuses a mixed changeset): remove " +
        "@qoder-cloud/contract-tests from it; a skipped package needs no changeset.",
    ]);
    expect(refusals('"@qoder-cloud/contract-tests": patch\n')).toEqual([]);
    expect(refusals('"@qoder-cloud/openapi": minor\n"@qoder-cloud/client": patch\n')).toEqual([]);
  });

  test("the workspace is read from its package.json files and .changeset/config.json", async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), "governance-workspace-"));
    try {
      await fakeWorkspace(repo);
      expect(await changesetWorkspace(repo)).toEqual(workspace);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});

describe("a major changeset says how to migrate", () => {
  test("verdict refuses a major changeset with nothing below its front matter, naming it", () => {
    const accepted = { breaking: 1, majorRaised: true, contractChanged: true, bump: "major" };
    expect(verdict({ ...accepted, silentMajors: [".changeset/x.md"] })).toEqual({
      ok: false,
      problem: expect.stringMatching(
        /^\.changeset\/x\.md raises @qoder-cloud\/openapi's major but says nothing/,
      ),
    });
    expect(verdict({ ...accepted, silentMajors: [] })).toEqual({ ok: true });
  });
  test("changesetSummary is the text below the front matter", () => {
    expect(changesetSummary('---\n"@qoder-cloud/openapi": major\n---\n\n  \n')).toBe("");
    expect(changesetSummary('---\n"@qoder-cloud/openapi": major\n---\n\nRenamed x to y.\n')).toBe(
      "Renamed x to y.",
    );
  });
  test("a comment or invisible characters are not a migration note (the changelog would show nothing)", () => {
    const head = '---\n"@qoder-cloud/openapi": major\n---\n\n';
    expect(changesetSummary(`${head}<!-- write the migration here -->\n`)).toBe("");
    for (const invisible of ["\u200b", "\u00ad", "\u2800", "\u3164"])
      expect(changesetSummary(`${head}${invisible}\n`)).toBe("");
    expect(changesetSummary(`${head}<!-- note -->Renamed x to y.\n`)).toBe("Renamed x to y.");
  });
  test("a front matter closed as changesets closes it: `---text` and `----` do not (changesets refuses both)", () => {
    for (const text of [
      '---\n"@qoder-cloud/openapi": major\n---Migrate x.\n',
      '---\n"@qoder-cloud/openapi": major\n----\n\nText.\n',
    ])
      expect(() => changesetBumps(text, ".changeset/x.md"), text).toThrow(/missing or invalid frontmatter/);
    expect([...changesetBumps('---\r\n"@qoder-cloud/openapi": major\r\n---  \r\n\r\nText.\r\n')]).toEqual([
      ["@qoder-cloud/openapi", "major"],
    ]);
  });
  test("a front matter that is never closed is an error, not a no-bump", () => {
    expect(() => changesetBumps('---\n"@qoder-cloud/openapi": major\n\nText.\n', ".changeset/x.md")).toThrow(
      /^\.changeset\/x\.md: missing or invalid frontmatter/,
    );
  });
});

describe("sameDocument", () => {
  const compare = async (left: unknown, right: unknown) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "governance-same-"));
    try {
      const [a, b] = [path.join(dir, "a.json"), path.join(dir, "b.json")];
      await Promise.all([writeFile(a, JSON.stringify(left)), writeFile(b, JSON.stringify(right))]);
      return await sameDocument(a, b);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  test("keys in another order, at any depth, are the same contract", async () => {
    const operation = { operationId: "listDeployments", "x-sdk-method": "deployments.list" };
    const reordered = { "x-sdk-method": "deployments.list", operationId: "listDeployments" };
    expect(
      await compare({ paths: { "/d": { get: operation } } }, { paths: { "/d": { get: reordered } } }),
    ).toBe(true);
  });
  test("a changed value or a reordered array is a change", async () => {
    expect(await compare({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
    expect(await compare({ tags: ["a", "b"] }, { tags: ["b", "a"] })).toBe(false);
  });
});
