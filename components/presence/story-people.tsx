'use client';

import { Avatar } from '@/components/ui/avatar';
import { useStoryPeople } from './use-peers';

/**
 * Small avatars of who is viewing a story; a pulsing ring marks whoever is typing. Subscribes to
 * that story's presence itself, so a typing indicator re-renders these avatars and nothing around them.
 */
export function StoryPeople({ storyId, size = 'xs' }: { storyId: string; size?: 'xs' | 'sm' }) {
  const people = useStoryPeople(storyId);
  if (people.length === 0) return null;
  const label = people.map((p) => `${p.user.name}${p.typing ? ' (typing)' : ''}`).join(', ');
  return (
    <ul className="flex -space-x-1" aria-label={`Viewing: ${label}`} data-testid="story-people">
      {people.map((p) => (
        <li key={p.user.id} className="relative rounded-full">
          {/* Only the ring pulses: fading the avatar itself would make its initials unreadable. */}
          {p.typing && (
            <span
              aria-hidden="true"
              className="absolute -inset-1 rounded-full ring-2 ring-indigo-500 motion-safe:animate-pulse dark:ring-indigo-400"
            />
          )}
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
