// String-to-string metadata, one rule for agents, environments and deployments (whose reserved
// cas_config block is handled beside it, in deployments.ts).
import { loadContract } from "../contract.js";
import { invalid } from "../errors.js";

let maxKeys: number | undefined;
/** The contract's cap on the keys a write may leave (`KeyValueMetadataParams`' `maxProperties`). */
function maxMetadataKeys(): number {
  maxKeys ??= (loadContract().document.components as { schemas: Record<string, { maxProperties?: number }> })
    .schemas.KeyValueMetadataParams?.maxProperties;
  if (maxKeys === undefined) throw new Error("The contract's KeyValueMetadataParams has no maxProperties.");
  return maxKeys;
}

/**
 * Applies a metadata patch: keys set to null are deleted (also "" where `emptyDeletes`, as the
 * environments API documents), `replace` starts from nothing (create, or `metadata: null` on update).
 */
export function patchMetadata(
  previous: Record<string, string>,
  patch: Record<string, string | null> | null | undefined,
  { replace, emptyDeletes = false }: { replace: boolean; emptyDeletes?: boolean },
): Record<string, string> {
  const metadata: Record<string, string> = replace ? {} : { ...previous };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === null || (emptyDeletes && !replace && value === "")) delete metadata[key];
    // Defined, not assigned: a key named "__proto__" would set the object's prototype and be lost.
    else
      Object.defineProperty(metadata, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const max = maxMetadataKeys();
  if (Object.keys(metadata).length > max)
    throw invalid(
      `metadata may hold at most ${max} keys; this would leave ${Object.keys(metadata).length}. Delete keys by setting them to null.`,
      "metadata",
    );
  return metadata;
}
