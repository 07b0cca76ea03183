// Runs before the mock's globalSetup: keeps a real server's QODER_BASE_URL / QODER_PAT aside (for the
// live suite) so that the mock setup always starts a mock for the rest of the contract tests.
export default function setup(): () => void {
  const baseUrl = process.env.QODER_BASE_URL;
  const pat = process.env.QODER_PAT;
  if (baseUrl && pat) {
    process.env.QODER_LIVE_BASE_URL = baseUrl;
    process.env.QODER_LIVE_PAT = pat;
  }
  delete process.env.QODER_BASE_URL;
  delete process.env.QODER_PAT;
  return () => {
    if (baseUrl !== undefined) process.env.QODER_BASE_URL = baseUrl;
    if (pat !== undefined) process.env.QODER_PAT = pat;
  };
}
