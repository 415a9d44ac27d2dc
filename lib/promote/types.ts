import type { NoteKind } from '../board/types';
import type { RoundRecord } from '../session/round-record';

/** A note as it was when the story was published (with its replies, one level deep). */
export interface DiscussionNote {
  id: string;
  kind: NoteKind;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  resolved: boolean;
  replies: DiscussionNote[];
}

/** One immutable published version of a formal story. */
export interface FormalStoryVersion {
  boardId: string;
  storyId: string;
  version: number;
  title: string;
  narrative: string;
  criteria: string[];
  decisions: string[];
  openQuestions: string[];
  estimate: string | null;
  persona: string | null;
  value: number | null;
  effort: number | null;
  /** value stream and note kinds present, space-free */
  labels: string[];
  author: string;
  publishedAt: number;
  discussion: DiscussionNote[];
  /** the story's accepted rounds at publish (estimates and understanding checks), oldest first */
  rounds?: RoundRecord[];
}

/** `GET /api/boards/:id/stories` item: the latest version of each formal story. */
export interface FormalStorySummary {
  storyId: string;
  version: number;
  title: string;
  narrative: string;
  criteria: string[];
  estimate: string | null;
  persona: string | null;
  value: number | null;
  publishedAt: number;
}

export function summarize(v: FormalStoryVersion): FormalStorySummary {
  const { storyId, version, title, narrative, criteria, estimate, persona, value, publishedAt } = v;
  return { storyId, version, title, narrative, criteria, estimate, persona, value, publishedAt };
}
