'use client';

import { useStoryPeople } from './use-peers';

function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} more`;
}

/** "Ana is typing…" for other people typing in this story (never ourselves). */
export function TypingLine({ storyId }: { storyId: string }) {
  const people = useStoryPeople(storyId);
  const names = people.filter((p) => p.typing && !p.self).map((p) => p.user.name);
  return (
    <p className="h-5 text-xs text-muted italic" aria-live="polite">
      {names.length > 0 && `${listNames(names)} ${names.length === 1 ? 'is' : 'are'} typing…`}
    </p>
  );
}
