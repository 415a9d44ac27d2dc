'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { getStoryMap, roots, textOf } from './schema';
import { BoardDocView } from './doc-view';
import { whyCoverage, type NoteThread, type StoryCounts } from './summary';
import type { Definition, Evaluation } from './readiness';
import { awaitingRepliesOf, type Addressed } from './needs-input';
import type { BoardMetaView, MetricView, NoteView, PersonaView, StoryView } from './types';

/**
 * React bindings for the board Y.Doc, selecting from its one incremental view (doc-view.ts).
 * Every selector returns the same object until what it selects changed, so useSyncExternalStore
 * re-renders a component only when its own story, thread or list changed: a collaborator's note
 * on story A never re-renders story B's card. Views are read through the schema's validating
 * readers, so a foreign client's bad value shows as unset.
 */

/** The component re-renders whenever `select` returns a different object. */
function useDocView<T>(doc: Y.Doc, select: (v: BoardDocView) => T): T {
  const view = BoardDocView.of(doc);
  const get = () => select(view);
  return useSyncExternalStore(view.subscribe, get, get);
}

/** Every story including soft-deleted ones, as validated views. */
export function useAllStories(doc: Y.Doc): readonly StoryView[] {
  return useDocView(doc, (v) => v.allStories());
}

/** Live (not deleted) stories in backlog order. */
export function useStories(doc: Y.Doc): readonly StoryView[] {
  return useDocView(doc, (v) => v.liveStories());
}

/** A live story by id, or null (unknown or in Trash). */
export function useStory(doc: Y.Doc, storyId: string | null): StoryView | null {
  const s = useDocView(doc, (v) => v.story(storyId));
  return s && s.deletedAt === null ? s : null;
}

export function useWhyCoverage(doc: Y.Doc): { withWhy: number; total: number } {
  const live = useStories(doc);
  return useMemo(() => whyCoverage(live), [live]);
}

/** Every note including soft-deleted ones (Trash); most views want useStoryNotes or useThreads. */
export function useAllNotes(doc: Y.Doc): readonly NoteView[] {
  return useDocView(doc, (v) => v.allNotes());
}

/** One story's notes (soft-deleted included), oldest first. */
export function useStoryNotes(doc: Y.Doc, storyId: string): readonly NoteView[] {
  return useDocView(doc, (v) => v.notesOf(storyId));
}

/** Counts per story (stories without live notes absent); a new Map only when some count changed. */
export function useNoteCounts(doc: Y.Doc): ReadonlyMap<string, StoryCounts> {
  return useDocView(doc, (v) => v.countsByStory());
}

/** The same, or null without subscribing while `enabled` is false (a filter that does not need counts). */
export function useNoteCountsWhen(doc: Y.Doc, enabled: boolean): ReadonlyMap<string, StoryCounts> | null {
  return useDocView(doc, (v) => (enabled ? v.countsByStory() : null));
}

/** Live notes and open questions of one story. */
export function useStoryCounts(doc: Y.Doc, storyId: string): StoryCounts {
  return useDocView(doc, (v) => v.counts(storyId));
}

/** Threads (top-level notes with their replies, oldest first) of one story. */
export function useThreads(doc: Y.Doc, storyId: string): readonly NoteThread[] {
  return useDocView(doc, (v) => v.threads(storyId));
}

/** userId → display name, learned from note authors; used to name who +1'd a note. */
export function useAuthorNames(doc: Y.Doc): ReadonlyMap<string, string> {
  return useDocView(doc, (v) => v.authorNames());
}

/**
 * A change counter for note contents, or -1 when `enabled` is false (then note changes do not
 * re-render the caller at all). Search reads note text only while a query is typed.
 */
export function useNotesVersion(doc: Y.Doc, enabled: boolean): number {
  return useDocView(doc, (v) => (enabled ? v.versions.notes : -1));
}

export function useMeta(doc: Y.Doc): BoardMetaView {
  return useDocView(doc, (v) => v.meta());
}

