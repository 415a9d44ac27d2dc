import { NOTE_KINDS } from '../../lib/board/types';
import { storyLink } from '../../lib/export/markdown';
import { diffCriteria } from '../../lib/promote/version-diff';
import type { FormalStoryVersion } from '../../lib/promote/types';
import type { IssueDraft } from './types';

/** The marker a pushed issue's description carries, so a lost record is found again (`find`). */
export const markerFor = (boardId: string, storyId: string) => `shellboard:${boardId}/${storyId}`;

const isNoteKind = (l: string) => (NOTE_KINDS as readonly string[]).includes(l);

/**
 * What a connector puts in the tracker for one version. The link is the formal story page without
 * any key (a tracker is read by people outside the board; they open it with their own link).
 * Labels: the value stream (the version's labels minus note kinds) and the persona.
 */
export function draftFromVersion(v: FormalStoryVersion, publicBase: string): IssueDraft {
  const stream = v.labels.filter((l) => !isNoteKind(l));
  return {
    title: v.title,
    narrative: v.narrative,
    criteria: v.criteria,
    decisions: v.decisions,
    link: storyLink(publicBase, v) ?? '',
    marker: markerFor(v.boardId, v.storyId),
    estimate: v.estimate,
    labels: [...stream, ...(v.persona ? [v.persona] : [])],
    version: v.version,
  };
}

/** The re-push comment: what changed from the version last pushed to this one, one sentence each. */
export function changeLines(prev: FormalStoryVersion, next: FormalStoryVersion): string[] {
  const out = [`Updated from version ${prev.version} to version ${next.version} on Shellboard.`];
  if (prev.title !== next.title) out.push(`Title changed from "${prev.title}" to "${next.title}".`);
  if (prev.estimate !== next.estimate)
    out.push(`Estimate changed from ${prev.estimate ?? 'none'} to ${next.estimate ?? 'none'}.`);
  if (prev.narrative !== next.narrative) out.push('Narrative changed.');
  for (const row of diffCriteria(prev.criteria, next.criteria)) {
    if (row.kind === 'added') out.push(`Criterion added: ${row.after}`);
    else if (row.kind === 'removed') out.push(`Criterion removed: ${row.before}`);
    else if (row.kind === 'changed') out.push(`Criterion changed: "${row.before}" → "${row.after}"`);
  }
  const added = next.decisions.filter((d) => !prev.decisions.includes(d));
  for (const d of added) out.push(`Decision added: ${d}`);
  if (out.length === 1) out.push('No change to title, estimate, narrative or criteria.');
  return out;
}
