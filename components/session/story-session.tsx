'use client';

import { memo, useState } from 'react';
import { SCALES, SCALE_LABELS, type ScaleId } from '@/lib/session/scales';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { OwnerRoundControls } from './owner-round-controls';
import { Calibration } from './calibration';
import { ReferencePoints } from './reference-points';
import { RoundResult } from './round-result';
import { ScaleSelect } from './scale-select';
import { useSessionContext } from './session-context';
import { PrevoteCards } from './prevote-cards';
import { RoundHistory } from './round-history';
import { VoteCards } from './vote-cards';
import { WhyAgain } from './why-again';

/** The session on the open story: focus it, run an estimation round, vote, see the spread. */
// Memoised: the open story's panel re-renders on every keystroke in its title; this part
// depends only on the story id and subscribes to what it shows.
export const StorySession = memo(function StorySession({ storyId }: { storyId: string }) {
  const { isOwner, canEdit, me, doc } = useBoard();
  const session = useSessionContext();
  const [scale, setScale] = useState<ScaleId>('fibonacci');
  const state = session?.state;
  if (!session || !state) return null;
  const round = state.round?.storyId === storyId ? state.round : null;
  const focused = state.focus?.storyId === storyId;
  if (!round && !isOwner)
    return (
      <>
        <PrevoteCards storyId={storyId} />
        <RoundHistory doc={doc} storyId={storyId} />
      </>
    );
  const checking = round?.scale === 'understanding';
  return (
    <section
      aria-label="Estimation"
      data-testid="story-session"
      className="flex flex-col gap-3 rounded-xl border border-line p-4"
    >
      {isOwner && (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            variant={focused ? 'secondary' : 'ghost'}
            disabled={focused}
            onClick={() => session.call('focus:set', { storyId })}
          >
            {focused ? 'In focus' : 'Focus this story'}
          </Button>
          {!round && (
            <>
              <ScaleSelect label="Scale" value={scale} onChange={setScale} />
              <Button
                size="sm"
                onClick={() => session.call('round:start', { storyId, scale })}
                aria-keyshortcuts="e"
              >
                Start estimation
              </Button>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => session.call('round:start', { storyId, scale: 'understanding' })}
                title="Everyone shows 1–5 fingers, secretly: how well do we understand why?"
              >
                Check understanding
              </Button>
            </>
          )}
        </div>
      )}
      {round && (
        <>
          <h3 className="text-sm font-semibold">
            {checking ? 'Do we understand why? · fist of five' : `Estimation · ${SCALE_LABELS[round.scale]}`}
          </h3>
          {canEdit && !round.revealed && <VoteCards key={round.scale} round={round} meId={me.id} />}
          <RoundResult round={round} state={state} />
          <WhyAgain doc={doc} round={round} />
          {isOwner && <OwnerRoundControls key={String(round.revealed)} round={round} />}
          {!checking && <ReferencePoints exclude={storyId} />}
          {!checking && (
            <Calibration
              values={SCALES[round.scale]}
              exclude={storyId}
              refresh={`${storyId}:${round.scale}`}
            />
          )}
        </>
      )}
      {!round && <PrevoteCards storyId={storyId} />}
      <RoundHistory doc={doc} storyId={storyId} />
    </section>
  );
});
