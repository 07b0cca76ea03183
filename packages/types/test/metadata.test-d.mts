// Metadata mixes string values with the reserved `cas_config` object: both must be writable in one value,
// other value types must not be, and `cas_config` must read as its own type (not `CasConfig & string`).
import type { CasConfig, CasConfigParams, Metadata, MetadataParams, MetadataPatch } from "@qoder-cloud/types";
import { describe, expectTypeOf, test } from "vitest";

describe("metadata with the reserved cas_config key", () => {
  test("string keys and a cas_config object fit in one value", () => {
    const stored: Metadata = {
      team: "infra",
      cas_config: { session_strategy: "new_session", config: { max_retries: 1 }, stats: { total_runs: 3 } },
    };
    const params: MetadataParams = {
      team: "infra",
      cas_config: { config: { max_retries: 1, timeout_ms: 60_000 } },
    };
    const patch: MetadataPatch = {
      team: "infra",
      old: null,
      cas_config: { session_strategy: "new_session" },
    };
    expectTypeOf(stored).toExtend<Metadata>();
    expectTypeOf(params).toExtend<MetadataParams>();
    expectTypeOf(patch).toExtend<MetadataPatch>();
  });

  test("other value types are rejected", () => {
    // @ts-expect-error: metadata values are strings
    const stored: Metadata = { count: 3 };
    // @ts-expect-error: metadata values are strings
    const params: MetadataParams = { team: "infra", count: 3 };
    // @ts-expect-error: a patch value is a string or null
    const patch: MetadataPatch = { count: 3 };
    // @ts-expect-error: null deletes a key in a patch only
    const nullInParams: MetadataParams = { old: null };
    // @ts-expect-error: CasConfigParams has no such field (unknown fields are rejected)
    const typo: MetadataParams = { cas_config: { config: { max_retry: 1 } } };
    // @ts-expect-error: stats are server-maintained, not writable
    const stats: MetadataParams = { cas_config: { stats: { total_runs: 1 } } };
    expectTypeOf([stored, params, patch, nullInParams, typo, stats]).toBeArray();
  });

  test("cas_config reads as its own type, plain keys as strings", () => {
    expectTypeOf<Metadata["cas_config"]>().toEqualTypeOf<CasConfig | undefined>();
    expectTypeOf<MetadataParams["cas_config"]>().toEqualTypeOf<CasConfigParams | undefined>();
    expectTypeOf<MetadataPatch["cas_config"]>().toEqualTypeOf<CasConfigParams | undefined>();
    expectTypeOf<NonNullable<Metadata["cas_config"]>["config"]>().toEqualTypeOf<CasConfig["config"]>();
    expectTypeOf<NonNullable<NonNullable<Metadata["cas_config"]>["stats"]>["total_runs"]>().toEqualTypeOf<
      number | undefined
    >();
    expectTypeOf<Metadata["team"]>().toExtend<string | CasConfig | undefined>();
    expectTypeOf<string>().toExtend<Metadata["team"]>();
    // Walking all values honestly meets cas_config too (the intersection form claimed they were all strings).
    expectTypeOf<Metadata[string]>().toEqualTypeOf<string | CasConfig | undefined>();
    expectTypeOf<MetadataPatch[string]>().toEqualTypeOf<string | null | CasConfigParams | undefined>();
  });
});
