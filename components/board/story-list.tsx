'use client';

import { useMemo } from 'react';
import { useNoteCounts, useStories } from '@/lib/board/hooks';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { peopleOnStory, type Peer } from '@/components/presence/use-peers';
import { useBoard } from './board-context';
import { NewStoryForm } from './new-story-form';
import { StoryCard } from './story-card';

interface Props {
  peers: Peer[];
  composing: boolean;
  setComposing: (open: boolean) => void;
  synced: boolean;
}

/** The backlog, in rank order, with the new-story form on top for people who may edit. */
export function StoryList({ peers, composing, setComposing, synced }: Props) {
  const { doc, canEdit, openStoryId, openStory } = useBoard();
  const stories = useStories(doc);
  const counts = useNoteCounts(doc);
  const peopleBy = useMemo(() => {
    const m = new Map<string, Peer[]>();
    for (const s of stories) m.set(s.id, peopleOnStory(peers, s.id));
    return m;
  }, [stories, peers]);

  return (
    <section aria-labelledby="backlog-title" className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-3">
        <h2 id="backlog-title" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
          Backlog <span className="font-normal text-zinc-500 dark:text-zinc-400">· {stories.length}</span>
        </h2>
        {canEdit && !composing && (
          <Button size="sm" variant="primary" onClick={() => setComposing(true)} aria-keyshortcuts="n">
            <Icon name="plus" className="size-3.5" /> New story
            <kbd className="ml-1 rounded bg-white/20 px-1 font-sans text-[10px]">N</kbd>
          </Button>
        )}
      </div>
      {composing && (
        <NewStoryForm
          onDone={() => {
            setComposing(false);
          }}
        />
      )}
      {stories.length === 0 && !composing && (
        <div className="rounded-xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
          <p className="text-sm font-medium">{synced ? 'No stories yet' : 'Loading the board…'}</p>
          {synced && (
            <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
              {canEdit
                ? 'Post a shell story: a title and why it matters. The team fills in the rest.'
                : 'Stories will appear here as the team posts them.'}
            </p>
          )}
        </div>
      )}
      <ol className="flex flex-col gap-2.5" aria-label="Stories">
        {stories.map((s) => (
          <StoryCard
            key={s.id}
            story={s}
            counts={counts.get(s.id)}
            people={peopleBy.get(s.id) ?? []}
            active={s.id === openStoryId}
            onOpen={openStory}
          />
        ))}
      </ol>
    </section>
  );
}
