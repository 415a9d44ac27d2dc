import type { FormalStorySummary, FormalStoryVersion } from '@/lib/promote/types';

/** Formal-story calls over the HTTP API; the key travels only in the Bearer header. */
const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

export async function apiError(res: Response): Promise<never> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
}

export interface PublishResult {
  storyId: string;
  version: number;
  publishedAt: number;
  /** false when the content equals the latest version (nothing new was stored) */
  created: boolean;
}

export async function publishStory(
  boardId: string,
  storyId: string,
  key: string,
  author: string,
): Promise<PublishResult> {
  const res = await fetch(`${base(boardId)}/stories/${encodeURIComponent(storyId)}/publish`, {
    method: 'POST',
    headers: { ...auth(key), 'Content-Type': 'application/json' },
    body: JSON.stringify({ author }),
  });
  if (!res.ok) return apiError(res);
  const body = (await res.json()) as Omit<PublishResult, 'created'>;
  return { ...body, created: res.status === 201 };
}

export async function fetchFormalStories(boardId: string, key: string): Promise<FormalStorySummary[]> {
  const res = await fetch(`${base(boardId)}/stories`, { headers: auth(key), cache: 'no-store' });
  if (!res.ok) return apiError(res);
  return ((await res.json()) as { stories: FormalStorySummary[] }).stories;
}

/** Every version of one formal story, oldest first; null when it was never published. */
export async function fetchVersions(
  boardId: string,
  storyId: string,
  key: string,
): Promise<FormalStoryVersion[] | null> {
  const res = await fetch(`${base(boardId)}/stories/${encodeURIComponent(storyId)}/versions`, {
    headers: auth(key),
    cache: 'no-store',
  });
  if (res.status === 404) return null;
  if (!res.ok) return apiError(res);
  const { versions } = (await res.json()) as { versions: FormalStoryVersion[] };
  return [...versions].sort((a, b) => a.version - b.version);
}

export async function fetchVersion(
  boardId: string,
  storyId: string,
  n: number,
  key: string,
): Promise<FormalStoryVersion> {
  const res = await fetch(`${base(boardId)}/stories/${encodeURIComponent(storyId)}/versions/${n}`, {
    headers: auth(key),
    cache: 'no-store',
  });
  if (!res.ok) return apiError(res);
  return (await res.json()) as FormalStoryVersion;
}
