import * as Y from 'yjs';
import {
  isEntityEntry,
  noteAuthor,
  noteStoryId,
  readMeta,
  readMetrics,
  readNote,
  readPersonas,
  readStory,
  readValueStreams,
  roots,
  type EntityMap,
} from './schema';
import {
  byCreated,
  countsByStory,
  liveStories,
  sameCounts,
  threadsFor,
  type NoteThread,
  type StoryCounts,
} from './summary';
import type { BoardMetaView, MetricView, NoteView, PersonaView, StoryView } from './types';
import type { Definition, Evaluation } from './readiness';
import { ReadinessMemo } from './readiness-memo';
import { touchedIds } from './touched-ids';
import { sameList, sameMetaView, sameNote, sameStory } from './view-equality';

/**
 * One incrementally maintained, validated view of a board document. Yjs events name the entities a
 * transaction touched; only those are re-read through the schema's validating readers, and an
 * entity whose view did not change keeps its object identity (as do the lists and per-story
 * threads and counts built from them). Memoised components can then skip everything a change did
 * not reach: a keystroke in one note re-reads one note, not five thousand.
 *
 * Derived lists are built lazily on first read and rebuilt only when something they depend on
 * changed. Listeners hear once per transaction that changed something they may show.
 */
export type ViewTopic = 'stories' | 'notes' | 'values' | 'meta';

const EMPTY_COUNTS: StoryCounts = Object.freeze({ notes: 0, openQuestions: 0 });
const NO_NOTES: readonly NoteView[] = Object.freeze([]);
const NO_THREADS: readonly NoteThread[] = Object.freeze([]);

const views = new WeakMap<Y.Doc, BoardDocView>();

export class BoardDocView {
  /** The view of `doc`, created on first use and kept for the doc's lifetime. */
  static of(doc: Y.Doc): BoardDocView {
    let v = views.get(doc);
    if (!v) {
      v = new BoardDocView(doc);
      views.set(doc, v);
    }
    return v;
  }

  private readonly r: ReturnType<typeof roots>;
  private readonly listeners = new Set<(topics: ReadonlySet<ViewTopic>) => void>();
  private readonly pending = new Set<ViewTopic>();

  // Entities: built on first read, then patched from events. Notes are indexed by story in one
  // cheap pass (their storyId only); a note's full view is read when something shows it, so the
  // first screen of a 20,000-note board reads the notes of the stories on screen, not all of them.
  private storyMap: Map<string, StoryView> | null = null;
  /** noteId → storyId, for every note that can be shown */
  private noteIndex: Map<string, string> | null = null;
  /** storyId → ids of its notes (deleted ones included) */
  private noteIdsByStory = new Map<string, Set<string>>();
  /** note views read so far (always current: touched notes are re-read) */
  private noteCache = new Map<string, NoteView>();
  /** ids of notes that address someone (`mentions`), found in the same cheap pass */
  private mentioning = new Set<string>();

  // Derived, rebuilt lazily when null (or when the ids they depend on are dirty).
  private allStoriesList: StoryView[] | null = null;
  private liveList: StoryView[] | null = null;
  private allNotesList: NoteView[] | null = null;
  private notesOfStory = new Map<string, readonly NoteView[]>();
  private threadsOfStory = new Map<string, readonly NoteThread[]>();
  private countsOfStory = new Map<string, StoryCounts>();
  private countsMapCache: Map<string, StoryCounts> | null = null;
  private textOfStory = new Map<string, string>();
  private authorsCache: Map<string, string> | null = null;
  private metaCache: BoardMetaView | null = null;
  private personasCache: PersonaView[] | null = null;
  private metricsCache: MetricView[] | null = null;
  private streamsCache: string[] | null = null;
  private readonly ready: ReadinessMemo;

  /** Bumped per topic whenever that topic changed; a cheap change signal for memo dependencies. */
  readonly versions: Record<ViewTopic, number> = { stories: 0, notes: 0, values: 0, meta: 0 };

  private constructor(private readonly doc: Y.Doc) {
    this.r = roots(doc);
    this.ready = new ReadinessMemo(() => this.r.meta.get('readiness'));
    this.r.stories.observeDeep(this.onStories);
    this.r.notes.observeDeep(this.onNotes);
    this.r.personas.observeDeep(this.onValues);
    this.r.metrics.observeDeep(this.onValues);
    this.r.meta.observeDeep(this.onMeta);
    // Observers run inside the transaction's cleanup; afterTransaction follows them, so listeners
    // hear once per transaction however many roots it touched.
    doc.on('afterTransaction', this.flush);
  }

