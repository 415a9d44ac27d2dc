import type { ImportFormat, ImportResult } from '@/lib/export/import';
import { apiError } from '@/components/promote/promote-api';

export interface ImportResponse extends ImportResult {
  /** ids of the stories created (empty for a preview) */
  created: string[];
}

/** `commit: false` only previews (nothing is written); `commit: true` creates the previewed stories. */
export async function importStories(
  boardId: string,
  key: string,
  body: { format: ImportFormat; content: string; commit: boolean; author: string },
): Promise<ImportResponse> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) return apiError(res);
  return (await res.json()) as ImportResponse;
}
