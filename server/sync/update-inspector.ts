import * as Y from 'yjs';
import type { Touch, TouchValue } from '../../lib/board/rules';
import { ProtocolError } from './protocol';

/**
 * What an inbound update would change in a doc, found without applying it: its structs and delete
 * set are decoded and resolved against the doc's own items (a deletion is looked up by id, and its
 * parent chain walked to the root). Work is proportional to the update (and to the items its
 * deletions cover), never to the doc: lookups are binary searches in the doc's struct store.
 *
 * Also finds what Yjs would park: structs starting past a clock the doc has seen, or referring to
 * items neither the doc nor the update holds, and deletions of such clocks. An update like that
 * never integrates completely (Yjs keeps the rest pending), so the gate refuses it whole.
 */
export type Inspection =
  | {
      ok: true;
      touches: Touch[];
      /** the update holds anything the doc does not (structs past its clocks, live deletions) */
      news: boolean;
      /** the Yjs clients whose new structs it brings */
      clients: Set<number>;
    }
  | { ok: false; missing: string };

/** Whether the sending connection wrote the doc's items of this Yjs client (marks `own` deletions). */
export type Authorship = (client: number) => boolean;

type Struct = Y.Item | Y.GC;
/** A Yjs shared type, as an item's parent holds it. */
type YType = Exclude<Y.Item['parent'], Y.ID | null>;
/** Where an item sits: its root and the map keys (null: a sequence position) down to it. */
interface Place {
  root: string;
  path: (string | null)[];
  /** the doc's own type at this place (to read a map key's current value), if it already exists */
  type: YType | null;
}

/** Where an update item goes: into `parent`, at map key `sub` (null: a sequence position). */
interface Slot {
  parent: Place;
  sub: string | null;
}

interface Found {
  struct: Struct;
  /** the struct is the update's own, not yet in the doc */
  fresh: boolean;
}

class Missing extends Error {}

export function inspectUpdate(doc: Y.Doc, update: Uint8Array, own: Authorship = () => false): Inspection {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new ProtocolError('malformed update');
  }
  try {
    const inspector = new Inspector(doc, decoded.structs, decoded.ds, own);
    const touches = inspector.touches();
    return { ok: true, touches, news: inspector.news, clients: inspector.clients };
  } catch (err) {
    if (err instanceof Missing) return { ok: false, missing: err.message };
    throw err;
  }
}

