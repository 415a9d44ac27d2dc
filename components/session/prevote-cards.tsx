'use client';

import { useState } from 'react';
import { useAuthorNames } from '@/lib/board/hooks';
import { SCALES, SCALE_LABELS, type ScaleId } from '@/lib/session/scales';
import { useBoard } from '@/components/board/board-context';
import { cx } from '@/components/ui/cx';
import { participantsById } from './people';
import { ScaleSelect } from './scale-select';
import { useSessionContext } from './session-context';

/** Your own pick stays on this device only: the server never sends a pre-vote back, not even to you. */
const mineKey = (boardId: string, storyId: string, scale: ScaleId) =>
  `shellboard:prevote:${boardId}:${storyId}:${scale}`;

function readMine(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Between sessions: cast an estimate on a story outside a live round. Kept on the server, shown to
 * nobody; when the facilitator starts a round on this story and scale it becomes your vote there.
 */
export function PrevoteCards({ storyId }: { storyId: string }) {
  const { boardId, doc, canEdit, me } = useBoard();
  const session = useSessionContext();
  const names = useAuthorNames(doc);
  const [scale, setScale] = useState<ScaleId>('fibonacci');
  const [mine, setMine] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<string | null>(null);
  const state = session?.state;
  if (!session || !state) return null;
  const key = mineKey(boardId, storyId, scale);
  const chosen = key in mine ? mine[key] : readMine(key);
  const people = participantsById(state);
  const voters = state.prevoted.filter((p) => p.storyId === storyId);
  const nameOf = (id: string) =>
    id === me.id ? 'you' : (people.get(id)?.name ?? names.get(id) ?? 'someone');
  const summary = voters
    .map((v) => `${SCALE_LABELS[v.scale]}: ${v.userIds.map(nameOf).join(', ')}`)
    .join(' · ');
  if (!canEdit && voters.length === 0) return null;
  return (
    <section aria-label="Pre-vote" data-testid="prevote" className="flex flex-col gap-2 text-sm">
      {canEdit && (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold">Pre-vote</h3>
            <ScaleSelect label="Cards" ariaLabel="Pre-vote cards" value={scale} onChange={setScale} />
          </div>
          <p className="text-xs text-muted">
            Nobody sees your value, the facilitator included; it becomes your vote when a round starts.
          </p>
          <div role="group" aria-label="Your pre-vote" className="flex flex-wrap gap-1.5">
            {SCALES[scale].map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={chosen === v}
                onClick={async () => {
                  const ack = await session.call('prevote:cast', { storyId, scale, value: v });
                  if (!ack.ok) return setError(ack.error.message);
                  setError(null);
                  try {
                    window.localStorage.setItem(key, v);
                  } catch {
                    // private mode: the pick is still cast, only not remembered here
                  }
                  setMine((m) => ({ ...m, [key]: v }));
                }}
                className={cx(
                  'h-9 min-w-8 rounded-lg border px-2 font-mono text-sm font-semibold focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none',
                  chosen === v
                    ? 'border-indigo-600 bg-indigo-600 text-white dark:border-indigo-400 dark:bg-indigo-500'
                    : 'border-line-strong bg-surface hover:border-indigo-300 dark:hover:border-indigo-600',
                )}
              >
                {v}
              </button>
            ))}
          </div>
          {error && (
            <p role="alert" className="text-xs text-red-700 dark:text-red-400">
              {error}
            </p>
          )}
        </>
      )}
      <p className="text-xs text-secondary" data-testid="prevoted" aria-live="polite">
        {voters.length > 0 ? `Pre-voted — ${summary}` : 'No pre-votes yet.'}
      </p>
    </section>
  );
}
