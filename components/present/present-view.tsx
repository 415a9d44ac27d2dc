'use client';

import { useEffect } from 'react';
import dynamic from 'next/dynamic';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardInfoResponse } from '@/lib/validation/api';
import type { SessionClient, SessionSnapshot } from '@/lib/realtime/session-client';
import { SCALE_LABELS } from '@/lib/session/scales';
import { useMeta } from '@/lib/board/hooks';
import { FloatingReactions } from '@/components/session/floating-reactions';
import { RoundResult } from '@/components/session/round-result';
import { TimerDisplay } from '@/components/session/timer-display';
import { WhyAgain } from '@/components/session/why-again';
import { PresentPeople } from './present-people';
import { PresentStory } from './present-story';

// The QR encoder is loaded after the screen is up; the code appears a moment later.
const JoinQr = dynamic(() => import('./join-qr').then((m) => m.JoinQr));

interface Props {
  doc: Y.Doc;
  awareness: Awareness;
  info: BoardInfoResponse;
  client: SessionClient | null;
  snap: SessionSnapshot;
  live: boolean;
}

/** The TV layout: the focused story and its notes; beside it the timer, people, round and QR. */
export function PresentView({ doc, awareness, info, client, snap, live }: Props) {
  const meta = useMeta(doc);
  const title = meta.title || info.title;
  const state = snap.state;
  // The screen always follows the facilitator; say so again after every reconnect.
  useEffect(() => {
    if (snap.connected) void client?.call('follow:set', { on: true });
  }, [snap.connected, client]);
  const round = state?.round ?? null;
  return (
    <div className="flex min-h-dvh flex-col gap-8 bg-field p-10 text-zinc-900 dark:text-zinc-50">
      <title>{`${title} · Shared screen`}</title>
      <header className="flex items-center gap-6">
        <h1 className="min-w-0 flex-1 truncate text-3xl font-semibold tracking-tight">{title}</h1>
        {(!live || !snap.connected) && (
          <span role="status" className="text-xl text-amber-600 dark:text-amber-400">
            Reconnecting…
          </span>
        )}
        {state && <TimerDisplay timer={state.timer} offset={snap.offset} className="text-7xl" hideIdle />}
      </header>
      <div className="grid flex-1 gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(18rem,1fr)]">
        <PresentStory doc={doc} storyId={state?.focus?.storyId ?? null} />
        <aside className="flex flex-col gap-8" aria-label="Session">
          {round && state && (
            <section aria-label="Estimation" data-testid="present-round" className="flex flex-col gap-3">
              <h2 className="text-xl font-medium text-muted">
                {round.scale === 'understanding'
                  ? 'Do we understand why? · fist of five'
                  : `Estimation · ${SCALE_LABELS[round.scale]}`}
                {round.revealed ? ' · revealed' : ''}
              </h2>
              <RoundResult round={round} state={state} large />
              <WhyAgain doc={doc} round={round} large />
            </section>
          )}
          <PresentPeople awareness={awareness} state={state} />
          {info.links?.team && <JoinQr link={info.links.team} />}
        </aside>
      </div>
      <FloatingReactions client={client} large />
    </div>
  );
}
