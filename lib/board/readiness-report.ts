import type * as Y from 'yjs';
import { evaluate, ruleLabel } from './readiness';
import { readBoardDefinition } from './readiness-ops';
import { readNotes, readStories } from './schema';
import { liveStories } from './summary';
import type { ReadinessReport } from '../validation/readiness';

/**
 * `GET /api/boards/:id/readiness`: the definition's rules and, for every live story in backlog
 * order, whether it is ready and which rules it misses. One pass over the notes, grouped by story.
 */
export function readinessReport(doc: Y.Doc): ReadinessReport {
  const def = readBoardDefinition(doc);
  const notesByStory = new Map<string, ReturnType<typeof readNotes>>();
  for (const n of readNotes(doc)) {
    const list = notesByStory.get(n.storyId);
    if (list) list.push(n);
    else notesByStory.set(n.storyId, [n]);
  }
  return {
    rules: def.rules.map((r) => ({ id: r.id, label: ruleLabel(r), kind: r.kind })),
    stories: liveStories(readStories(doc)).map((s) => {
      const e = evaluate(s, notesByStory.get(s.id) ?? [], def);
      return { storyId: s.id, ready: e.ready, missing: e.missing.map((m) => m.id) };
    }),
  };
}
