'use client';

import { useEffect, useState } from 'react';
import type { ApiErrorBody, BoardInfoResponse } from '@/lib/validation/api';
import { recallBoardInfo, rememberBoardInfo } from './offline-info';

export type BoardInfoState =
  | { state: 'loading' }
  | { state: 'ready'; info: BoardInfoResponse }
  | { state: 'unauthorized' | 'not-found' }
  | { state: 'error'; message: string };

/** Asks the server who this key makes us (owner/team/view) before opening the live connection. */
export async function fetchBoardInfo(
  boardId: string,
  key: string,
  signal?: AbortSignal,
): Promise<BoardInfoState> {
  try {
    const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, {
      headers: { Authorization: `Bearer ${key}` },
      cache: 'no-store',
      signal,
    });
    if (res.status === 401 || res.status === 403) return { state: 'unauthorized' };
    if (res.status === 404) return { state: 'not-found' };
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
      return { state: 'error', message: body?.error?.message ?? `The server answered ${res.status}.` };
    }
    const info = (await res.json()) as BoardInfoResponse;
    rememberBoardInfo(key, info);
    return { state: 'ready', info };
  } catch (err) {
    if (signal?.aborted) throw err;
    // No network: open from this browser's offline copy if it has one for this very link.
    const remembered = recallBoardInfo(boardId, key);
    if (remembered) return { state: 'ready', info: remembered };
    return { state: 'error', message: 'Could not reach the server. Check your connection and try again.' };
  }
}

export function useBoardInfo(
  boardId: string,
  key: string | null | undefined,
  attempt: number,
): BoardInfoState {
  const [result, setResult] = useState<{ for: string; value: BoardInfoState } | null>(null);
  const want = `${boardId}\n${key ?? ''}\n${attempt}`;
  useEffect(() => {
    if (!key) return;
    // A repeat visit opens at once with what the API said last time for this very link (the
    // offline copy then shows the board before any network answer); the fresh answer replaces
    // it, and a dead link still gets its closed screen from that answer or from the sync gate.
    const remembered = attempt === 0 ? recallBoardInfo(boardId, key) : null;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after hydration
    if (remembered) setResult({ for: want, value: { state: 'ready', info: remembered } });
    const ac = new AbortController();
    fetchBoardInfo(boardId, key, ac.signal).then(
      // A server hiccup does not take away a board already open from its remembered info.
      (value) => {
        if (!(remembered && value.state === 'error')) setResult({ for: want, value });
      },
      () => undefined, // aborted: a newer request owns the result
    );
    return () => ac.abort();
  }, [boardId, key, want, attempt]);
  // A result for an older key/attempt is never shown as current.
  return result && result.for === want ? result.value : { state: 'loading' };
}
