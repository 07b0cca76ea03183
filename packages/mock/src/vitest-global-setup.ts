// vitest globalSetup: one mock for the whole test run, its URL exposed as QODER_BASE_URL.
//   export default defineConfig({ test: { globalSetup: ["@qoder-cloud/mock/vitest-global-setup"] } });
// Tests then call createQoderClient() with no arguments. When QODER_BASE_URL is already set (a real
// server, or a mock started elsewhere), no mock is started and the tests run against that URL.
import { startMock } from "./index.js";

/** The part of vitest's TestProject this setup uses (kept structural so vitest stays a dev dependency). */
export interface GlobalSetupContext {
  provide(key: "qoderBaseUrl", value: string): void;
}

export default async function setup(
  project?: GlobalSetupContext,
): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.QODER_BASE_URL;
  if (given) {
    console.log(`[@qoder-cloud/mock] QODER_BASE_URL is set: tests run against ${given}; no mock started.`);
    project?.provide("qoderBaseUrl", given);
    return undefined;
  }
  const mock = await startMock({ port: 0 });
  // Workers start after global setup and inherit this environment.
  process.env.QODER_BASE_URL = mock.url;
  process.env.QODER_MOCK_URL = mock.url;
  // The mock accepts any bearer token; the client refuses to start without one.
  process.env.QODER_PAT ??= "pt-mock";
  project?.provide("qoderBaseUrl", mock.url);
  return async () => {
    await mock.stop();
    delete process.env.QODER_BASE_URL;
    delete process.env.QODER_MOCK_URL;
  };
}