  subscribe = (fn: (topics: ReadonlySet<ViewTopic>) => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private flush = () => {
    if (this.pending.size === 0) return;
    const topics = new Set(this.pending);
    this.pending.clear();
    for (const t of topics) this.versions[t] += 1;
    for (const l of [...this.listeners]) l(topics);
  };

  private onStories = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (!this.storyMap) return void this.pending.add('stories'); // nothing built yet: built fresh on read
    const ids = touchedIds(events, this.r.stories as Y.AbstractType<unknown>);
    let orderChanged = false;
    const replaced = new Map<string, StoryView>();
    for (const id of ids) {
      const prev = this.storyMap.get(id) ?? null;
      const m = this.r.stories.get(id);
      const next = isEntityEntry(id, m) ? readStory(id, m) : null;
      if (next && prev && sameStory(prev, next)) continue;
      this.ready.drop(id);
      if (next) this.storyMap.set(id, next);
      else this.storyMap.delete(id);
      const live = (s: StoryView | null) => s !== null && s.deletedAt === null;
      if (live(prev) !== live(next) || (prev && next && prev.rank !== next.rank)) orderChanged = true;
      else if (next) replaced.set(id, next);
    }
    if (replaced.size === 0 && !orderChanged) return;
    this.allStoriesList = null;
    if (orderChanged) this.liveList = null;
    else if (this.liveList) this.liveList = this.liveList.map((s) => replaced.get(s.id) ?? s);
    this.pending.add('stories');
  };

