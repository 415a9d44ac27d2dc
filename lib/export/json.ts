import type { FormalStoryVersion } from '../promote/types';

export interface JsonExport {
  board: { id: string; title: string };
  exportedAt: number;
  stories: FormalStoryVersion[];
}

/** The stories API payload with full versions (latest of each story). */
export function exportJson(
  board: { id: string; title: string },
  stories: FormalStoryVersion[],
  now = Date.now(),
): JsonExport {
  return { board, exportedAt: now, stories };
}
