// Lists: `await` gives the first page; `for await` walks every item across pages; `.pages()` walks pages.
// Forward walks send `after_id` = the previous page's `last_id` (as the contract prescribes); a walk
// that started with `before_id` goes backwards with `before_id` = `first_id`, and one that started with
// `page` follows `next_page`, as does a forward walk of a list whose pages carry no `last_id` (cursor-only
// lists such as an agent's versions). Filters are re-sent on every page; only one page is held at a time.
import { APIPromise } from "./api-promise.js";
import { fail } from "./config.js";
import { InvalidResponseError } from "./errors.js";

/** The contract's list envelope: what every list has (an agent's versions have no first/last id). */
export interface ListPage<Item = unknown> {
  data: Item[];
  has_more: boolean;
  first_id?: string | null | undefined;
  last_id?: string | null | undefined;
  next_page?: string | null | undefined;
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

type Fetch<Page> = (query: Query, raw: boolean) => Promise<{ data: Page; response: Response }>;
type Walked<Page> = ListPage & PageHelpers<Page>;
type Cursor = readonly [param: string, field: "first_id" | "next_page" | "last_id"];
/** A repeated cursor would loop forever; a missing one leaves nowhere to go. */
const stopped = (field: string, value: unknown) =>
  fail(`Pagination stopped: has_more but ${field} ${value ? `${value} repeats` : "missing"}.`);

/** A list call: a promise of the first page; `for await` walks every item; `.pages()` every page. */
export class PagePromise<Page>
  extends APIPromise<Page & PageHelpers<Page>>
  implements AsyncIterable<ItemOf<Page>>
{
  readonly #walk: (first: PromiseLike<unknown>) => AsyncGenerator<Page & PageHelpers<Page>, void, undefined>;

  constructor(fetchPage: Fetch<Page>, given?: Query | null) {
    const query = given ?? {}; // null too (JavaScript callers pass it)
    const { after_id, before_id, page: start, ...filters } = query;
    // The cursor parameter a walk sends, and the page field it comes from (a page without `last_id`
    // but with `next_page` is from a cursor-only list).
    const cursor = (page: object): Cursor =>
      before_id != null
        ? ["before_id", "first_id"]
        : after_id == null && (start != null || (!("last_id" in page) && "next_page" in page))
          ? ["page", "next_page"]
          : ["after_id", "last_id"];
    // `sent`: the query the page was fetched with (a cursor it gives back again would lead nowhere).
    const helpers = (result: { data: Page; response: Response }, sent: Query) => {
      const page = result.data as Walked<Page>;
      const { response } = result;
      // Headers read only to throw: undiciFetch() builds a response's headers when first read. The
      // page's keys only, and only those named as the API names them (short, snake_case): its values, or
      // another key, could hold what a server echoed (the transport scrubs only error text; tokens are long).
      if (!Array.isArray(page?.data))
        throw new InvalidResponseError(
          response.status,
          `a list without \`data\`, with keys [${Object.keys(page ?? {}).filter((key) => /^[a-z_]{1,20}$/.test(key))}]`,
          response.headers,
        );
      const [param, field] = cursor(page);
      const next = () => (page.has_more ? page[field] : undefined);
      Object.defineProperties(page, {
        hasNextPage: { value: () => !!next() },
        getNextPage: {
          value: async () => {
            const value = next() || fail("No next page (check hasNextPage()).");
            if (String(value) === String(sent[param])) stopped(field, value);
            return nextPage(value, param);
          },
        },
      });
      return result as { data: Page & PageHelpers<Page>; response: Response };
    };
    // Holds no page: a walk lets the page it has consumed go while the next one loads.
    const nextPage = async (value: unknown, param: string) => {
      const sent = { ...filters, [param]: value };
      return helpers(await fetchPage(sent, false), sent).data;
    };
    super(async (raw) => {
      const result = await fetchPage(query, raw);
      return raw
        ? (result as { data: Page & PageHelpers<Page>; response: Response })
        : helpers(result, query);
    });
    this.#walk = async function* (first) {
      // As text: a cursor sent as "5" and given back as 5 is the same cursor.
      const seen = new Set([after_id ?? before_id ?? start].filter((c) => c != null).map(String));
      let page = (await first) as Walked<Page>;
      const [param, field] = cursor(page);
      for (;;) {
        yield page as unknown as Page & PageHelpers<Page>;
        if (!page.has_more) return;
        const value = page[field];
        if (!value || seen.has(String(value))) stopped(field, value);
        seen.add(String(value));
        page = undefined as unknown as Walked<Page>; // collectable while the next page loads
        page = (await nextPage(value, param)) as unknown as Walked<Page>;
      }
    };
  }

  /** Every page, starting with the first (this promise's own, sent once); one page is held at a time. */
  pages(): AsyncGenerator<Page & PageHelpers<Page>, void, undefined> {
    return this.#walk(this);
  }

  /** Every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<ItemOf<Page>, void, undefined> {
    for await (const page of this.pages()) yield* (page as unknown as ListPage<ItemOf<Page>>).data;
  }
}
