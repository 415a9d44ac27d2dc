'use client';

import { Avatar } from '@/components/ui/avatar';
import { useBoard } from '@/components/board/board-context';
import { usePeople } from './use-peers';

const MAX_SHOWN = 6;

/** Everyone on the board, as overlapping avatars; names on hover and for screen readers. */
export function PresenceBar() {
  const people = usePeople(useBoard().awareness);
  if (people.length === 0) return null;
  const shown = people.slice(0, MAX_SHOWN);
  const rest = people.length - shown.length;
  const names = people.map((p) => (p.self ? `${p.user.name} (you)` : p.user.name)).join(', ');
  return (
    <div
      className="flex items-center"
      role="group"
      aria-label={`On this board: ${names}`}
      data-testid="presence-bar"
    >
      <ul className="flex -space-x-1.5">
        {shown.map((p) => (
          <li key={p.user.id}>
            <Avatar name={p.user.name} color={p.user.color} hint={p.self ? 'you' : undefined} />
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <span className="ml-1.5 text-xs text-muted" title={names}>
          +{rest}
        </span>
      )}
    </div>
  );
}
