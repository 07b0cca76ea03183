// The built declarations serve a consumer compiling with the settings strict users turn on
// (exactOptionalPropertyTypes, noUncheckedIndexedAccess, no skipLibCheck): strict-consumer.ts, and every
// TypeScript block of this package's README (docs/scripts/lib/fences.mjs), so a sample cannot rot. The
// blocks are fragments: each becomes the body of a function in its own in-memory module, after a preamble
// declaring the names they take as given (`qoder`, `id`, the options of "Create a client" …); a name a block
// declares itself shadows the preamble's.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, test } from "vitest";
import { typescriptBlocks } from "../../../../docs/scripts/lib/fences.mjs";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const readme = readFileSync(`${packageDir}README.md`, "utf8");
const blocks = typescriptBlocks(readme);

const PREAMBLE = `
declare const qoder: import("@qoder-cloud/client").QoderClient;
declare const id: string, runId: string, name: string, agent: string, environment_id: string;
declare const initial_events: import("@qoder-cloud/client").CreateDeploymentParams["initial_events"];
declare const schedule: { type: "cron"; expression: string; timezone: string };
declare const params: import("@qoder-cloud/client").CreateDeploymentParams;
declare const signal: AbortSignal;
declare const token: string | (() => string | Promise<string>);
declare const baseUrl: string, region: "global" | "cn", workspaceId: string, betas: string[];
declare const maxRetries: number, timeoutMs: number, maxResponseBytes: number;
declare const defaultHeaders: Record<string, string>, headers: Record<string, string>;
declare const defaultQuery: Record<string, string | number | boolean>;
declare const fetch: typeof globalThis.fetch;
declare const logger: import("@qoder-cloud/client").Logger, logLevel: import("@qoder-cloud/client").LogLevel;
`;

/** A block as a module: its imports first, the rest as the body of an async function. */
function asModule(block: string): string {
  const lines = block.split("\n");
  const imports = lines.filter((line) => line.startsWith("import "));
  const body = lines.filter((line) => !line.startsWith("import "));
  return `${imports.join("\n")}\n${PREAMBLE}\nexport async function sample() {\n${body.join("\n")}\n}\n`;
}

test("finds the README's samples", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(8);
});

test("strict-consumer.ts and every README sample compile against the built declarations", () => {
  const files = new Map(
    blocks.map((block, index) => [`${packageDir}test/declarations/README-sample-${index + 1}.ts`, block]),
  );
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noUnusedLocals: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: ["node"],
    skipLibCheck: false,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
  host.readFile = (file) =>
    files.has(file) ? asModule(files.get(file) as string) : readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) =>
    files.has(file)
      ? ts.createSourceFile(file, asModule(files.get(file) as string), language)
      : getSourceFile.call(host, file, language, ...rest);
  const consumer = fileURLToPath(new URL("./strict-consumer.ts", import.meta.url));
  const program = ts.createProgram([...files.keys(), consumer], options, host);
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const { file, start = 0 } = diagnostic;
    const where = file ? file.fileName.replace(`${packageDir}test/declarations/`, "") : "";
    const { line } = file ? file.getLineAndCharacterOfPosition(start) : { line: 0 };
    const source = file?.text.split("\n")[line]?.trim() ?? "";
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}\n  at: ${source}`;
  });
  expect(problems).toEqual([]);
}, 120_000);

/** tsc's problems with one consumer file of this folder, under strict settings and `options`. */
function problemsOf(file: string, options: ts.CompilerOptions): string[] {
  const consumer = fileURLToPath(new URL(`./${file}`, import.meta.url));
  const program = ts.createProgram([consumer], {
    strict: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    noEmit: true,
    ...options,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? diagnostic.file.fileName.replace(packageDir, "") : "";
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}

// es2021: @tsconfig/node16's lib; the declarations name no type of a later one (ErrorOptions is es2022).
test.each(["lib.es2022.d.ts", "lib.es2021.d.ts"])(
  "a Node project without the DOM library (%s) compiles against the built declarations",
  (lib) => {
    const options = {
      target: ts.ScriptTarget.ES2021,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: [lib],
      types: ["node"],
    };
    expect(problemsOf("node-consumer.ts", options)).toEqual([]);
  },
  120_000,
);

test("a browser project without DOM.Iterable nor @types/node compiles against the built declarations", () => {
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
  };
  expect(problemsOf("browser-consumer.ts", options)).toEqual([]);
}, 120_000);

test("a consumer's declaration files can name every type the client gives, with openapi-fetch out of its reach (pnpm's layout)", async () => {
  const { cpSync, mkdtempSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } = await import(
    "node:fs"
  );
  const { tmpdir } = await import("node:os");
  const { dirname, join } = await import("node:path");
  // pnpm's layout: the package in a store folder beside its own dependencies, the project linking to it.
  const project = mkdtempSync(join(tmpdir(), "qoder-client-pnpm-"));
  const link = (target: string, path: string) => {
    mkdirSync(dirname(path), { recursive: true });
    symlinkSync(target, path, "dir");
  };
  try {
    const store = join(project, "node_modules/.pnpm/client/node_modules");
    const client = join(store, "@qoder-cloud/client");
    mkdirSync(client, { recursive: true });
    cpSync(join(packageDir, "package.json"), join(client, "package.json"));
    cpSync(join(packageDir, "dist"), join(client, "dist"), { recursive: true });
    link(realpathSync(join(packageDir, "node_modules/openapi-fetch")), join(store, "openapi-fetch"));
    link(realpathSync(join(packageDir, "../types")), join(store, "@qoder-cloud/types"));
    link(client, join(project, "node_modules/@qoder-cloud/client"));
    link(
      realpathSync(join(packageDir, "node_modules/@types/node")),
      join(project, "node_modules/@types/node"),
    );
    writeFileSync(join(project, "package.json"), '{ "type": "module" }');
    const file = join(project, "lib.ts");
    writeFileSync(
      file,
      `import { createQoderClient, type QoderMiddleware } from "@qoder-cloud/client";
export const qoder = createQoderClient({ token: "pt-x" });
export const rawGet = (id: string) =>
  qoder.GET("/deployments/{deployment_id}", { params: { path: { deployment_id: id } } });
export const paginate = qoder.paginate;
export const use = qoder.use;
export const logging: QoderMiddleware = { onRequest: ({ request }) => void request.headers.get("x-request-id") };
export const withResponse = (id: string) => qoder.deployments.retrieve(id).withResponse();
`,
    );
    const options: ts.CompilerOptions = {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      types: ["node"],
      declaration: true,
      emitDeclarationOnly: true,
      outDir: join(project, "out"),
      skipLibCheck: true,
    };
    const program = ts.createProgram([file], options);
    const emitted = program.emit();
    const problems = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((diagnostic) =>
      ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
    );
    expect(problems).toEqual([]);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}, 120_000);
