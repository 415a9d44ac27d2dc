'use client';

import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { MetricManager } from './metric-manager';
import { PersonaManager } from './persona-manager';
import { StreamManager } from './stream-manager';
import { useBoardValues } from './use-values';

/** "Personas & metrics": everything stories pick from, managed on the board by the team. */
export function ValuesPanel({ onClose }: { onClose: () => void }) {
  const { doc, canEdit } = useBoard();
  const { personas, metrics, streams } = useBoardValues(doc);
  return (
    <section
      aria-labelledby="values-title"
      id="values-panel"
      data-testid="values-panel"
      className="flex flex-col gap-6 rounded-xl border border-zinc-200 bg-white px-5 py-4 shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id="values-title" className="text-base font-semibold">
            Personas &amp; metrics
          </h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            {canEdit
              ? 'Who stories are for, which numbers they move, and the value streams they belong to.'
              : 'Who stories are for, which numbers they move, and the value streams they belong to (view only).'}
          </p>
        </div>
        <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close personas and metrics">
          <Icon name="close" className="size-4" />
        </Button>
      </div>
      <PersonaManager personas={personas} />
      <MetricManager metrics={metrics} />
      <StreamManager streams={streams} />
    </section>
  );
}
