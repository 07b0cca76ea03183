// Records of one kind in list order (newest first by created_at, then by insertion), with O(log n)
// lookup of a cursor's position, so a page costs what it returns, not a scan-and-sort of the account.
export interface Entry<T> {
  id: string;
  createdMs: number;
  seq: number;
  value: T;
}

type Position = Pick<Entry<unknown>, "createdMs" | "seq">;

export interface PageQuery<T> {
  limit: number;
  afterId?: string | undefined;
  beforeId?: string | undefined;
  /** Inclusive bounds on created_at, in ms. */
  fromMs?: number | undefined;
  toMs?: number | undefined;
  filter?: ((value: T) => boolean) | undefined;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

export class OrderedIndex<T> {
  /** Ascending by (createdMs, seq); the list order is this array read backwards. */
  private readonly entries: Entry<T>[] = [];
  private readonly byId = new Map<string, Entry<T>>();
  /**
   * Where deleted records stood, so that a cursor naming one still pages on from there (a clean-up
   * loop deletes a page's items, then asks for the next page). The latest 10,000 are kept.
   */
  private readonly deleted = new Map<string, Position>();
  private seq = 0;

  get size(): number {
    return this.entries.length;
  }

  get(id: string): T | undefined {
    return this.byId.get(id)?.value;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  insert(id: string, createdMs: number, value: T): void {
    const entry = { id, createdMs, seq: this.seq++, value };
    // Usually the end (ids and created_at follow the clock); earlier only after the clock was set back.
    const last = this.entries[this.entries.length - 1];
    const at =
      last === undefined || last.createdMs <= createdMs ? this.entries.length : this.upperBound(createdMs);
    if (at === this.entries.length) this.entries.push(entry);
    else this.entries.splice(at, 0, entry);
    this.byId.set(id, entry);
  }

  /** Removes a record (a deleted resource); false when there was none. */
  delete(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.entries.splice(this.positionOf(entry), 1);
    this.byId.delete(id);
    if (this.deleted.size >= 10_000) this.deleted.delete(this.deleted.keys().next().value as string);
    this.deleted.set(id, { createdMs: entry.createdMs, seq: entry.seq });
    return true;
  }

  /** Newest first. */
  *values(): Iterable<T> {
    for (let index = this.entries.length - 1; index >= 0; index--)
      yield (this.entries[index] as Entry<T>).value;
  }

  /**
   * Where a cursor points: the array index of its record, or for a deleted record the index its
   * successor now has (`present` false); undefined for an id this index never held.
   */
  private cursorOf(id: string): { index: number; present: boolean } | undefined {
    const entry = this.byId.get(id) ?? this.deleted.get(id);
    return entry && { index: this.positionOf(entry), present: this.byId.has(id) };
  }

  /** The array index an entry has, or would have: the first one not before it in (createdMs, seq). */
  private positionOf(entry: Position): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = this.entries[middle] as Entry<T>;
      if (other.createdMs < entry.createdMs || (other.createdMs === entry.createdMs && other.seq < entry.seq))
        low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** First array index whose createdMs is > ms. */
  private upperBound(ms: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.entries[middle] as Entry<T>).createdMs <= ms) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** First array index whose createdMs is >= ms. */
  private lowerBound(ms: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.entries[middle] as Entry<T>).createdMs < ms) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * One page in list order. `afterId` pages towards older records, `beforeId` towards newer ones (the
   * records nearest the cursor); the cursor itself is never included. Returns undefined for a cursor
   * that names no record of this index.
   */
  page(query: PageQuery<T>): Page<T> | undefined {
    const low = query.fromMs === undefined ? 0 : this.lowerBound(query.fromMs);
    const high = (query.toMs === undefined ? this.entries.length : this.upperBound(query.toMs)) - 1;
    const matches = query.filter ?? (() => true);
    const items: T[] = [];
    if (query.beforeId !== undefined) {
      const cursor = this.cursorOf(query.beforeId);
      if (!cursor) return undefined;
      // Newer records: after the cursor's own, or from where a deleted cursor stood.
      for (let index = Math.max(cursor.index + +cursor.present, low); index <= high; index++) {
        const value = (this.entries[index] as Entry<T>).value;
        if (!matches(value)) continue;
        if (items.length === query.limit) return { items: items.reverse(), hasMore: true };
        items.push(value);
      }
      return { items: items.reverse(), hasMore: false };
    }
    let start = high;
    if (query.afterId !== undefined) {
      const cursor = this.cursorOf(query.afterId);
      if (!cursor) return undefined;
      start = Math.min(cursor.index - 1, high);
    }
    for (let index = start; index >= low; index--) {
      const value = (this.entries[index] as Entry<T>).value;
      if (!matches(value)) continue;
      if (items.length === query.limit) return { items, hasMore: true };
      items.push(value);
    }
    return { items, hasMore: false };
  }
}
