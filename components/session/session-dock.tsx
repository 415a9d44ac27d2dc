'use client';

import { useStory } from '@/lib/board/hooks';
import { useBoard } from '@/components/board/board-context';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { FloatingReactions } from './floating-reactions';
import { participantsById, personFor } from './people';
import { ReactionBar } from './reaction-bar';
import { useSessionContext } from './session-context';
import { TimerControls } from './timer-controls';
import { TimerDisplay } from './timer-display';
import { useFacilitatorKeys } from './use-facilitator-keys';
import { useFocusNav } from './use-focus-nav';
import { AgendaButton } from './agenda-toggle';

/** The session bar at the bottom of the board: timer, focus, hands, reactions, follow. */
export function SessionDock() {
  const { isOwner, canEdit, me, doc, openStoryId, openStory } = useBoard();
  const session = useSessionContext();
  const nav = useFocusNav();
  useFacilitatorKeys(isOwner ? nav : null);
  const state = session?.state ?? null;
  const focus = useStory(doc, state?.focus?.storyId ?? null);
  if (!session) return null;
  const people = participantsById(state);
  const raised = state?.hands.includes(me.id) ?? false;
  const round = state?.round;
  return (
    <>
      <div className="h-14" aria-hidden="true" />
      <div
        role="region"
        aria-label="Live session"
        data-testid="session-dock"
        className="fixed inset-x-0 bottom-0 z-20 flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-line bg-white px-4 py-2 text-xs dark:bg-zinc-950"
      >
        {session.statusText && (
          <span className="text-amber-700 dark:text-amber-400">{session.statusText}</span>
        )}
        {state && (
          <TimerDisplay
            timer={state.timer}
            offset={session.offset}
            className="text-base"
            hideIdle={!isOwner}
          />
        )}
        {isOwner && state && <TimerControls timer={state.timer} />}
        {focus && (
          <button
            type="button"
            className="max-w-48 truncate text-zinc-600 hover:underline dark:text-zinc-300"
            onClick={() => openStory(focus.id)}
          >
            Focus: {focus.title || 'Untitled'}
          </button>
        )}
        {isOwner && (
          <span className="flex" role="group" aria-label="Move focus">
            <Button
              size="sm"
              variant="ghost"
              onClick={() => nav(-1)}
              aria-label="Focus previous story"
              aria-keyshortcuts="k"
            >
              ↑
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => nav(1)}
              aria-label="Focus next story"
              aria-keyshortcuts="j"
            >
              ↓
            </Button>
          </span>
        )}
        {isOwner && <AgendaButton />}
        {round && round.storyId !== openStoryId && (
          <Button size="sm" variant="secondary" onClick={() => openStory(round.storyId)}>
            Estimation running · open
          </Button>
        )}
        {(state?.hands.length ?? 0) > 0 && (
          <span className="flex items-center gap-1" role="group" aria-label="Raised hands">
            ✋
            {state?.hands.map((id) => (
              <Avatar key={id} size="xs" {...personFor(people, id)} />
            ))}
          </span>
        )}
        <span className="ml-auto flex items-center gap-2">
          {canEdit && (
            <Button
              size="sm"
              variant={raised ? 'primary' : 'ghost'}
              aria-pressed={raised}
              onClick={() => session.call('hand:set', { raised: !raised })}
            >
              ✋ {raised ? 'Lower hand' : 'Raise hand'}
            </Button>
          )}
          {canEdit && <ReactionBar />}
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={session.follow}
              onChange={(e) => session.setFollow(e.target.checked)}
              className="accent-indigo-600"
            />
            Follow facilitator
          </label>
        </span>
        <p role="status" aria-live="polite" className="w-full text-red-600 empty:hidden dark:text-red-400">
          {session.error ?? ''}
        </p>
      </div>
      <FloatingReactions client={session.client} />
    </>
  );
}
