'use client';

import type * as Y from 'yjs';
import type { RoundState } from '@/lib/realtime/events';
import { useDefinition, useStory } from '@/lib/board/hooks';
import { cx } from '@/components/ui/cx';

/** Below this median the team is told to hear the why again, unless the definition of ready says otherwise. */
const DEFAULT_UNDERSTANDING_THRESHOLD = 4;

/**
 * After an understanding check is revealed with a low median: "explain the why again", with the
 * story's why in large type so the Product Owner can talk to it (the shared screen shows it too).
 */
export function WhyAgain({ doc, round, large = false }: { doc: Y.Doc; round: RoundState; large?: boolean }) {
  const story = useStory(doc, round.storyId);
  const def = useDefinition(doc);
  const rule = def.rules.find((r) => r.id === 'understanding');
  const threshold = rule && 'threshold' in rule ? rule.threshold : DEFAULT_UNDERSTANDING_THRESHOLD;
  const median = round.stats?.median ? Number(round.stats.median) : null;
  if (round.scale !== 'understanding' || !round.revealed || median === null || median >= threshold)
    return null;
  return (
    <div
      role="status"
      data-testid="why-again"
      className={cx(
        'flex flex-col gap-2 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950/40',
        large && 'p-6',
      )}
    >
      <p className={cx('font-semibold text-amber-800 dark:text-amber-300', large ? 'text-2xl' : 'text-sm')}>
        Understanding {median} of 5 (below {threshold}): explain the why again
      </p>
      <p
        className={cx('leading-snug font-medium', large ? 'text-4xl' : 'text-2xl')}
        data-testid="why-again-text"
      >
        {story?.why.trim()
          ? story.why
          : 'This story has no why yet — write down who benefits and which metric moves.'}
      </p>
    </div>
  );
}
