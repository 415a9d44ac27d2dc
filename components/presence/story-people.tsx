'use client';

import { Avatar } from '@/components/ui/avatar';
import { cx } from '@/components/ui/cx';
import type { Peer } from './use-peers';

/** Small avatars of who is viewing a story; a pulsing ring marks whoever is typing. */
export function StoryPeople({ people, size = 'xs' }: { people: readonly Peer[]; size?: 'xs' | 'sm' }) {
  if (people.length === 0) return null;
  const label = people.map((p) => `${p.user.name}${p.typing ? ' (typing)' : ''}`).join(', ');
  return (
    <ul className="flex -space-x-1" aria-label={`Viewing: ${label}`} data-testid="story-people">
      {people.map((p) => (
        <li key={p.user.id} className={cx('rounded-full', p.typing && 'animate-pulse')}>
          <Avatar
            name={p.user.name}
            color={p.user.color}
            size={size}
            hint={[p.self ? 'you' : '', p.typing ? 'typing' : 'viewing'].filter(Boolean).join(', ')}
          />
        </li>
      ))}
    </ul>
  );
}
