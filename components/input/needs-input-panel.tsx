'use client';

import { useState } from 'react';
import type { InputNeed } from '@/lib/board/needs-input';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { useNeedsInput } from './use-needs-input';

const FIRST = 30;
const EXCERPT = 120;

/**
 * What the reader still owes before the next session, most valuable first: replies to open
 * questions that address them, and pre-votes (team link). Opening a row opens the story.
 */
export function NeedsInputPanel({ onClose }: { onClose: () => void }) {
  const { role } = useBoard();
  const needs = useNeedsInput(true) ?? [];
  const [all, setAll] = useState(false);
  const shown = all ? needs : needs.slice(0, FIRST);
  return (
    <Panel
      titleId="needs-input-title"
      title="Needs your input"
      description={
        role === 'team'
          ? 'Questions addressed to you with @name, and stories waiting for your pre-vote — most valuable first.'
          : 'Questions addressed to you with @name — most valuable first.'
      }
      onClose={onClose}
      closeLabel="Close needs your input"
      size="md"
      className="flex flex-col gap-3"
      id="needs-input-panel"
      testId="needs-input-panel"
    >
      {needs.length === 0 ? (
        <p className="text-sm text-muted">Nothing waits for you. You are all caught up.</p>
      ) : (
        <ol aria-label="Stories that need your input" className="flex flex-col divide-y divide-line">
          {shown.map((n) => (
            <NeedRow key={n.story.id} need={n} />
          ))}
        </ol>
      )}
      {needs.length > shown.length && (
        <Button size="sm" variant="ghost" className="self-start" onClick={() => setAll(true)}>
          Show all {needs.length}
        </Button>
      )}
    </Panel>
  );
}

function NeedRow({ need }: { need: InputNeed }) {
  const { openStory } = useBoard();
  const { story, prevote, questions } = need;
  return (
    <li data-testid="needs-input-item" data-story-id={story.id} className="flex flex-col gap-1 py-2.5">
      <div className="flex items-baseline justify-between gap-3">
        <button
          type="button"
          onClick={() => openStory(story.id)}
          className="min-w-0 truncate text-left text-sm font-medium text-zinc-900 hover:underline dark:text-zinc-50"
        >
          {story.title || 'Untitled story'}
        </button>
        {story.value !== null && (
          <span className="shrink-0 text-xs text-muted">
            Value <span className="font-semibold text-body">{story.value}</span>
          </span>
        )}
      </div>
      <ul className="flex flex-col gap-1 text-xs text-secondary">
        {questions.map((q) => (
          <li key={q.question.id} data-testid="needs-input-question">
            <span className="font-medium text-indigo-700 dark:text-indigo-300">
              {q.asking.authorName} asks you
            </span>{' '}
            <RelativeTime at={q.asking.createdAt} className="text-muted" />:{' '}
            <span className="break-words">{excerpt(q.question.text)}</span>
          </li>
        ))}
        {prevote && <li data-testid="needs-input-prevote">Your pre-vote (estimate before the session)</li>}
      </ul>
    </li>
  );
}

function excerpt(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > EXCERPT ? `${one.slice(0, EXCERPT - 1)}…` : one;
}
