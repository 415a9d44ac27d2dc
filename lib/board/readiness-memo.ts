import { evaluate, readDefinition, sameEvaluation, type Definition, type Evaluation } from './readiness';
import type { NoteView, StoryView } from './types';

/**
 * The board view's readiness part (doc-view.ts): the definition, read once per change of
 * `meta.readiness`, and one evaluation per story, dropped only when that story, its notes or the
 * definition change. An equal re-evaluation keeps its object, so a card re-renders only when its
 * badge would.
 */
export class ReadinessMemo {
  private definitionCache: Definition | null = null;
  private definitionJson = '';
  private readonly of = new Map<string, Evaluation>();
  /** the last evaluation handed out per story, so an equal re-evaluation keeps its identity */
  private readonly prev = new Map<string, Evaluation>();

  /** `readRaw` reads the stored definition (`meta.readiness`). */
  constructor(private readonly readRaw: () => unknown) {}

  definition(): Definition {
    if (!this.definitionCache) {
      const raw = this.readRaw();
      this.definitionJson = JSON.stringify(raw ?? null);
      this.definitionCache = readDefinition(raw);
    }
    return this.definitionCache;
  }

  /** `meta` changed: forget the definition and every evaluation if the stored definition did. */
  metaChanged(): void {
    if (!this.definitionCache) return;
    if (JSON.stringify(this.readRaw() ?? null) === this.definitionJson) return;
    this.definitionCache = null;
    this.of.clear();
  }

  /** The story or its notes changed. */
  drop(storyId: string): void {
    this.of.delete(storyId);
  }

  evaluation(story: StoryView, notes: readonly NoteView[]): Evaluation {
    let e = this.of.get(story.id);
    if (!e) {
      e = evaluate(story, notes, this.definition());
      const prev = this.prev.get(story.id);
      if (prev && sameEvaluation(prev, e)) e = prev;
      this.of.set(story.id, e);
      this.prev.set(story.id, e);
    }
    return e;
  }
}
