// The gate's versioning rule (docs/guides/06-versioning.md) on its own, without git or Redocly.
import { describe, expect, test } from "vitest";
import { changesetBumps, verdict } from "../src/gate.mjs";

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
  test("reads the front matter, quoted or not, and nothing from the body", () => {
    const bumps = changesetBumps(
      '---\n"@qoder-cloud/openapi": major\n@qoder-cloud/client: minor\n---\n\n"@qoder-cloud/mock": major\n',
    );
    expect([...bumps]).toEqual([
      ["@qoder-cloud/openapi", "major"],
      ["@qoder-cloud/client", "minor"],
    ]);
  });
  test("a file without front matter bumps nothing", () => {
    expect(changesetBumps("just text\n").size).toBe(0);
  });
});
