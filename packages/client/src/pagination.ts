// Lists: `await` gives the first page; `for await` walks every item across pages; `.pages()` walks pages.
// Forward walks send `after_id` = the previous page's `last_id` (as the contract prescribes); a walk
// that started with `before_id` goes backwards with `before_id` = `first_id`, and one that started with
// `page` follows `next_page`, as does a forward walk of a list whose pages carry no `last_id` (cursor-only
// lists such as an agent's versions). Filters are re-sent on every page; only one page is held at a time.
import { APIPromise, type Run } from "./api-promise.js";
import { QoderError } from "./errors.js";

/** The contract's list envelope (cursor-only lists omit `first_id` / `last_id`; models lists may omit all three). */
export interface ListPage<Item = unknown> {
  data: Item[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
  next_page?: string | null;
}

type Query = Record<string, unknown>;
/** What a page adds to the list envelope (non-enumerable: the page still equals its JSON). */
export interface PageHelpers<Page> {
  /** Whether another page follows (`has_more` with a cursor to follow). */
  hasNextPage(): boolean;
  /** The next page, or a QoderError when there is none. */
  getNextPage(): Promise<Page & PageHelpers<Page>>;
}
/** The item type of a list page. */
export type ItemOf<Page> = Page extends { data: Array<infer Item> } ? Item : never;

/** A list call: a promise of the first page; `for await` walks every item; `.pages()` every page. */
export class PagePromise<Page>
  extends APIPromise<Page & PageHelpers<Page>>
  implements AsyncIterable<ItemOf<Page>>
{
  readonly #fetch: (query: Query, raw: boolean) => Promise<{ data: Page; response: Response }>;
  readonly #query: Query;

  constructor(
    fetchPage: (query: Query, raw: boolean) => Promise<{ data: Page; response: Response }>,
    query: Query = {},
  ) {
    const run: Run<Page & PageHelpers<Page>> = async (raw) => {
      const result = await fetchPage(query, raw);
      return raw
        ? (result as { data: Page & PageHelpers<Page>; response: Response })
        : this.#helpers(result, query);
    };
    super(run);
    this.#fetch = fetchPage;
    this.#query = query;
  }

  /** The cursor parameter a walk sends, and the page field it comes from (the first page decides). */
  #cursor(first: object): readonly [string, "first_id" | "next_page" | "last_id"] {
    const { after_id, before_id, page } = this.#query;
    if (before_id != null) return ["before_id", "first_id"];
    if (page != null && after_id == null) return ["page", "next_page"];
    return after_id == null && !("last_id" in first) && "next_page" in first
      ? ["page", "next_page"]
      : ["after_id", "last_id"];
  }

  #helpers(
    result: { data: Page; response: Response },
    query: Query,
  ): { data: Page & PageHelpers<Page>; response: Response } {
    const page = result.data as Page & PageHelpers<Page> & ListPage;
    const [param, field] = this.#cursor(page);
    const { after_id, before_id, page: _p, ...filters } = query;
    const next = () => page[field];
    Object.defineProperties(page, {
      hasNextPage: { value: () => Boolean(page.has_more && next()) },
      getNextPage: {
        value: async () => {
          const cursor = next();
          if (!page.has_more || !cursor)
            throw new QoderError("getNextPage(): this is the last page (check hasNextPage()).");
          const nextQuery = { ...filters, [param]: cursor };
          return this.#helpers(await this.#fetch(nextQuery, false), nextQuery).data;
        },
      },
    });
    return result as { data: Page & PageHelpers<Page>; response: Response };
  }

  /** Every page, starting with the first. */
  async *pages(): AsyncGenerator<Page, void, undefined> {
    const { after_id, before_id, page: pageCursor, ...filters } = this.#query;
    const seen = new Set([after_id ?? before_id ?? pageCursor]);
    // The first page is this promise's own (sent once); later ones are not kept: a walk holds one page.
    let page: ListPage | undefined = (await this) as unknown as ListPage;
    const [param, field] = this.#cursor(page);
    yield page as Page;
    while (page.has_more) {
      const cursor: string | null | undefined = page[field];
      if (!cursor || seen.has(cursor)) {
        // A repeated cursor would loop forever; a missing one leaves nowhere to go.
        throw new QoderError(
          `Pagination stopped: has_more is true but ${field} is ${cursor ? `a repeat (${cursor})` : "empty"}.`,
        );
      }
      seen.add(cursor);
      page = undefined; // the consumed page can be collected while the next one loads
      page = (await this.#fetch({ ...filters, [param]: cursor }, false)).data as ListPage;
      yield page as Page;
    }
  }

  /** Every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<ItemOf<Page>, void, undefined> {
    for await (const page of this.pages()) yield* (page as ListPage<ItemOf<Page>>).data;
  }
}
