'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import {
  getStoryMap,
  readMeta,
  readMetrics,
  readNotes,
  readPersonas,
  readStories,
  readValueStreams,
  roots,
  textOf,
} from './schema';
import {
  countsByStory,
  liveStories,
  threadsFor,
  whyCoverage,
  type NoteThread,
  type StoryCounts,
} from './summary';
import type { BoardMetaView, MetricView, NoteView, PersonaView, StoryView } from './types';

/**
 * React bindings for the board Y.Doc. Each root type gets one deep observer that bumps a version
 * number; components subscribe through useSyncExternalStore and derive their views from the
 * version, so any writer (this tab, a collaborator, a foreign Yjs client) re-renders exactly once
 * per transaction, and the views are always read through the schema's validating readers.
 */

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

/** Version number of a shared type: changes whenever anything inside it (deep) changes. */
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

/** Every story including soft-deleted ones, as validated views. */
export function useAllStories(doc: Y.Doc): StoryView[] {
  const stories = roots(doc).stories;
  const v = useTypeVersion(stories);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `v` is the change signal for `doc`
  return useMemo(() => readStories(doc), [doc, v]);
}

/** Live (not deleted) stories in backlog order. */
export function useStories(doc: Y.Doc): StoryView[] {
  const all = useAllStories(doc);
  return useMemo(() => liveStories(all), [all]);
}

export function useStory(doc: Y.Doc, storyId: string | null): StoryView | null {
  const all = useAllStories(doc);
  return useMemo(() => all.find((s) => s.id === storyId && s.deletedAt === null) ?? null, [all, storyId]);
}

export function useWhyCoverage(doc: Y.Doc): { withWhy: number; total: number } {
  const all = useAllStories(doc);
  const { withWhy, total } = whyCoverage(all);
  return useMemo(() => ({ withWhy, total }), [withWhy, total]);
}

/** Every note including soft-deleted ones. */
export function useAllNotes(doc: Y.Doc): NoteView[] {
  const notes = roots(doc).notes;
  const v = useTypeVersion(notes);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `v` is the change signal for `doc`
  return useMemo(() => readNotes(doc), [doc, v]);
}

export function useNoteCounts(doc: Y.Doc): Map<string, StoryCounts> {
  const notes = useAllNotes(doc);
  return useMemo(() => countsByStory(notes), [notes]);
}

/** Threads (top-level notes with their replies, oldest first) of one story. */
export function useThreads(doc: Y.Doc, storyId: string): NoteThread[] {
  const notes = useAllNotes(doc);
  return useMemo(() => threadsFor(notes, storyId), [notes, storyId]);
}

/** userId → display name, learned from note authors; used to name who +1'd a note. */
export function useAuthorNames(doc: Y.Doc): Map<string, string> {
  const notes = useAllNotes(doc);
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const n of notes) names.set(n.authorId, n.authorName);
    return names;
  }, [notes]);
}

export function useMeta(doc: Y.Doc): BoardMetaView {
  const meta = roots(doc).meta;
  const v = useTypeVersion(meta);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `v` is the change signal for `doc`
  return useMemo(() => readMeta(doc), [doc, v]);
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

/** Every persona (archived included, flagged), oldest first. */
export function usePersonas(doc: Y.Doc): PersonaView[] {
  const v = useTypeVersion(roots(doc).personas);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `v` is the change signal for `doc`
  return useMemo(() => readPersonas(doc), [doc, v]);
}

/** Every metric (archived included, flagged), oldest first. */
export function useMetrics(doc: Y.Doc): MetricView[] {
  const v = useTypeVersion(roots(doc).metrics);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `v` is the change signal for `doc`
  return useMemo(() => readMetrics(doc), [doc, v]);
}

/** The board's value stream names, in lane order (meta is watched deeply: the list is a nested Y.Array). */
export function useValueStreams(doc: Y.Doc): string[] {
  const v = useTypeVersion(roots(doc).meta);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `v` is the change signal for `doc`
  return useMemo(() => readValueStreams(doc), [doc, v]);
}
