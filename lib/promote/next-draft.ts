import type { Draft } from './draft';

/** What a reader of a published version sees that the next draft starts from. */
export interface PublishedContent {
  narrative: string;
  criteria: readonly string[];
}

const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The draft for version n+1: the latest published narrative and criteria (what the team agreed
 * last time), plus criteria the discussion gained since, which were not published yet.
 */
export function nextVersionDraft(latest: PublishedContent, built: Draft): Draft {
  const known = new Set(latest.criteria.map(norm));
  const fresh = built.criteria.filter((c) => !known.has(norm(c)));
  return {
    ...built,
    narrative: latest.narrative.trim() || built.narrative,
    criteria: [...latest.criteria.filter((c) => c.trim() !== ''), ...fresh],
  };
}
