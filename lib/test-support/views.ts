import type { NoteView, StoryView } from '../board/types';

/**
 * Complete views for lib tests, so a test spells only the fields it is about. The defaults are
 * the plainest valid values: a shell story with nothing set, a live top-level idea note.
 */
export function storyView(over: Partial<StoryView> = {}): StoryView {
  return {
    id: 's1',
    title: '',
    why: '',
    status: 'shell',
    rank: null,
    personaId: null,
    metricId: null,
    stream: null,
    value: null,
    effort: null,
    estimate: null,
    createdBy: null,
    createdAt: 0,
    deletedAt: null,
    deletedBy: null,
    formalId: null,
    formalVersion: null,
    checks: {},
    understanding: null,
    ...over,
  };
}

export function noteView(over: Partial<NoteView> = {}): NoteView {
  return {
    id: 'n1',
    storyId: 's1',
    parentId: null,
    kind: 'idea',
    text: '',
    authorId: 'u',
    authorName: 'U',
    mentions: [],
    createdAt: 0,
    editedAt: null,
    resolved: false,
    plus: [],
    deletedAt: null,
    deletedBy: null,
    ...over,
  };
}
