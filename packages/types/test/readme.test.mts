// The README's TypeScript blocks (docs/scripts/lib/fences.mjs) compile, strictly, against the package as a
// consumer imports it (types only: there is nothing to run), so a renamed export or a changed shape cannot leave a sample behind.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, test } from "vitest";
import { typescriptBlocks } from "../../../docs/scripts/lib/fences.mjs";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const blocks = typescriptBlocks(readFileSync(`${packageDir}README.md`, "utf8"));

test("every ts block of the README compiles against @qoder-cloud/types", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  // In-memory files inside the package, so that "@qoder-cloud/types" resolves through its own exports.
  const files = new Map(
    blocks.map((block, index) => [`${packageDir}test/README-sample-${index + 1}.mts`, block]),
  );
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
  host.readFile = (file) => files.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) =>
    files.has(file)
      ? ts.createSourceFile(file, files.get(file) as string, language)
      : getSourceFile.call(host, file, language, ...rest);
  const program = ts.createProgram([...files.keys()], options, host);
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file?.fileName.replace(packageDir, "") ?? "";
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
  expect(problems).toEqual([]);
});