/** The board's definition of ready. */
export function useDefinition(doc: Y.Doc): Definition {
  return useDocView(doc, (v) => v.definition());
}

/** How ready one story is (null for an unknown story); memoised per story in the board view. */
export function useReadiness(doc: Y.Doc, storyId: string): Evaluation | null {
  return useDocView(doc, (v) => v.readiness(storyId));
}

/**
 * A change signal for every story's readiness (stories, notes, the definition), or -1 while
 * `enabled` is false, so the backlog re-filters on readiness only while the filter is on.
 */
export function useReadinessVersion(doc: Y.Doc, enabled: boolean): string {
  return useDocView(doc, (v) =>
    enabled ? `${v.versions.stories}.${v.versions.notes}.${v.versions.meta}` : '-1',
  );
}

/** Every persona (archived included, flagged), oldest first. */
export function usePersonas(doc: Y.Doc): readonly PersonaView[] {
  return useDocView(doc, (v) => v.personas());
}

/** Every metric (archived included, flagged), oldest first. */
export function useMetrics(doc: Y.Doc): readonly MetricView[] {
  return useDocView(doc, (v) => v.metrics());
}

/** The board's value stream names, in lane order. */
export function useValueStreams(doc: Y.Doc): readonly string[] {
  return useDocView(doc, (v) => v.valueStreams());
}

// ---- direct bindings to shared types (editors bind to the Y.Text itself) ----

/** Structural view of any Yjs shared type (Y.Map<T> variance makes AbstractType<unknown> too strict). */
interface AnyType {
  observe(f: () => void): void;
  observeDeep(f: () => void): void;
}

interface Tracker {
  version: number;
  listeners: Set<() => void>;
}

// Separate maps: a shallow tracker must not serve a deep subscriber (or the reverse).
const deepTrackers = new WeakMap<AnyType, Tracker>();
const shallowTrackers = new WeakMap<AnyType, Tracker>();

function trackerFor(type: AnyType, deep: boolean): Tracker {
  const trackers = deep ? deepTrackers : shallowTrackers;
  let t = trackers.get(type);
  if (!t) {
    const tracker: Tracker = { version: 0, listeners: new Set() };
    const bump = () => {
      tracker.version += 1;
      for (const l of [...tracker.listeners]) l();
    };
    // Installed once per type and kept for the type's lifetime (a WeakMap entry), so the version
    // never misses a change between one component unsubscribing and another subscribing.
    if (deep) type.observeDeep(bump);
    else type.observe(bump);
    trackers.set(type, tracker);
    t = tracker;
  }
  return t;
}

/** Version number of one shared type (a Y.Text, a draft's map): changes whenever it changes. */
export function useTypeVersion(type: AnyType | null, deep = true): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return () => undefined;
      const t = trackerFor(type, deep);
      t.listeners.add(onChange);
      return () => t.listeners.delete(onChange);
    },
    [type, deep],
  );
  const get = () => (type ? trackerFor(type, deep).version : -1);
  return useSyncExternalStore(subscribe, get, get);
}

/**
 * The Y.Text behind a story field. Watches only the story map itself (shallow), so the binding
 * follows when someone replaces the field (e.g. ensureText upgrading a foreign plain string).
 */
export function useStoryText(doc: Y.Doc, storyId: string, key: 'title' | 'why'): Y.Text | null {
  const stories = roots(doc).stories;
  const listV = useTypeVersion(stories, false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `listV` signals the story map being replaced
  const map = useMemo(() => getStoryMap(doc, storyId), [doc, storyId, listV]);
  const mapV = useTypeVersion(map, false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `mapV` signals the field being replaced
  return useMemo(() => (map ? textOf(map, key) : null), [map, key, mapV]);
}

/** Who an open question on this story still waits for (user id → threads); stable until its notes change. */
export function useAwaitingReplies(doc: Y.Doc, storyId: string): ReadonlyMap<string, readonly Addressed[]> {
  return awaitingRepliesOf(useThreads(doc, storyId));
}
