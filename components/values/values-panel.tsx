'use client';

import { useBoard } from '@/components/board/board-context';
import { Panel } from '@/components/ui/panel';
import { MetricManager } from './metric-manager';
import { PersonaManager } from './persona-manager';
import { StreamManager } from './stream-manager';
import { useBoardValues } from './use-values';

/** "Personas & metrics": everything stories pick from, managed on the board by the team. */
export function ValuesPanel({ onClose }: { onClose: () => void }) {
  const { doc, canEdit } = useBoard();
  const { personas, metrics, streams } = useBoardValues(doc);
  return (
    <Panel
      titleId="values-title"
      title="Personas & metrics"
      description={
        canEdit
          ? 'Who stories are for, which numbers they move, and the value streams they belong to.'
          : 'Who stories are for, which numbers they move, and the value streams they belong to (view only).'
      }
      onClose={onClose}
      closeLabel="Close personas and metrics"
      size="md"
      className="flex flex-col gap-6"
      id="values-panel"
      testId="values-panel"
    >
      <PersonaManager personas={personas} />
      <MetricManager metrics={metrics} />
      <StreamManager streams={streams} />
    </Panel>
  );
}
