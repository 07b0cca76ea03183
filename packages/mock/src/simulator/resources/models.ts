// Models: the contract's example model list, the same for every account.
import { loadContract } from "../contract.js";
import { invalid } from "../errors.js";
import type { Resource } from "../routes.js";
import { exampleRecords, type Model } from "../store.js";

let modelCache: Model[] | undefined;
/** The models every simulated account has enabled (the contract's `GET /models` example). */
function modelList(): Model[] {
  modelCache ??= exampleRecords(loadContract()).models;
  return modelCache;
}

export const modelById = (id: string): Model | undefined => modelList().find((model) => model.id === id);

export const models: Resource = {
  handlers: {
    listModels({ query }) {
      const all = modelList();
      const given = ["after_id", "before_id"].filter((name) => query[name] !== undefined);
      const limit = (query.limit as number | undefined) ?? 20;
      const cursor = (query.after_id ?? query.before_id) as string | undefined;
      const at = cursor === undefined ? -1 : all.findIndex((model) => model.id === cursor);
      if (cursor !== undefined && at < 0)
        throw invalid(
          `${given[0]} does not name a model of this list: pass an id from a previous page.`,
          given[0],
        );
      const [start, end] =
        query.before_id !== undefined
          ? [Math.max(0, at - limit), at]
          : [at + 1, Math.min(all.length, at + 1 + limit)];
      const data = all.slice(start, end);
      const hasMore = query.before_id !== undefined ? start > 0 : end < all.length;
      return {
        body: {
          data,
          has_more: hasMore,
          first_id: data[0]?.id ?? null,
          last_id: data[data.length - 1]?.id ?? null,
        },
      };
    },
  },
};
