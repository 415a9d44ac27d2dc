'use client';

import type { Awareness } from 'y-protocols/awareness';
import type { SessionState } from '@/lib/realtime/events';
import { Avatar } from '@/components/ui/avatar';
import { usePeers } from '@/components/presence/use-peers';

/** Everyone here: session participants and board peers, one avatar per person; raised hands first. */
export function PresentPeople({ awareness, state }: { awareness: Awareness; state: SessionState | null }) {
  const peers = usePeers(awareness);
  const people = new Map<string, { name: string; color: string }>();
  for (const p of state?.participants ?? []) if (p.name !== 'Shared screen') people.set(p.id, p);
  for (const p of peers) if (!p.self && !people.has(p.user.id)) people.set(p.user.id, p.user);
  const hands = new Set(state?.hands ?? []);
  const list = [...people.entries()].sort(([a], [b]) => Number(hands.has(b)) - Number(hands.has(a)));
  return (
    <section aria-label="Who is here" data-testid="present-people" className="flex flex-col gap-3">
      <h2 className="text-xl font-medium text-muted">Here · {list.length}</h2>
      <ul className="flex flex-wrap gap-3">
        {list.map(([id, p]) => (
          <li key={id} className="flex items-center gap-2 text-xl">
            <Avatar name={p.name} color={p.color} size="md" />
            <span>{p.name}</span>
            {hands.has(id) && (
              <span role="img" aria-label="hand raised" data-testid="raised-hand">
                ✋
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