class Inspector {
  private readonly store: Y.Doc['store'];
  /** the update's structs per client, in clock order (Skips left out) */
  private readonly own = new Map<number, Struct[]>();
  /** per client: the doc's clock, extended by the update's contiguous structs */
  private readonly reach = new Map<number, number>();
  private readonly places = new Map<YType, Place | null>();
  private readonly slots = new Map<Y.Item, Slot | null>();
  /** set by touches(): something in the update is not in the doc yet */
  news = false;
  readonly clients = new Set<number>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly structs: (Y.Item | Y.GC | Y.Skip)[],
    private readonly ds: ReturnType<typeof Y.decodeUpdate>['ds'],
    private readonly authored: Authorship,
  ) {
    this.store = doc.store;
    let last: number | null = null;
    for (const s of structs) {
      const client = s.id.client;
      if (client !== last && this.own.has(client)) throw new ProtocolError('malformed update'); // a client twice
      last = client;
      const list = this.own.get(client) ?? [];
      this.own.set(client, list);
      if (s instanceof Y.Skip) continue;
      const known = this.reach.get(client) ?? Y.getState(this.store, client);
      if (s.id.clock > known)
        throw new Missing(`changes of client ${client} from clock ${known} are missing`);
      this.reach.set(client, Math.max(known, s.id.clock + s.length));
      list.push(s);
    }
  }

  touches(): Touch[] {
    const out: Touch[] = [];
    for (const s of this.structs) {
      if (s instanceof Y.Skip || s.id.clock + s.length <= Y.getState(this.store, s.id.client)) continue;
      this.news = true; // garbage (GC) included: it moves the doc's clocks on
      this.clients.add(s.id.client);
      if (s instanceof Y.GC) continue;
      this.requireKnown(s);
      const t = this.insertTouch(s);
      if (t) out.push(t);
    }
    this.ds.clients.forEach((ranges, client) => {
      for (const { clock, len } of ranges) this.deleteTouches(client, clock, len, out);
    });
    return out;
  }

  /** Everything an item refers to must be in the doc or in this update, or Yjs parks the item. */
  private requireKnown(item: Y.Item) {
    const refs = [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null];
    for (const ref of refs) {
      if (!ref) continue;
      const known = this.reach.get(ref.client) ?? Y.getState(this.store, ref.client);
      if (ref.clock >= known) throw new Missing(`item ${ref.client}:${ref.clock} is missing`);
      if (ref.client === item.id.client && ref.clock >= item.id.clock)
        throw new ProtocolError('malformed update');
    }
  }

  private insertTouch(item: Y.Item): Touch | null {
    const slot = this.slotOf(item);
    if (!slot) return null; // Yjs turns it into garbage: it changes nothing
    const touch: Touch = {
      root: slot.parent.root,
      path: [...slot.parent.path, slot.sub],
      op: 'insert',
      value: valueOf(item.content),
    };
    const live = slot.sub !== null ? slot.parent.type?._map.get(slot.sub) : undefined;
    if (live && !live.deleted) touch.current = valueOf(live.content);
    return touch;
  }

  private deleteTouches(client: number, clock: number, len: number, out: Touch[]) {
    const end = clock + len;
    const known = this.reach.get(client) ?? Y.getState(this.store, client);
    if (end > known) throw new Missing(`deletion of ${client}:${clock}+${len} refers to missing items`);
    const stored = this.store.clients.get(client);
    const stateEnd = Y.getState(this.store, client);
    if (stored && clock < stateEnd) this.each(stored, clock, Math.min(end, stateEnd), false, out);
    const own = this.own.get(client);
    if (own && end > stateEnd) this.each(own, Math.max(clock, stateEnd), end, true, out);
  }

  /** Delete touches for the live items of `structs` overlapping [from, to). */
  private each(structs: Struct[], from: number, to: number, fresh: boolean, out: Touch[]) {
    let i = findIndex(structs, from);
    for (; i >= 0 && i < structs.length; i++) {
      const s = structs[i]!;
      if (s.id.clock >= to) break;
      if (!(s instanceof Y.Item) || (!fresh && s.deleted)) continue;
      this.news = true;
      const place = this.itemPlace({ struct: s, fresh });
      if (!place) continue;
      const value = valueOf(s.content);
      const t: Touch = { root: place.root, path: place.path, op: 'delete', current: value };
      if (fresh) t.fresh = true;
      else if (this.authored(s.id.client)) t.own = true;
      out.push(t);
    }
  }

  /**
   * Where an update item goes: its parent type's place and its key there. An item written next to
   * another (origin, else right origin) carries no parent: it takes its neighbour's, as Yjs does;
   * next to garbage, or with nothing at all, Yjs turns it into garbage (null).
   */
  private slotOf(item: Y.Item): Slot | null {
    if (this.slots.has(item)) return this.slots.get(item)!;
    this.slots.set(item, null); // a cycle of references resolves to garbage
    const slot = this.resolveSlot(item);
    this.slots.set(item, slot);
    return slot;
  }

  private resolveSlot(item: Y.Item): Slot | null {
    const left = item.origin ? this.find(item.origin) : undefined;
    const right = item.rightOrigin ? this.find(item.rightOrigin) : undefined;
    if (left === null || right === null) return null; // checked by requireKnown; defensive
    if (left?.struct instanceof Y.GC || right?.struct instanceof Y.GC) return null;
    const p = item.parent;
    if (typeof p === 'string') {
      return { parent: { root: p, path: [], type: this.doc.share.get(p) ?? null }, sub: item.parentSub };
    }
    if (p instanceof Y.ID) {
      const holder = this.find(p);
      if (!holder || !(holder.struct instanceof Y.Item)) return null;
      const content = holder.struct.content;
      if (!(content instanceof Y.ContentType)) throw new ProtocolError('malformed update');
      const place = this.itemPlace(holder);
      return place && { parent: { ...place, type: holder.fresh ? null : content.type }, sub: item.parentSub };
    }
    const next = left ?? right;
    if (!next || !(next.struct instanceof Y.Item)) return null;
    if (next.fresh) return this.slotOf(next.struct);
    const parent = this.typePlace(next.struct.parent as YType | null);
    return parent && { parent, sub: next.struct.parentSub };
  }

  /** The place of an item itself (of the type it holds, for a type item). */
  private itemPlace(found: Found): Place | null {
    if (!(found.struct instanceof Y.Item)) return null;
    if (!found.fresh) return this.docPlace(found.struct);
    const slot = this.slotOf(found.struct);
    return slot && { root: slot.parent.root, path: [...slot.parent.path, slot.sub], type: null };
  }

  /** An item of the doc: the parent chain walked to its root. */
  private docPlace(item: Y.Item): Place | null {
    const parent = this.typePlace(item.parent as YType | null);
    return parent && { root: parent.root, path: [...parent.path, item.parentSub], type: null };
  }

  private typePlace(type: YType | null): Place | null {
    if (!type) return null;
    if (this.places.has(type)) return this.places.get(type)!;
    const holder = type._item;
    const place = holder ? this.docPlace(holder) : { root: Y.findRootTypeKey(type), path: [], type: null };
    const out = place && { ...place, type };
    this.places.set(type, out);
    return out;
  }

  /** The struct holding `id`: the doc's if it has that clock, else the update's. */
  private find(id: Y.ID): Found | null {
    if (id.clock < Y.getState(this.store, id.client)) {
      const structs = this.store.clients.get(id.client)!;
      return { struct: structs[Y.findIndexSS(structs, id.clock)]!, fresh: false };
    }
    const own = this.own.get(id.client);
    const i = own ? findIndex(own, id.clock) : -1;
    return i >= 0 ? { struct: own![i]!, fresh: true } : null;
  }
}

/** Index of the struct holding `clock` in a clock-ordered list, or of the first one after it; -1 if none. */
function findIndex(structs: Struct[], clock: number): number {
  let lo = 0;
  let hi = structs.length - 1;
  let after = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid]!;
    if (clock < s.id.clock) {
      after = mid;
      hi = mid - 1;
    } else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return mid;
  }
  return after;
}

/** What a piece of content is, as a map value reads it (the last element, as Y.Map#get does). */
function valueOf(content: Y.Item['content']): TouchValue {
  if (content instanceof Y.ContentType) {
    const t = content.type;
    const type =
      t instanceof Y.Map ? 'map' : t instanceof Y.Array ? 'array' : t instanceof Y.Text ? 'text' : 'other';
    return { kind: 'type', type };
  }
  if (
    content instanceof Y.ContentAny ||
    content instanceof Y.ContentJSON ||
    content instanceof Y.ContentString
  ) {
    const all = content.getContent();
    return { kind: 'json', value: all[all.length - 1] as unknown };
  }
  return { kind: 'other' };
}
