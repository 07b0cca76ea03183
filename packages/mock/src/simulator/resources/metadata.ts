// String-to-string metadata, one rule for agents, environments and deployments (whose reserved
// cas_config block is handled beside it, in deployments.ts).
import { invalid } from "../errors.js";

const MAX_METADATA_KEYS = 16;

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
  if (Object.keys(metadata).length > MAX_METADATA_KEYS)
    throw invalid(
      `metadata may hold at most ${MAX_METADATA_KEYS} keys; this would leave ${Object.keys(metadata).length}. Delete keys by setting them to null.`,
      "metadata",
    );
  return metadata;
}
