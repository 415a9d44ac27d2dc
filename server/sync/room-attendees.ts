import { isUserId } from '../../lib/validation/awareness';

/**
 * How long a departed person stays in the session summary. Its default window is "today"
 * (server/http/exports.ts), so a day after they were last seen nobody can ask for them.
 */
export const ATTENDEE_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface Attendee {
  name: string;
  /** when their presence last changed or renewed, or when their last state went away */
  lastSeen: number;
}

/**
 * Who was on a board (for the session summary), keyed by the user id presence carries. Ids are
 * client-chosen, so the map is bounded three ways: only nanoid-like ids count (lib/validation/
 * awareness.ts), at most `max` people are kept — the longest-departed go first — and departed
 * ones are forgotten after the retention window. Entries are kept oldest-lastSeen first (a refresh
 * moves one to the end), so pruning walks from the front and stops early.
 */
export class RoomAttendees {
  private readonly byUser = new Map<string, Attendee>();
  /** the user id each awareness id currently shows */
  private readonly userOf = new Map<number, string>();
  /** how many awareness states currently show each user id (tabs, instances) */
  private readonly present = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly retentionMs = ATTENDEE_RETENTION_MS,
  ) {}

  get size(): number {
    return this.byUser.size;
  }

  values(): IterableIterator<Attendee> {
    return this.byUser.values();
  }

  /** Awareness id `clientId` now shows `state` (added, changed or renewed). */
  seen(clientId: number, state: unknown, now = Date.now()): void {
    const user = (state as { user?: { id?: unknown; name?: unknown } } | null | undefined)?.user;
    if (!user || !isUserId(user.id) || typeof user.name !== 'string') return this.gone(clientId, now);
    const id = user.id;
    const before = this.userOf.get(clientId);
    if (before !== id) {
      if (before !== undefined) this.release(before, now);
      this.userOf.set(clientId, id);
      this.present.set(id, (this.present.get(id) ?? 0) + 1);
    }
    const fresh = !this.byUser.has(id);
    this.touch(id, user.name.slice(0, 80), now);
    if (fresh) this.prune(now);
  }

  /** Awareness id `clientId` went away (its peer left, or its state was removed or timed out). */
  gone(clientId: number, now = Date.now()): void {
    const before = this.userOf.get(clientId);
    if (before === undefined) return;
    this.userOf.delete(clientId);
    this.release(before, now);
  }

  private release(id: string, now: number) {
    const n = (this.present.get(id) ?? 1) - 1;
    if (n > 0) return void this.present.set(id, n);
    this.present.delete(id);
    // They were here until now: the retention window runs from their departure.
    const a = this.byUser.get(id);
    if (a) this.touch(id, a.name, now);
  }

  private touch(id: string, name: string, now: number) {
    this.byUser.delete(id);
    this.byUser.set(id, { name, lastSeen: now });
  }

  /** Forgets departed people past the window, then the longest-departed while over the cap. */
  private prune(now: number) {
    for (const [id, a] of this.byUser) {
      if (now - a.lastSeen <= this.retentionMs) break;
      if (!this.present.has(id)) this.byUser.delete(id);
    }
    if (this.byUser.size <= this.max) return;
    let victim: string | undefined;
    for (const id of this.byUser.keys()) {
      if (!this.present.has(id)) {
        victim = id;
        break;
      }
    }
    // Everyone kept is present (more states than the cap): the bound still holds.
    this.byUser.delete(victim ?? this.byUser.keys().next().value!);
  }
}
