'use client';

import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useStory, useStoryNotes } from '@/lib/board/hooks';
import { KindBadge } from '@/components/notes/kind-badge';
import { cx } from '@/components/ui/cx';
import { usePersonaName } from './use-persona-name';

const SHOWN = 8;
const FRESH_MS = 6_000;

/** The focused story in large type, with its latest notes arriving live (the newest glows briefly). */
export function PresentStory({ doc, storyId }: { doc: Y.Doc; storyId: string | null }) {
  const story = useStory(doc, storyId);
  const all = useStoryNotes(doc, storyId ?? '');
  const persona = usePersonaName(doc, story?.personaId ?? null);
  const notes = useMemo(
    () =>
      // already oldest first
      all.filter((n) => !n.deletedAt).slice(-SHOWN),
    [all],
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(t);
  }, []);
  const newest = notes.at(-1);

  if (!story)
    return (
      <main className="flex items-center justify-center text-3xl text-muted">
        Waiting for the facilitator to focus a story…
      </main>
    );
  return (
    <main className="flex min-w-0 flex-col gap-6" data-testid="present-story">
      <h2
        className="text-5xl leading-tight font-semibold tracking-tight break-words"
        data-testid="present-title"
      >
        {story.title || 'Untitled story'}
      </h2>
      {story.why && (
        <p className="text-3xl leading-snug break-words whitespace-pre-line text-body">{story.why}</p>
      )}
      {(persona || story.value !== null || story.estimate || story.understanding) && (
        <p className="flex flex-wrap gap-6 text-2xl text-muted">
          {persona && <span>For {persona}</span>}
          {story.value !== null && <span>Value {story.value}/10</span>}
          {story.estimate && <span data-testid="present-estimate">Estimate {story.estimate}</span>}
          {story.understanding && (
            <span data-testid="present-understanding">
              Understanding {story.understanding.median}/5 (spread {story.understanding.spread})
            </span>
          )}
        </p>
      )}
      <ol className="flex flex-col gap-3" aria-label="Latest notes" aria-live="polite">
        {notes.map((n) => (
          <li
            key={n.id}
            className={cx(
              'flex items-start gap-3 rounded-xl px-4 py-3 text-2xl transition-colors duration-1000',
              n === newest && now - n.createdAt < FRESH_MS
                ? 'bg-indigo-50 ring-2 ring-indigo-300 dark:bg-indigo-950 dark:ring-indigo-700'
                : 'bg-zinc-50 dark:bg-zinc-900',
            )}
          >
            <KindBadge kind={n.kind} />
            <span className="min-w-0 flex-1 break-words whitespace-pre-line">{n.text}</span>
            <span className="shrink-0 text-lg text-muted">{n.authorName}</span>
          </li>
        ))}
      </ol>
    </main>
  );
}
