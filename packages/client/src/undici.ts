// `@qoder-cloud/client/undici`: the client's transport on undici's dispatcher (`dispatcher.dispatch`) and
// its keep-alive pool, for Node. It is a fetch for the client's `fetch` option, so retries, timeouts with
// real cancellation, redirects refused, size caps and errors stay the client's own, tested on both transports.
// Not in the browser bundle: only this entry imports undici (an optional peer dependency).

import { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import * as undici from "undici";
import { copyOf } from "./transport.js";

/** Bytes held for a body nobody reads yet (or a stream read slower than it arrives) before undici pauses. */
const HIGH_WATER_MARK = 64 * 1024;
const decoder = new TextDecoder(); // strips a UTF-8 BOM, as Response.text() does
/**
 * A response dropped with its body unread must not hold its pooled connection for good (undici stops
 * reading a paused body, and its body timeout does not run meanwhile): its exchange is cancelled when the
 * Response is collected, as Node's fetch does.
 */
const unread = new FinalizationRegistry<Exchange>((exchange) => exchange.cancel(undefined));

/**
 * One exchange, as undici's handler: it answers the fetch when the response's head arrives and keeps its
 * body's chunks as they come, for the one consumer a body may have. It takes undici's chunks as they are,
 * with no stream in between (undici's own `request()` puts each body in a Node stream: ≈ 20 % of a small
 * request's cost).
 */
class Exchange implements Dispatcher.DispatchHandler {
  chunks: Buffer[] = [];
  size = 0;
  done = false;
  failure: { error: unknown } | undefined;
  /** A consumer started: text(), json()… or a read of `body`. */
  disturbed = false;
  /** text(), json()…: every chunk is kept until the end, so undici never pauses. */
  collecting = false;
  /** Called when something arrived (a chunk for a stream; the end or an error for every consumer). */
  wake: (() => void) | undefined;
  paused = false;
  /** The response has no body to hand over (set by its Response). */
  empty = false;
  abort: ((reason?: Error) => void) | undefined;
  resume: (() => void) | undefined;
  /** The Response whose body is being read through text() & co. (see collect()). */
  holder: Response | undefined;
  /** The fetch's promise, until it is settled (its result must not be held: see `unread`). */
  settle: { resolve: (response: Response) => void; reject: (error: unknown) => void } | undefined;

  constructor(
    readonly method: string,
    readonly url: string,
    settle: Exchange["settle"],
    readonly signal: AbortSignal | null | undefined,
  ) {
    this.settle = settle;
    signal?.addEventListener("abort", this.onAbort);
  }

  private fail(error: unknown): void {
    this.settle?.reject(error);
    this.settle = undefined;
  }

  /**
   * The caller's signal aborted. Connected: undici closes the socket and calls onError with the reason.
   * Still waiting for a connection (a busy pool, a slow connect): the call fails now, and undici's
   * onConnect drops the request when its turn comes. The body all arrived but not all read: what is left
   * is dropped and its reader gets the reason, as a fetch body's does.
   */
  readonly onAbort = () => {
    const reason = this.signal?.reason;
    if (this.done) this.onError(reason);
    else if (this.abort) this.abort(reason);
    else this.fail(reason);
  };

  onConnect(abort: (reason?: Error) => void): void {
    if (this.signal?.aborted) abort(this.signal.reason);
    else this.abort = abort;
  }

  onHeaders(status: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean {
    if (status < 200) return true; // 1xx (e.g. 103 Early Hints): the final response follows
    this.resume = resume;
    const response = new UndiciResponse(status, statusText, rawHeaders, this);
    unread.register(response, this, this);
    this.settle?.resolve(response);
    this.settle = undefined;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (!this.collecting) this.wakeUp();
    this.paused = !this.collecting && this.size >= HIGH_WATER_MARK;
    return !this.paused;
  }

  onComplete(): void {
    this.done = true;
    // No body to hand over (HEAD, 204, 205, 304): nothing is left for the signal to cancel.
    if (this.empty) this.release();
    this.wakeUp();
  }

  onError(error: unknown): void {
    this.failure = { error };
    this.chunks = [];
    this.release();
    this.wakeUp();
    this.fail(error);
  }

  /** The consumer has the whole body (or the exchange failed): the signal and the collector let go of it. */
  release(): void {
    this.signal?.removeEventListener("abort", this.onAbort);
    unread.unregister(this);
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private flow(): void {
    if (this.paused) {
      this.paused = false;
      this.resume?.();
    }
  }

  /**
   * The whole body, for text(), json() and the like. `reader` is the Response: held while the body
   * arrives, so that it is not collected (and its exchange cancelled) while someone waits for its text.
   */
  async collect(reader: Response): Promise<Uint8Array> {
    this.disturbed = true;
    this.collecting = true;
    this.flow();
    this.holder = reader;
    while (!this.done && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    this.holder = undefined;
    if (this.failure) throw this.failure.error;
    this.release();
    const { chunks, size } = this;
    this.chunks = [];
    if (chunks.length === 1) return chunks[0] as Buffer;
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  /** A read of `body`: what arrived since the last read, or the end. */
  pull(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> | undefined {
    this.disturbed = true;
    if (this.chunks.length) {
      for (const chunk of this.chunks) controller.enqueue(chunk);
      this.chunks = [];
      this.size = 0;
      this.flow();
    } else if (this.failure) controller.error(this.failure.error);
    else if (this.done) {
      this.release();
      controller.close();
    } else return new Promise<void>((resolve) => (this.wake = resolve)).then(() => this.pull(controller));
  }

  cancel(reason: unknown): void {
    this.disturbed = true;
    this.chunks = [];
    this.release();
    if (!this.done && !this.failure) this.abort?.(reason instanceof Error ? reason : undefined);
  }
}

/**
 * A WHATWG Response over an exchange: `text()`/`json()` take undici's chunks directly; `body` gives them as
 * a ReadableStream for those who stream it. Its Headers are built when first read (most successful calls
 * never read them; building them is most of a Response's cost).
 */
class UndiciResponse extends Response {
  readonly #exchange: Exchange;
  readonly #status: number;
  readonly #raw: Buffer[];
  readonly #statusText: string;
  /** HEAD, 204, 205 and 304 have no body: `body` is null, reading it gives nothing, any number of times. */
  readonly #nullBody: boolean;
  #headers: Headers | undefined;
  #body: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  /** Once cloned: a fetch Response over this response's branch of the tee, which reads it from then on. */
  #branch: Response | undefined;

  constructor(status: number, statusText: string, raw: Buffer[], exchange: Exchange) {
    // A Response cannot be made with a status over 599, which HTTP allows (Node's fetch passes it on).
    super(null, { status: status > 599 ? 200 : status });
    this.#status = status;
    this.#raw = raw;
    this.#statusText = statusText;
    this.#exchange = exchange;
    this.#nullBody = exchange.method === "HEAD" || status === 204 || status === 205 || status === 304;
    exchange.empty = this.#nullBody;
  }

  override get status(): number {
    return this.#status;
  }
  override get ok(): boolean {
    return this.#status > 199 && this.#status < 300;
  }
  override get headers(): Headers {
    if (!this.#headers) {
      const raw = this.#raw; // name, value, name, value… as bytes
      this.#headers = new Headers();
      for (let i = 1; i < raw.length; i += 2)
        this.#headers.append(
          (raw[i - 1] as Buffer).toString("latin1"),
          (raw[i] as Buffer).toString("latin1"),
        );
    }
    return this.#headers;
  }
  // What Node's fetch says of a same-origin response to `url` (no redirect is ever followed).
  override get url(): string {
    return this.#exchange.url;
  }
  override get type(): ResponseType {
    return "basic";
  }
  override get statusText(): string {
    return this.#statusText;
  }
  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#nullBody) return null;
    if (this.#branch) return this.#branch.body as ReadableStream<Uint8Array<ArrayBuffer>>;
    if (!this.#body) {
      // The source refers to this Response: a stream being read keeps it from being collected (which
      // would cancel the exchange under the reader).
      this.#body = new ReadableStream<Uint8Array<ArrayBuffer>>(
        {
          pull: (controller) =>
            this.#exchange.pull(controller as ReadableStreamDefaultController<Uint8Array>),
          cancel: (reason) => this.#exchange.cancel(reason),
        },
        { highWaterMark: 0 }, // nothing is read (nor the body disturbed) before a reader asks
      );
      if (this.#exchange.collecting) this.#body.getReader(); // text() & co. hold it, as for a fetch body
    }
    return this.#body;
  }
  override get bodyUsed(): boolean {
    return !this.#nullBody && (this.#branch ? this.#branch.bodyUsed : this.#exchange.disturbed);
  }
  /** The whole body for text() & co.: a `body` someone holds (locked) or has read cannot be read again. */
  #collect(): Promise<Uint8Array> {
    if (this.#nullBody) return Promise.resolve(new Uint8Array(0));
    if (this.#branch) return this.#branch.arrayBuffer().then((buffer) => new Uint8Array(buffer));
    if (this.#body?.locked || this.#exchange.disturbed)
      return Promise.reject(new TypeError("Body is unusable: it is locked or has been read"));
    this.#body?.getReader(); // held from now on, as text() holds a fetch body
    return this.#exchange.collect(this);
  }
  // Not async functions: each await of a promise an async function returns costs a turn of the queue.
  override text(): Promise<string> {
    return this.#collect().then((bytes) => decoder.decode(bytes));
  }
  override json(): Promise<unknown> {
    return this.text().then(JSON.parse);
  }
  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const bytes = await this.#collect();
    // undici's chunk may be a view of a larger buffer: the caller gets bytes of its own.
    return bytes instanceof Buffer ? new Uint8Array(bytes) : (bytes as Uint8Array<ArrayBuffer>);
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer;
  }
  override async blob(): Promise<Blob> {
    return new Blob([await this.bytes()], { type: this.headers.get("content-type") ?? "" });
  }
  override async formData(): Promise<FormData> {
    return new Response(await this.bytes(), { headers: this.headers }).formData();
  }
  /** As fetch's: the body is teed, the clone reads one branch and this response the other. */
  override clone(): Response {
    if (this.#branch) return copyOf(this, this.#branch.clone().body);
    if (this.bodyUsed || this.#body?.locked)
      throw new TypeError("Body is unusable: it is locked or has been read");
    if (this.#nullBody) return copyOf(this, null);
    const [mine, theirs] = (this.body as ReadableStream<Uint8Array<ArrayBuffer>>).tee();
    this.#branch = new Response(mine);
    return copyOf(this, theirs);
  }
}

/**
 * A `fetch` for `createQoderClient({ fetch: undiciFetch() })` that sends with undici's `dispatcher.dispatch`
 * on a keep-alive pool, with no stream per response until one reads `body` (figures: the README's bench).
 * Default dispatcher: an undici `Agent` (a pool per origin) of its own, with undici's defaults (idle
 * sockets kept 4 s, as the global fetch keeps them: a server closing idle connections sooner than its
 * Keep-Alive hint says would otherwise reset a reused one); pass yours to share or tune it. It
 * never follows redirects (the client refuses them) and takes a URL, not a Request.
 */
export function undiciFetch(dispatcher?: Dispatcher): typeof fetch {
  // undici 8 (it exports Dispatcher1Wrapper, its adapter for old handlers) changed the handler interface
  // below; the optional peer range admits it only so that a project with undici 8 can still install the client.
  if ("Dispatcher1Wrapper" in undici)
    throw new TypeError(
      "undiciFetch() needs undici 7: undici 8 changed the dispatch handler interface it uses. Use the client's default transport (the global fetch), or undici 7.",
    );
  const pool = dispatcher ?? new undici.Agent();
  const send = (input: Parameters<typeof fetch>[0], init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      if (input instanceof Request) throw new TypeError("undiciFetch() takes a URL, not a Request.");
      if (init.signal?.aborted) throw init.signal.reason; // not even queued for a connection
      // A #fragment is the caller's, never sent (nor is it in the response's url), as with fetch().
      const whole = String(input);
      const hash = whole.indexOf("#");
      let url = hash < 0 ? whole : whole.slice(0, hash);
      // The origin and the path, without parsing the URL again when it is plainly `scheme://host/path`
      // (the client's are: baseUrl is checked); anything else is parsed, as fetch() would.
      const slash = url.indexOf("/", url.indexOf("//") + 2);
      let origin = url.slice(0, slash);
      let path = url.slice(slash);
      // … or whatever fetch() would encode or resolve (quotes, braces, `<>`, non-ASCII, dot segments): parsed
      // as fetch parses it, so both send the same bytes.
      if (
        slash < 0 ||
        /[@?\\]/.test(origin) ||
        /["'<>\\`{}]|[^\x21-\x7e]|\/(?:\.|%2e){1,2}(?:[/?]|$)/i.test(path)
      ) {
        const parsed = new URL(url);
        if (parsed.username || parsed.password)
          throw new TypeError("undiciFetch(): a URL with credentials is refused, as by fetch().");
        ({ origin } = parsed);
        path = parsed.pathname + parsed.search;
        url = parsed.href; // the response's url, as fetch reports it
      }
      const { body, headers, method = "GET" } = init;
      const flat: string[] = [];
      if (headers instanceof Headers || Array.isArray(headers))
        (headers instanceof Headers ? headers : new Headers(headers)).forEach((value, name) => {
          flat.push(name, value);
        });
      pool.dispatch(
        {
          origin,
          path,
          method: method as Dispatcher.HttpMethod,
          headers: flat.length ? flat : (headers as Record<string, string> | undefined),
          // (A ReadableStream is an async iterable of chunks, which undici streams.)
          body: body instanceof ArrayBuffer ? new Uint8Array(body) : (body as string | Uint8Array | null),
        },
        new Exchange(method, url, { resolve, reject }, init.signal),
      );
    });
  // FormData, URLSearchParams, a Blob…: encoded as fetch() encodes them, with the Content-Type it adds when
  // none is set (a multipart boundary, a Blob's type). A stream (a ReadableStream, a Node Readable, any
  // async iterable) is streamed, the call's timeout and signal ending it, with fetch's rule that it says
  // `duplex: "half"`. async: what cannot be sent rejects.
  const encoded = async (input: Parameters<typeof fetch>[0], init: RequestInit & { duplex?: string }) => {
    const { body: given } = init;
    if (typeof given === "object" && given && Symbol.asyncIterator in given) {
      if (init.duplex !== "half")
        throw new TypeError("RequestInit: duplex option is required when sending a body.");
      // A stream read already would go out empty: refused, as fetch refuses it (isDisturbed reads web streams too).
      if (Readable.isDisturbed(given as unknown as Readable))
        throw new TypeError("Response body object should not be disturbed or locked");
      return send(input, init);
    }
    const body = new Response(init.body);
    const headers = new Headers(init.headers);
    const type = body.headers.get("content-type");
    if (type && !headers.has("content-type")) headers.set("content-type", type);
    return send(input, { ...init, headers, body: await body.arrayBuffer() });
  };
  return (input, init = {}) => {
    const { body } = init;
    return body == null ||
      typeof body === "string" ||
      body instanceof Uint8Array ||
      body instanceof ArrayBuffer
      ? send(input, init)
      : encoded(input, init);
  };
}
