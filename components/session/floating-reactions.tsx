'use client';

import { useEffect, useState } from 'react';
import type { ReactionEvent } from '@/lib/realtime/events';
import type { SessionClient } from '@/lib/realtime/session-client';
import { cx } from '@/components/ui/cx';

const SHOW_MS = 3_500;
const MAX = 20;
let seq = 0;

/** Reactions from everyone, floating for a few seconds over the page; decorative for screen readers. */
export function FloatingReactions({
  client,
  large = false,
}: {
  client: SessionClient | null;
  large?: boolean;
}) {
  const [items, setItems] = useState<(ReactionEvent & { key: number; left: number })[]>([]);
  useEffect(() => {
    if (!client) return;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const off = client.onReaction((r) => {
      const key = ++seq;
      setItems((xs) => [...xs.slice(-MAX + 1), { ...r, key, left: 10 + ((key * 37) % 80) }]);
      const t = setTimeout(() => {
        timers.delete(t);
        setItems((xs) => xs.filter((x) => x.key !== key));
      }, SHOW_MS);
      timers.add(t);
    });
    return () => {
      off();
      for (const t of timers) clearTimeout(t);
    };
  }, [client]);
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none fixed inset-x-0 bottom-16 z-40 h-40"
      data-testid="reactions"
    >
      {items.map((r) => (
        <span
          key={r.key}
          className={cx(
            'absolute bottom-0 flex flex-col items-center motion-safe:animate-bounce',
            large ? 'text-7xl' : 'text-3xl',
          )}
          style={{ left: `${r.left}%` }}
        >
          {r.emoji}
          <span className={cx('rounded bg-black/60 px-1 text-white', large ? 'text-lg' : 'text-[10px]')}>
            {r.name}
          </span>
        </span>
      ))}
    </div>
  );
}
