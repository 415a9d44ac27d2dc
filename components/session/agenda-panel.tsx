'use client';

import { useDefinition } from '@/lib/board/hooks';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { cx } from '@/components/ui/cx';
import { useSessionContext } from './session-context';
import { useAgenda, useAgendaFocus } from './use-agenda';

/**
 * The facilitator's suggested session agenda: the stories that are not ready, most valuable first
 * and, at equal value, the closest to ready first, each with what it misses. "Start" (or `a`)
 * focuses the first for everyone; pressing `a` again walks on down the agenda.
 */
export function AgendaPanel({ onClose }: { onClose: () => void }) {
  const { doc } = useBoard();
  const def = useDefinition(doc);
  const agenda = useAgenda();
  const focus = useAgendaFocus();
  const session = useSessionContext();
  const focused = session?.state?.focus?.storyId ?? null;
  const onAgenda = agenda.some((i) => i.story.id === focused);
  return (
    <Panel
      titleId="agenda-title"
      title="Suggested agenda"
      description="Stories not ready yet, by value and by what they still miss."
      onClose={onClose}
      closeLabel="Close agenda"
      size="md"
      className="flex flex-col gap-3"
      id="agenda-panel"
      testId="agenda-panel"
    >
      {def.rules.length === 0 ? (
        <p className="text-sm text-muted">
          The board has no definition of ready yet, so every story counts as ready. Pick rules in{' '}
          <span className="font-medium">Definition of ready</span> to get an agenda.
        </p>
      ) : agenda.length === 0 ? (
        <p className="text-sm text-muted">Every story meets the definition of ready.</p>
      ) : (
        <>
          <Button
            size="sm"
            variant="primary"
            className="self-start"
            onClick={() => focus()}
            aria-keyshortcuts="a"
            disabled={!session?.connected}
          >
            {onAgenda ? 'Focus the next story' : 'Start with the first story'}{' '}
            <kbd className="ml-1 rounded border border-white/40 px-1 font-mono text-[11px]">a</kbd>
          </Button>
          <ol aria-label="Agenda" className="flex flex-col gap-1.5">
            {agenda.map(({ story, missing }, i) => (
              <li
                key={story.id}
                data-testid="agenda-item"
                data-story-id={story.id}
                aria-current={story.id === focused ? 'true' : undefined}
                className={cx(
                  'flex items-start gap-3 rounded-lg border px-3 py-2',
                  story.id === focused
                    ? 'border-indigo-300 bg-indigo-50/60 dark:border-indigo-800 dark:bg-indigo-950/30'
                    : 'border-line',
                )}
              >
                <span className="w-5 shrink-0 pt-0.5 text-right font-mono text-xs text-muted">{i + 1}</span>
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{story.title || 'Untitled story'}</p>
                  <p className="text-xs text-secondary">
                    {story.value !== null ? `Value ${story.value} · ` : 'No value · '}
                    Missing: {missing.map((m) => `${m.label} (${m.reason})`).join(', ')}
                  </p>
                </div>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => focus(story.id)}
                  disabled={!session?.connected}
                  aria-label={`Focus ${story.title || 'untitled story'}`}
                >
                  Focus
                </Button>
              </li>
            ))}
          </ol>
        </>
      )}
    </Panel>
  );
}
