// Lists: `await` gives the first page; `for await` walks every item across pages; `.pages()` walks pages.
// Forward walks send `after_id` = the previous page's `last_id` (as the contract prescribes); a walk
// that started with `before_id` goes backwards with `before_id` = `first_id`, and one that started with
// `page` follows `next_page`. Filters are re-sent on every page; only one page is held at a time.
import { QoderError } from "./errors.js";

/** The contract's list envelope. */
export interface ListPage<Item = unknown> {
  data: Item[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
  next_page?: string | null;
}

type Query = Record<string, unknown>;
/** The item type of a list page. */
export type ItemOf<Page> = Page extends { data: Array<infer Item> } ? Item : never;

export class PagePromise<Page> implements PromiseLike<Page>, AsyncIterable<ItemOf<Page>> {
  #first: Promise<Page> | undefined;

  constructor(
    private readonly fetchPage: (query: Query) => Promise<Page>,
    private readonly query: Query = {},
  ) {}

  /** The first page (requested once, on first use). */
  // biome-ignore lint/suspicious/noThenProperty: a list is deliberately awaitable; awaiting gives the first page.
  then<A = Page, B = never>(
    onFulfilled?: ((page: Page) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#first ??= this.fetchPage(this.query);
    return this.#first.then(onFulfilled, onRejected);
  }

  /** Every page, starting with the first. */
  async *pages(): AsyncGenerator<Page, void, undefined> {
    const { after_id, before_id, page: pageCursor, ...filters } = this.query;
    // The cursor to send next, and the field of the current page it comes from.
    const [param, field] =
      before_id != null
        ? (["before_id", "first_id"] as const)
        : pageCursor != null && after_id == null
          ? (["page", "next_page"] as const)
          : (["after_id", "last_id"] as const);
    const seen = new Set([after_id ?? before_id ?? pageCursor]);
    // Not cached on `this` unless already awaited: a walk holds only the page it is on.
    let page: ListPage | undefined = (await (this.#first ?? this.fetchPage(this.query))) as ListPage;
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
      page = (await this.fetchPage({ ...filters, [param]: cursor })) as ListPage;
      yield page as Page;
    }
  }

  /** Every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<ItemOf<Page>, void, undefined> {
    for await (const page of this.pages()) yield* (page as ListPage<ItemOf<Page>>).data;
  }
}
