import type { MetricView, PersonaView, StoryView } from '@/lib/board/types';
import { DIRECTION_ARROW } from './use-values';

const chip = 'inline-flex max-w-48 items-center gap-1 truncate rounded-md px-1.5 py-0.5';

/** Persona, metric, stream and value/effort on a backlog card; unset ones are simply not shown. */
export function StoryValueChips({
  story,
  persona,
  metric,
  showStream = true,
}: {
  story: StoryView;
  persona: PersonaView | undefined;
  metric: MetricView | undefined;
  showStream?: boolean;
}) {
  return (
    <>
      {persona && (
        <span
          data-testid="card-persona"
          title={persona.description || persona.name}
          className={`${chip} bg-sky-50 text-sky-800 dark:bg-sky-950/60 dark:text-sky-300`}
        >
          <span className="sr-only">Persona: </span>
          {persona.name}
        </span>
      )}
      {metric && (
        <span
          data-testid="card-metric"
          title={`Metric: ${metric.name}`}
          className={`${chip} bg-amber-50 text-amber-800 dark:bg-amber-950/60 dark:text-amber-300`}
        >
          <span className="sr-only">Metric: </span>
          <span aria-hidden="true">{DIRECTION_ARROW[metric.direction]}</span>
          {metric.name}
        </span>
      )}
      {showStream && story.stream && (
        <span data-testid="card-stream" className={`${chip} bg-subtle text-body`}>
          <span className="sr-only">Value stream: </span>
          {story.stream}
        </span>
      )}
      {(story.value !== null || story.effort !== null) && (
        <span data-testid="card-score" className="font-mono" title="Value / effort (1–10)">
          <span aria-hidden="true">
            V{story.value ?? '–'} · E{story.effort ?? '–'}
          </span>
          <span className="sr-only">
            Value {story.value ?? 'unset'}, effort {story.effort ?? 'unset'}
          </span>
        </span>
      )}
    </>
  );
}
