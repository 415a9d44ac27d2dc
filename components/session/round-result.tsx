'use client';

import type { RoundState, SessionState } from '@/lib/realtime/events';
import { Avatar } from '@/components/ui/avatar';
import { cx } from '@/components/ui/cx';
import { participantsById, personFor } from './people';

/**
 * Who has voted (never what) before the reveal; the spread after it. Used in the story panel and,
 * with `large`, on the shared screen.
 */
export function RoundResult({
  round,
  state,
  large = false,
}: {
  round: RoundState;
  state: SessionState;
  large?: boolean;
}) {
  const people = participantsById(state);
  const n = round.voterIds.length;
  const stats = round.revealed ? round.stats : undefined;
  const top = Math.max(1, ...(stats?.distribution.map((d) => d.count) ?? [1]));
  const outliers = new Set(stats?.outliers ?? []);
  return (
    <div data-testid="round-result" className={cx('flex flex-col gap-3', large ? 'text-2xl' : 'text-sm')}>
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="voted-count" className="font-medium">
          {n} voted
        </span>
        <span className="flex -space-x-1">
          {round.voterIds.map((id) => {
            const p = personFor(people, id);
            const vote = round.votes?.[id];
            return (
              <Avatar
                key={id}
                name={p.name}
                color={p.color}
                size={large ? 'md' : 'sm'}
                hint={vote ? `voted ${vote}` : 'voted'}
                ring={outliers.has(id) ? 'warn' : 'plain'}
              />
            );
          })}
        </span>
      </div>
      {stats && (
        <>
          <ul aria-label="Vote distribution" data-testid="distribution" className="flex flex-col gap-1.5">
            {stats.distribution.map((d) => (
              <li key={d.value} className="flex items-center gap-3">
                <span className="w-12 text-right font-mono font-semibold">{d.value}</span>
                <span
                  className="h-3 rounded-full bg-indigo-500 dark:bg-indigo-400"
                  style={{ width: `${(d.count / top) * 60}%` }}
                  aria-hidden="true"
                />
                <span className="text-muted">{d.count}</span>
              </li>
            ))}
          </ul>
          <p className="text-zinc-600 dark:text-zinc-300" data-testid="round-stats">
            Min <b>{stats.min ?? '–'}</b> · Median <b>{stats.median ?? '–'}</b> · Max{' '}
            <b>{stats.max ?? '–'}</b>
            {stats.abstained > 0 && ` · ${stats.abstained} abstained`}
          </p>
          {stats.outliers.length > 0 && (
            <p className="font-medium text-amber-700 dark:text-amber-400" data-testid="outliers">
              Outliers:{' '}
              {stats.outliers
                .map((id) => `${personFor(people, id).name} (${round.votes?.[id] ?? '?'})`)
                .join(', ')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
