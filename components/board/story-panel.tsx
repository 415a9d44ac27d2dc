'use client';

import { memo } from 'react';
import { useStory } from '@/lib/board/hooks';
import { hasWhy } from '@/lib/board/summary';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { NoteComposer } from '@/components/notes/note-composer';
import { NoteList } from '@/components/notes/note-list';
import { StoryPeople } from '@/components/presence/story-people';
import { TypingLine } from '@/components/presence/typing-line';
import { useBoard } from './board-context';
import { StatusSelect } from './status-select';
import { StoryField } from './story-field';
import { WhyMissing } from './why-missing';
import { StorySession } from '@/components/session/story-session';
import { PromoteSection } from '@/components/promote/promote-section';
import { StoryValues } from '@/components/values/story-values';
import { StoryTracker } from '@/components/trackers/story-tracker';
import { ReadinessSection } from '@/components/readiness/readiness-section';

/** The open story: live title and why, status, who is here, and the discussion. */
// Memoised for the same reason as StoryList: save acks re-render the board view.
export const StoryPanel = memo(function StoryPanel({
  storyId,
  synced,
}: {
  storyId: string;
  synced: boolean;
}) {
  const { doc, canEdit, openStory } = useBoard();
  const story = useStory(doc, storyId);
  const close = () => openStory(null);

  return (
    <aside
      aria-label="Story details"
      data-testid="story-panel"
      className="fixed inset-0 z-30 flex flex-col overflow-y-auto bg-surface lg:sticky lg:top-0 lg:z-auto lg:h-dvh lg:border-l lg:border-line"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-3 border-b border-subtle bg-white px-6 py-3 dark:bg-zinc-900">
        {story ? <StatusSelect storyId={story.id} status={story.status} /> : <span />}
        <div className="flex items-center gap-3">
          <StoryPeople storyId={storyId} size="sm" />
          <Button
            variant="ghost"
            size="sm"
            onClick={close}
            aria-label="Close story"
            aria-keyshortcuts="Escape"
          >
            <Icon name="close" className="size-4" />
          </Button>
        </div>
      </div>

      {!story ? (
        <p className="px-6 py-10 text-sm text-muted">
          {synced ? 'This story is not on the board (it may have been deleted).' : 'Loading the story…'}
        </p>
      ) : (
        <div className="flex flex-col gap-6 px-6 py-5">
          <div>
            <StoryField
              storyId={story.id}
              field="title"
              label="Story title"
              fallback={story.title}
              className="text-xl leading-8 font-semibold tracking-tight"
              placeholder="Untitled story"
            />
            <div className="mt-4 flex items-center gap-2">
              <h3 className="text-xs font-medium tracking-wide text-muted uppercase">Why it matters</h3>
              {!hasWhy(story) && <WhyMissing />}
            </div>
            <StoryField
              storyId={story.id}
              field="why"
              label="Why it matters"
              fallback={story.why}
              className="mt-1 text-sm leading-6 text-body"
              placeholder="Who benefits, and which number moves?"
            />
            <TypingLine storyId={story.id} />
          </div>

          <StoryValues story={story} />
          <ReadinessSection storyId={story.id} />
          <StorySession storyId={story.id} />
          <PromoteSection key={story.id} storyId={story.id} />
          <StoryTracker key={`tracker-${story.id}`} storyId={story.id} />

          <section aria-labelledby="discussion-title" className="flex flex-col gap-3">
            <h3 id="discussion-title" className="text-sm font-semibold">
              Discussion
            </h3>
            {canEdit && <NoteComposer key={story.id} storyId={story.id} />}
            <NoteList storyId={story.id} />
          </section>
        </div>
      )}
    </aside>
  );
});
