// A browser project's code (lib ES2022 + DOM, without DOM.Iterable, no @types/node), compiled against the
// built declarations by declarations.test.ts: a `Headers` per call is accepted though the DOM library
// does not type it as iterable there.

import { createQoderClient } from "@qoder-cloud/client";

const qoder = createQoderClient({ token: "pt-test", baseUrl: "http://127.0.0.1:4010" });
const deployment = await qoder.deployments.retrieve("dep_1", { headers: new Headers({ "x-trace": "1" }) });
for await (const item of qoder.paginate("/deployments", { headers: new Headers({ "x-trace": "1" }) }))
  void item;

export { deployment };
