// What every call returns: a Promise of the data, sent at once as fetch() is, plus `.withResponse()` (data,
// Response, request id) and `.asResponse()` (the Response, body unread).

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

/**
 * A real Promise (`instanceof Promise`; `catch` and `finally` are Promise's own, which call `then`). Its
 * own state is never used: `then` answers from the call's result.
 */
export class APIPromise<T> extends Promise<T> {
  #sent: Promise<{ data: T; response: Response }> | undefined;
  #data: Promise<T> | undefined;
  /** asResponse() was called before the call was sent: that is the call's one request. */
  #raw = false;

  // Promises derived with then/catch/finally are plain Promises, not calls.
  static override get [Symbol.species]() {
    return Promise;
  }

  readonly #run: Run<T>;
  constructor(run: Run<T>) {
    super(noop);
    this.#run = run;
    // Sent once the code that made the call has run, so that an `.asResponse()` chained on it is its
    // request instead. A failure is raised where the call is awaited, whenever that is: `const a = …,
    // b = …; await a; await b` must not crash the process when b fails first (a call never awaited, or
    // only through withResponse() or asResponse(), fails quietly).
    // (`?.`: Promise.resolve() and co. construct one with their own executor as `run`, which returns nothing.)
    queueMicrotask(() => this.#raw || this.sent()?.catch(noop));
  }

  protected sent(): Promise<{ data: T; response: Response }> {
    this.#sent ??= this.#run(false);
    return this.#sent;
  }

  // biome-ignore lint/suspicious/noThenProperty: a call is deliberately a promise of its data.
  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    // `any`, as in Promise's own signature: a handler annotated `(error: APIError) => …` is accepted.
    // biome-ignore lint/suspicious/noExplicitAny: the reason type of the Promise interface.
    onRejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#data ??= this.sent().then(({ data }) => data);
    return this.#data.then(onFulfilled, onRejected);
  }

  /** The data with its Response and request id (the same request as awaiting). */
  withResponse(): Promise<WithResponse<T>> {
    return quiet(
      this.sent().then(({ data, response }) => ({
        data,
        response,
        requestId: requestIdOf(response.headers),
      })),
    );
  }

  /**
   * The raw Response, body unread and whatever its status. Chained on the call, it is the call's one
   * request; once the call was sent (awaited, or after the code that made it), it sends it again.
   */
  asResponse(): Promise<Response> {
    this.#raw = !this.#sent;
    return quiet(this.#run(true).then(({ response }) => response));
  }
}

const noop = () => undefined;
/** `promise`, its failure raised where it is awaited, however late, as a call's own (see the constructor). */
const quiet = <P>(promise: Promise<P>): Promise<P> => {
  promise.catch(noop);
  return promise;
};
