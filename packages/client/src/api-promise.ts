// What every call returns: a real Promise of the data (then/catch/finally), sent on first use, plus
// `.withResponse()` (data, Response, request id) and `.asResponse()` (the Response, body unread).

import { requestIdOf } from "./errors.js";

/** The result of one call with its HTTP response. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  /** The response's `x-request-id` header (quote it to Qoder support). */
  requestId: string | undefined;
}

/** Runs the call: `raw` asks for the Response with its body unread (no status check). */
export type Run<T> = (raw: boolean) => Promise<{ data: T; response: Response }>;

export class APIPromise<T> implements Promise<T> {
  #sent: Promise<{ data: T; response: Response }> | undefined;
  #data: Promise<T> | undefined;

  declare protected readonly run: Run<T>;
  constructor(run: Run<T>) {
    this.run = run;
  }

  protected sent(): Promise<{ data: T; response: Response }> {
    this.#sent ??= this.run(false);
    return this.#sent;
  }

  // biome-ignore lint/suspicious/noThenProperty: a call is deliberately a promise of its data.
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    // `any`, as in Promise's own signature: a handler annotated `(error: APIError) => …` is accepted.
    // biome-ignore lint/suspicious/noExplicitAny: the reason type of the Promise interface.
    onRejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#data ??= this.sent().then(({ data }) => data);
    return this.#data.then(onFulfilled, onRejected);
  }

  // biome-ignore lint/suspicious/noExplicitAny: the reason type of the Promise interface.
  catch<B = never>(onRejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  get [Symbol.toStringTag](): string {
    return "APIPromise";
  }

  /** The data with its Response and request id (the same call as awaiting: sent once). */
  async withResponse(): Promise<WithResponse<T>> {
    const { data, response } = await this.sent();
    return { data, response, requestId: requestIdOf(response.headers) };
  }

  /** The raw Response, body unread and whatever its status (a separate call from awaiting). */
  async asResponse(): Promise<Response> {
    return (await this.run(true)).response;
  }
}
