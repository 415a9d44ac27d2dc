import type { Awareness } from 'y-protocols/awareness';
import { parseAwareness, type AwarenessUser } from '../validation/awareness';

export interface Peer {
  clientId: number;
  user: AwarenessUser;
  storyId: string | null;
  typing: boolean;
  self: boolean;
}

/**
 * Presence kept apart from content: one parsed view of a board's awareness, patched from the
 * `change` event by the client ids it names. A peer whose parsed state did not change keeps its
 * object, and the people on a story keep their list until someone arrives, leaves or starts or
 * stops typing there. A collaborator's typing indicator then re-renders that story's avatars and
 * typing line, never the backlog.
 */
export class PresenceView {
  private static views = new WeakMap<Awareness, PresenceView>();

  static of(awareness: Awareness): PresenceView {
    let v = PresenceView.views.get(awareness);
    if (!v) {
      v = new PresenceView(awareness);
      PresenceView.views.set(awareness, v);
    }
    return v;
  }

  private readonly byClient = new Map<number, Peer>();
  private list: readonly Peer[] = [];
  private people: readonly Peer[] = [];
  private onStory = new Map<string, readonly Peer[]>();
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly awareness: Awareness) {
    awareness.getStates().forEach((_s, id) => this.read(id));
    this.rebuild();
    // 'change' (not 'update') fires only when a state really changed, not on every heartbeat.
    awareness.on('change', this.onChange);
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** Everyone connected (one entry per tab), states that do not parse ignored. */
  peers(): readonly Peer[] {
    return this.list;
  }

  /** One entry per person (a person may have several tabs), yourself first. */
  uniquePeople(): readonly Peer[] {
    return this.people;
  }

  /** People looking at a story, and whether each is typing there. */
  peopleOn(storyId: string): readonly Peer[] {
    let out = this.onStory.get(storyId);
    if (!out) {
      out = uniquePeople(this.list.filter((p) => p.storyId === storyId));
      if (out.length === 0) out = NOBODY;
      this.onStory.set(storyId, out);
    }
    return out;
  }

  private onChange = ({
    added,
    updated,
    removed,
  }: {
    added: number[];
    updated: number[];
    removed: number[];
  }) => {
    let changed = false;
    for (const id of [...added, ...updated, ...removed]) changed = this.read(id) || changed;
    if (!changed) return;
    this.rebuild();
    for (const l of [...this.listeners]) l();
  };

  /** Re-parses one client's state; true when what we show of it changed. */
  private read(clientId: number): boolean {
    const prev = this.byClient.get(clientId);
    const raw = this.awareness.getStates().get(clientId);
    const s = raw ? parseAwareness(raw) : null;
    if (!s) {
      this.byClient.delete(clientId);
      return prev !== undefined;
    }
    const next: Peer = {
      clientId,
      user: s.user,
      storyId: s.storyId ?? null,
      typing: s.typing === true,
      self: clientId === this.awareness.clientID,
    };
    if (prev && samePeer(prev, next)) return false;
    this.byClient.set(clientId, next);
    return true;
  }

  private rebuild() {
    this.list = [...this.byClient.values()];
    this.people = uniquePeople(this.list);
    // Keep each story's list when its people are unchanged, so only the stories concerned re-render.
    const before = this.onStory;
    this.onStory = new Map();
    for (const [storyId, old] of before) {
      const next = this.peopleOn(storyId);
      if (samePeople(old, next)) this.onStory.set(storyId, old);
    }
  }
}

const NOBODY: readonly Peer[] = Object.freeze([]);

function samePeer(a: Peer, b: Peer): boolean {
  return (
    a.storyId === b.storyId &&
    a.typing === b.typing &&
    a.self === b.self &&
    a.user.id === b.user.id &&
    a.user.name === b.user.name &&
    a.user.color === b.user.color &&
    a.user.role === b.user.role
  );
}

function samePeople(a: readonly Peer[], b: readonly Peer[]): boolean {
  return a.length === b.length && a.every((p, i) => samePeer(p, b[i]!));
}

/** One entry per person (a person may have several tabs); typing/story from any of their tabs. */
export function uniquePeople(peers: readonly Peer[]): Peer[] {
  const byUser = new Map<string, Peer>();
  for (const p of peers) {
    const prev = byUser.get(p.user.id);
    if (!prev) byUser.set(p.user.id, p);
    else byUser.set(p.user.id, { ...prev, typing: prev.typing || p.typing, self: prev.self || p.self });
  }
  return [...byUser.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || a.user.name.localeCompare(b.user.name),
  );
}
