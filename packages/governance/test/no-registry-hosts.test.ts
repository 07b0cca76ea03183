// Nothing in the repository names a package registry's host (or its website): installs go to whatever
// registry the machine is configured for, and nothing here may point elsewhere.
import { expect, test } from "vitest";
import { repositoryFiles } from "./support/workspace.js";

// Assembled, so that this file does not name the hosts it looks for.
// npm's and its mirrors, GitHub's and Deno's registries, JSR, PyPI, and the CDNs that serve registry
// packages to browsers. A host that is a whole domain starts at a boundary: "build-esm.sh" is a file name.
const HOSTS = new RegExp(
  [
    "npmjs\\.(org|com|net)",
    "yarnpkg\\.com",
    "npmmirror\\.com",
    "npm\\.taobao\\.org",
    "npm\\.pkg\\.github\\.com",
    "deno\\.land",
    "(?<![\\w-])jsr\\.io\\b",
    "pypi\\.(org|python\\.org)",
    "pythonhosted\\.org",
    "unpkg\\.com",
    "jsdelivr\\.net",
    "cdnjs\\.cloudflare\\.com",
    "(?<![\\w-])esm\\.(sh|run)\\b",
    "jspm\\.(io|dev)",
    "skypack\\.dev",
  ].join("|"),
  "i",
);

/** The files git would commit (tracked, and new ones not ignored) that name one of HOSTS, with the line. */
function namingHosts(): string[] {
  return repositoryFiles().flatMap(({ file, text }) =>
    text
      .split("\n")
      .map((line, index) => [line, index] as const)
      .filter(([line]) => HOSTS.test(line))
      .map(([line, index]) => `${file}:${index + 1}: ${line.trim().slice(0, 120)}`),
  );
}

test("no file of the repository names a registry's host", () => {
  expect(namingHosts()).toEqual([]);
});

test("the check finds a host where one is written", () => {
  expect(HOSTS.test(`see https://www.${"npmjs"}.com/package/x`)).toBe(true);
  expect(HOSTS.test(`https://${"jsr"}.io/@std/path`)).toBe(true);
  expect(HOSTS.test(`<script src="https://cdn.${"jsdelivr"}.net/npm/x">`)).toBe(true);
  expect(HOSTS.test(`import x from "https://${"esm"}.sh/x"`)).toBe(true);
  expect(HOSTS.test(`@jsr:registry=https://npm.${"jsr"}.io`)).toBe(true);
  expect(HOSTS.test(`https://cdn.${"esm"}.sh/x`)).toBe(true);
  expect(HOSTS.test("a registry-neutral line")).toBe(false);
  expect(HOSTS.test("scripts/build-esm.sh and docs/ajsr.io.md are file names")).toBe(false);
});
