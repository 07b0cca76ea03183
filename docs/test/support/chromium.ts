// Finds Debian's Chromium for the browser test. On a fresh root machine with apt it installs the
// package (never a browser download from elsewhere); otherwise it fails saying how to install it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const INSTALL_HINT =
  "Install Debian's chromium (sudo apt-get update && sudo apt-get install -y chromium), " +
  "or set CHROMIUM_PATH to a Chromium/Chrome binary.";

function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

function run(command: string, args: string[]): void {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}). ${INSTALL_HINT}`);
}

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (!isRoot || !hasApt)
    throw new Error(`No Chromium found (looked at ${CANDIDATES.join(", ")}). ${INSTALL_HINT}`);
  console.log("No Chromium found: installing Debian's chromium package for the docs browser test.");
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "chromium"]);
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed chromium but no binary is at ${CANDIDATES.join(", ")}.`);
  return installed;
}

/** Flags for a quiet, offline-friendly headless Chromium (no background updates, sync or QUIC). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * The Japanese and Chinese screenshots need a CJK font to be legible (the tests themselves read text,
 * not pixels). Warns, with the fix, when the machine has none.
 */
export function warnIfNoCjkFont(): void {
  const probe = spawnSync("fc-list", [":lang=ja"], { encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim() !== "") return;
  console.warn(
    "No CJK font found (fc-list :lang=ja): the ja/zh screenshots will show boxes instead of text. " +
      "Install one: sudo apt-get install -y fonts-noto-cjk",
  );
}
