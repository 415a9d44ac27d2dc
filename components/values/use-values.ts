'use client';

import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useMetrics, usePersonas, useValueStreams } from '@/lib/board/hooks';
import type { MetricView, PersonaView } from '@/lib/board/types';

export interface BoardValues {
  personas: readonly PersonaView[];
  metrics: readonly MetricView[];
  streams: readonly string[];
  personaById: Map<string, PersonaView>;
  metricById: Map<string, MetricView>;
}

/** Personas, metrics and value streams with id lookups; an id not found here is shown as unset. */
export function useBoardValues(doc: Y.Doc): BoardValues {
  const personas = usePersonas(doc);
  const metrics = useMetrics(doc);
  const streams = useValueStreams(doc);
  return useMemo(
    () => ({
      personas,
      metrics,
      streams,
      personaById: new Map(personas.map((p) => [p.id, p])),
      metricById: new Map(metrics.map((m) => [m.id, m])),
    }),
    [personas, metrics, streams],
  );
}

export const DIRECTION_ARROW = { up: '↑', down: '↓' } as const;
export const DIRECTION_LABEL = { up: 'higher is better', down: 'lower is better' } as const;

export function metricLabel(m: MetricView): string {
  return `${DIRECTION_ARROW[m.direction]} ${m.name}`;
}
