'use client';

import { REACTIONS } from '@/lib/realtime/session-constants';
import { useSessionContext } from './session-context';

/** One tap sends a reaction everyone sees float by. */
export function ReactionBar() {
  const session = useSessionContext();
  if (!session) return null;
  return (
    <div role="group" aria-label="Send a reaction" className="flex items-center">
      {REACTIONS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          aria-label={`React ${emoji}`}
          onClick={() => session.call('reaction:send', { emoji })}
          className="grid size-7 place-items-center rounded-md text-base hover:bg-subtle focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
