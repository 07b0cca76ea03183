// The types have no values: this empty module is what `import { type Deployment } from
// "@qoder-cloud/types"` loads when a compiler keeps the import (verbatimModuleSyntax), so it does not fail.
export {};