  private onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (!this.noteIndex) return void this.pending.add('notes');
    const ids = touchedIds(events, this.r.notes as Y.AbstractType<unknown>);
    const dirtyStories = new Set<string>();
    for (const id of ids) {
      const prevStory = this.noteIndex.get(id) ?? null;
      const prev = this.noteCache.get(id) ?? null;
      const m = this.r.notes.get(id);
      const next = isEntityEntry(id, m) ? readNote(id, m) : null;
      if (next && prev && sameNote(prev, next)) continue;
      if (prevStory !== null && prevStory !== next?.storyId) {
        this.noteIdsByStory.get(prevStory)?.delete(id);
        this.noteIndex.delete(id);
      }
      if (prevStory !== null) dirtyStories.add(prevStory);
      if (next && next.mentions.length > 0) this.mentioning.add(id);
      else this.mentioning.delete(id);
      if (next) {
        this.noteCache.set(id, next);
        this.noteIndex.set(id, next.storyId);
        this.idsOf(next.storyId).add(id);
        dirtyStories.add(next.storyId);
        if (this.authorsCache && this.authorsCache.get(next.authorId) !== next.authorName)
          this.authorsCache = null;
      } else this.noteCache.delete(id);
    }
    if (dirtyStories.size === 0) return;
    this.allNotesList = null;
    for (const s of dirtyStories) {
      this.notesOfStory.delete(s);
      this.threadsOfStory.delete(s);
      this.textOfStory.delete(s);
      this.ready.drop(s);
      const before = this.countsOfStory.get(s);
      this.countsOfStory.delete(s);
      // Equal counts keep their object (and the map), so a note's text edit re-renders no card.
      if (before && sameCounts(before, this.counts(s))) this.countsOfStory.set(s, before);
      else this.countsMapCache = null;
    }
    this.pending.add('notes');
  };

  private onValues = () => {
    this.personasCache = null;
    this.metricsCache = null;
    this.pending.add('values');
  };

  private onMeta = () => {
    // Keep the same object when the title and creation time did not change (a stream was added).
    const next = readMeta(this.doc);
    if (this.metaCache && !sameMetaView(this.metaCache, next)) this.metaCache = next;
    this.streamsCache = null;
    this.ready.metaChanged();
    this.pending.add('meta');
  };

  private idsOf(storyId: string): Set<string> {
    let s = this.noteIdsByStory.get(storyId);
    if (!s) this.noteIdsByStory.set(storyId, (s = new Set()));
    return s;
  }

  private stories(): Map<string, StoryView> {
    if (!this.storyMap) {
      const map = new Map<string, StoryView>();
      this.r.stories.forEach((m, id) => {
        if (isEntityEntry(id, m)) map.set(id, readStory(id, m));
      });
      this.storyMap = map;
    }
    return this.storyMap;
  }

  private index(): Map<string, string> {
    if (!this.noteIndex) {
      const index = new Map<string, string>();
      [this.noteIdsByStory, this.mentioning] = [new Map(), new Set()];
      this.r.notes.forEach((m: EntityMap, id) => {
        const storyId = isEntityEntry(id, m) ? noteStoryId(m) : null;
        if (!storyId) return;
        index.set(id, storyId);
        if (m.has('mentions')) this.mentioning.add(id);
        this.idsOf(storyId).add(id);
      });
      this.noteIndex = index;
    }
    return this.noteIndex;
  }

  /** The view of an indexed note, read on first use. */
  private noteView(id: string): NoteView {
    let n = this.noteCache.get(id);
    if (!n) {
      const m = this.r.notes.get(id) as EntityMap; // indexed, so a map with a story
      n = readNote(id, m)!;
      this.noteCache.set(id, n);
    }
    return n;
  }

  // ---- stories ----

  /** A story by id (soft-deleted ones included), or null. */
  story(id: string | null): StoryView | null {
    return id === null ? null : (this.stories().get(id) ?? null);
  }

  /** Every story including soft-deleted ones, unsorted. */
  allStories(): readonly StoryView[] {
    return (this.allStoriesList ??= [...this.stories().values()]);
  }

  /** Live (not deleted) stories in backlog order. */
  liveStories(): readonly StoryView[] {
    if (!this.liveList) {
      this.liveList = liveStories([...this.stories().values()]);
    }
    return this.liveList;
  }

  // ---- notes ----

  allNotes(): readonly NoteView[] {
    return (this.allNotesList ??= [...this.index().keys()].map((id) => this.noteView(id)));
  }

  note(id: string): NoteView | null {
    return this.index().has(id) ? this.noteView(id) : null;
  }

  /** A story's notes (soft-deleted included), oldest first. */
  notesOf(storyId: string): readonly NoteView[] {
    this.index();
    let out = this.notesOfStory.get(storyId);
    if (!out) {
      const ids = this.noteIdsByStory.get(storyId);
      out = ids && ids.size > 0 ? [...ids].map((id) => this.noteView(id)).sort(byCreated) : NO_NOTES;
      this.notesOfStory.set(storyId, out);
    }
    return out;
  }

  /** Top-level notes of a story (oldest first) with their replies; replies to deleted parents stay visible. */
  threads(storyId: string): readonly NoteThread[] {
    let out = this.threadsOfStory.get(storyId);
    if (!out) {
      // Built by the same pure function the server and tests use; a thread whose note and replies
      // are unchanged keeps its identity (its row skips rendering).
      const prev = this.previousThreads.get(storyId);
      const built = threadsFor(this.notesOf(storyId), storyId).map((t) => {
        const old = prev?.get(t.note.id);
        return old && old.note === t.note && sameList(old.replies, t.replies) ? old : t;
      });
      out = built.length === 0 ? NO_THREADS : built;
      this.threadsOfStory.set(storyId, out);
      this.previousThreads.set(storyId, new Map(out.map((t) => [t.note.id, t])));
    }
    return out;
  }
  private previousThreads = new Map<string, Map<string, NoteThread>>();

  /** Live notes and open questions of one story; the same object until they change. */
  counts(storyId: string): StoryCounts {
    let c = this.countsOfStory.get(storyId);
    if (!c) {
      c = countsByStory(this.notesOf(storyId)).get(storyId) ?? EMPTY_COUNTS;
      this.countsOfStory.set(storyId, c);
    }
    return c;
  }

  /** Counts of every story that has live notes; a new Map only when some story's counts changed. */
  countsByStory(): ReadonlyMap<string, StoryCounts> {
    if (!this.countsMapCache) {
      this.index();
      const map = new Map<string, StoryCounts>();
      for (const storyId of this.noteIdsByStory.keys()) {
        const c = this.counts(storyId);
        if (c.notes > 0) map.set(storyId, c);
      }
      this.countsMapCache = map;
    }
    return this.countsMapCache;
  }

  /** Whether a note of the story addresses someone: "Needs your input" reads only those stories' notes. */
  hasMentions(storyId: string): boolean {
    const ids = this.index() && this.noteIdsByStory.get(storyId);
    if (!ids || this.mentioning.size === 0) return false;
    for (const id of ids) if (this.mentioning.has(id)) return true;
    return false;
  }

  /** The text of a story's live notes, for search. */
  noteText(storyId: string): string {
    let t = this.textOfStory.get(storyId);
    if (t === undefined) {
      t = this.notesOf(storyId)
        .filter((n) => n.deletedAt === null)
        .map((n) => n.text)
        .join('\n');
      this.textOfStory.set(storyId, t);
    }
    return t;
  }

  /** userId → display name, learned from note authors. */
  authorNames(): ReadonlyMap<string, string> {
    if (!this.authorsCache) {
      // From the raw maps: naming who +1'd a note must not read every note in full.
      const names = new Map<string, string>();
      for (const id of this.index().keys()) {
        const a = noteAuthor(this.r.notes.get(id) as EntityMap);
        names.set(a.id, a.name);
      }
      this.authorsCache = names;
    }
    return this.authorsCache;
  }

  // ---- small roots: re-read whole (a handful of entries), identity kept when equal ----

  meta(): BoardMetaView {
    return (this.metaCache ??= readMeta(this.doc));
  }

  personas(): readonly PersonaView[] {
    return (this.personasCache ??= readPersonas(this.doc));
  }

  metrics(): readonly MetricView[] {
    return (this.metricsCache ??= readMetrics(this.doc));
  }

  valueStreams(): readonly string[] {
    return (this.streamsCache ??= readValueStreams(this.doc));
  }

  // ---- readiness (readiness.ts) ----

  /** The board's definition of ready (the default until the owner saves one). */
  definition(): Definition {
    return this.ready.definition();
  }

  /**
   * How ready a story is, evaluated once and kept until the story, its notes or the definition
   * change; an equal result keeps its object, so a card re-renders only when its badge would.
   */
  readiness(storyId: string): Evaluation | null {
    const story = this.story(storyId);
    return story ? this.ready.evaluation(story, this.notesOf(storyId)) : null;
  }
}
