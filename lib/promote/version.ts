import type * as Y from 'yjs';
import { getPersonaMap, getStoryMap, readNotes, readPersona, readStory } from '../board/schema';
import { buildDraft, discussionSnapshot } from './draft';
import { readDraft } from './draft-doc';
import { readRounds } from '../session/round-record';
import type { FormalStoryVersion } from './types';

/** A version as a publish reads it from the doc, before the store numbers it. */
export type VersionDraft = Omit<FormalStoryVersion, 'version'>;

export type VersionRead =
  { ok: true; version: VersionDraft } | { ok: false; reason: 'not_found' | 'deleted' };

/**
 * What publishing `storyId` would store: the story, its live discussion and the co-edited draft
 * (or, with none yet, the draft built from the discussion). Pure apart from reading the doc.
 */
export function versionFromDoc(
  doc: Y.Doc,
  boardId: string,
  storyId: string,
  author: string,
  publishedAt: number,
): VersionRead {
  const map = getStoryMap(doc, storyId);
  if (!map) return { ok: false, reason: 'not_found' };
  const story = readStory(storyId, map);
  if (story.deletedAt !== null) return { ok: false, reason: 'deleted' };
  const notes = readNotes(doc);
  const personaName = personaNameOf(doc, story.personaId);
  const built = buildDraft(story, notes, personaName);
  const edited = readDraft(doc, storyId);
  const kinds = [
    ...new Set(notes.filter((n) => n.storyId === storyId && n.deletedAt === null).map((n) => n.kind)),
  ].sort();
  // Key order is part of the content hash: keep it.
  const version: VersionDraft = {
    boardId,
    storyId,
    title: story.title.trim() || 'Untitled story',
    narrative: edited?.narrative || built.narrative,
    criteria: edited ? edited.criteria : built.criteria,
    decisions: built.decisions,
    openQuestions: built.openQuestions,
    estimate: story.estimate,
    persona: personaName,
    value: story.value,
    effort: story.effort,
    labels: [...(story.stream ? [story.stream] : []), ...kinds],
    author,
    publishedAt,
    discussion: discussionSnapshot(storyId, notes),
  };
  // Only when there are any, last: versions of stories never estimated in a round hash as before.
  const rounds = readRounds(map.get('rounds'));
  if (rounds.length > 0) version.rounds = rounds;
  return { ok: true, version };
}

/** The persona's name as the board shows it, or null. */
function personaNameOf(doc: Y.Doc, personaId: string | null): string | null {
  const m = personaId ? getPersonaMap(doc, personaId) : null;
  return (m && personaId && readPersona(personaId, m)?.name) || null;
}

/** What a reader of the version sees, minus when and by whom: equal content, equal text. */
export function versionContent(v: VersionDraft): string {
  const { publishedAt: _t, author: _a, ...content } = v;
  return JSON.stringify(content);
}

/**
 * Identity of a version's content (SHA-256, hex) — a second publish of unchanged content is the
 * same version. Web Crypto, so it runs in Node and in the browser alike.
 */
export async function contentHash(v: VersionDraft): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(versionContent(v)),
  );
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
