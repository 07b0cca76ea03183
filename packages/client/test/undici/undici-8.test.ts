// undici 8 (Node ≥ 22.19) changed the dispatch handler interface undiciFetch() uses; the optional peer range
// admits it so that installs are not refused. undici 8 cannot run on the Node 20 of this repository, so
// its one marker, the Dispatcher1Wrapper export, is added to undici 7 here.
import { expect, it, vi } from "vitest";
import { undiciFetch } from "../../src/undici.js";

vi.mock("undici", async (importOriginal) => ({
  ...(await importOriginal<typeof import("undici")>()),
  Dispatcher1Wrapper: class {},
}));

it("undiciFetch() on undici 8 says at once that it needs undici 7", () => {
  expect(() => undiciFetch()).toThrow(
    "undiciFetch() needs undici 7: undici 8 changed the dispatch handler interface it uses.",
  );
});
