'use client';

import { useState } from 'react';
import {
  BoardOpError,
  setStoryMetric,
  setStoryPersona,
  setStoryScore,
  setStoryStream,
} from '@/lib/board/ops';
import type { StoryView } from '@/lib/board/types';
import { formatScore, scoredOf } from '@/lib/board/wsjf';
import { useBoard } from '@/components/board/board-context';
import { LabeledSelect } from './labeled-select';
import { metricLabel, useBoardValues } from './use-values';
import { ScoreSelect } from './score-select';

/**
 * The story panel's "Value" section: who it is for, which number it moves, its value stream,
 * and value/effort (1–10) for the suggested order. Viewers see the same controls, disabled.
 */
export function StoryValues({ story }: { story: StoryView }) {
  const { doc, canEdit, origin } = useBoard();
  const { personas, metrics, streams, personaById, metricById } = useBoardValues(doc);
  const [error, setError] = useState<string | null>(null);
  const persona = story.personaId ? personaById.get(story.personaId) : undefined;
  const metric = story.metricId ? metricById.get(story.metricId) : undefined;
  const scored = scoredOf(story);

  function run(edit: () => void) {
    try {
      edit();
      setError(null);
    } catch (e) {
      // Someone archived or removed the choice a moment ago: say so rather than fail silently.
      setError(e instanceof BoardOpError ? e.message : 'That change could not be made');
    }
  }

  return (
    <section aria-labelledby="value-title" className="flex flex-col gap-3" data-testid="story-values">
      <div className="flex items-baseline justify-between gap-3">
        <h3 id="value-title" className="text-sm font-semibold">
          Value
        </h3>
        <p className="text-xs text-muted" data-testid="wsjf-score">
          {scored ? `Value ÷ effort = ${formatScore(scored.score)}` : 'Score value and effort to rank it'}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <LabeledSelect
          label="Persona"
          disabled={!canEdit}
          value={persona?.id ?? ''}
          onChange={(e) => run(() => setStoryPersona(doc, story.id, e.target.value || null, origin))}
        >
          <option value="">No persona</option>
          {personas
            .filter((p) => !p.archived || p.id === persona?.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.archived ? `${p.name} (archived)` : p.name}
              </option>
            ))}
        </LabeledSelect>
        <LabeledSelect
          label="Metric"
          disabled={!canEdit}
          value={metric?.id ?? ''}
          onChange={(e) => run(() => setStoryMetric(doc, story.id, e.target.value || null, origin))}
        >
          <option value="">No metric</option>
          {metrics
            .filter((m) => !m.archived || m.id === metric?.id)
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.archived ? `${metricLabel(m)} (archived)` : metricLabel(m)}
              </option>
            ))}
        </LabeledSelect>
        <LabeledSelect
          label="Value stream"
          disabled={!canEdit}
          value={story.stream ?? ''}
          onChange={(e) => run(() => setStoryStream(doc, story.id, e.target.value || null, [], origin))}
        >
          <option value="">No stream</option>
          {streams.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          {story.stream !== null && !streams.includes(story.stream) && (
            <option value={story.stream} disabled>
              {story.stream} (removed)
            </option>
          )}
        </LabeledSelect>
        <ScoreSelect
          label="Value"
          hint="1 = little, 10 = a lot"
          value={story.value}
          disabled={!canEdit}
          onChange={(v) => run(() => setStoryScore(doc, story.id, 'value', v, origin))}
        />
        <ScoreSelect
          label="Effort"
          hint="1 = tiny, 10 = huge"
          value={story.effort}
          disabled={!canEdit}
          onChange={(v) => run(() => setStoryScore(doc, story.id, 'effort', v, origin))}
        />
      </div>
      {persona?.description && (
        <p className="text-xs text-muted">
          <span className="font-medium">{persona.name}:</span> {persona.description}
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </section>
  );
}
