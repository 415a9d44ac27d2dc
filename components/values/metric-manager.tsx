'use client';

import { useState } from 'react';
import { createMetric, setMetricArchived, updateMetric } from '@/lib/board/personas';
import { NAME_MAX, type MetricDirection, type MetricView } from '@/lib/board/types';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { inputClass, labelClass } from './field-classes';
import { LabeledSelect } from './labeled-select';
import { ArchivedBadge, EntryForm, SectionTitle, attempt } from './manager-parts';
import { DIRECTION_ARROW, DIRECTION_LABEL } from './use-values';

const fmt = (n: number | null) => (n === null ? '—' : n.toLocaleString());

/** Metrics: a name, which way is better, where it is now and where we want it. */
export function MetricManager({ metrics }: { metrics: readonly MetricView[] }) {
  const { canEdit } = useBoard();
  const [editing, setEditing] = useState<string | null>(null);
  const ordered = [...metrics.filter((m) => !m.archived), ...metrics.filter((m) => m.archived)];
  return (
    <section aria-labelledby="metrics-title" className="flex flex-col gap-3">
      <SectionTitle id="metrics-title" count={metrics.filter((m) => !m.archived).length}>
        Metrics
      </SectionTitle>
      {ordered.length === 0 && (
        <p className="text-sm text-muted">No metrics yet. Which numbers should move?</p>
      )}
      <ul className="flex flex-col divide-y divide-subtle" aria-label="Metrics">
        {ordered.map((m) =>
          editing === m.id ? (
            <li key={m.id} className="py-2">
              <MetricForm metric={m} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={m.id} data-testid="metric" className="flex items-start justify-between gap-3 py-2">
              <div className="min-w-0">
                <p className="flex items-center gap-2 text-sm font-medium break-words">
                  <span aria-label={DIRECTION_LABEL[m.direction]} title={DIRECTION_LABEL[m.direction]}>
                    {DIRECTION_ARROW[m.direction]}
                  </span>
                  {m.name} {m.archived && <ArchivedBadge />}
                </p>
                <p className="text-xs text-muted">
                  Now {fmt(m.current)} · target {fmt(m.target)}
                </p>
              </div>
              {canEdit && (
                <div className="flex shrink-0 gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setEditing(m.id)}
                    aria-label={`Edit metric ${m.name}`}
                  >
                    Edit
                  </Button>
                  <ArchiveMetric metric={m} />
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      {canEdit && <MetricForm metric={null} onDone={() => undefined} />}
    </section>
  );
}

function ArchiveMetric({ metric }: { metric: MetricView }) {
  const { doc, origin } = useBoard();
  return (
    <Button
      size="sm"
      variant="ghost"
      onClick={() => setMetricArchived(doc, metric.id, !metric.archived, origin)}
      aria-label={`${metric.archived ? 'Restore' : 'Archive'} metric ${metric.name}`}
    >
      {metric.archived ? 'Restore' : 'Archive'}
    </Button>
  );
}

/** Empty text = no value; anything else must be a finite number. */
function parseNumber(text: string): number | null | 'bad' {
  const t = text.trim().replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'bad';
}

function MetricForm({ metric, onDone }: { metric: MetricView | null; onDone: () => void }) {
  const { doc, origin } = useBoard();
  const [name, setName] = useState(metric?.name ?? '');
  const [direction, setDirection] = useState<MetricDirection>(metric?.direction ?? 'up');
  const [current, setCurrent] = useState(metric?.current?.toString() ?? '');
  const [target, setTarget] = useState(metric?.target?.toString() ?? '');
  const [error, setError] = useState<string | null>(null);
  function save() {
    const cur = parseNumber(current);
    const tgt = parseNumber(target);
    if (cur === 'bad' || tgt === 'bad') {
      setError('Current and target are numbers (or empty)');
      return;
    }
    const input = { name, direction, current: cur, target: tgt };
    const err = attempt(() =>
      metric ? updateMetric(doc, metric.id, input, origin) : createMetric(doc, input, origin),
    );
    setError(err);
    if (err) return;
    if (!metric) {
      setName('');
      setCurrent('');
      setTarget('');
    }
    onDone();
  }
  return (
    <EntryForm
      label={metric ? `Edit metric ${metric.name}` : 'New metric'}
      submitLabel={metric ? 'Save' : 'Add metric'}
      onSubmit={save}
      onCancel={metric ? onDone : undefined}
      error={error}
    >
      <label className={`${labelClass} min-w-40 flex-1`}>
        Metric name
        <input
          className={inputClass}
          value={name}
          maxLength={NAME_MAX}
          required
          placeholder="e.g. Weekly active teams"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <LabeledSelect
        label="Better when"
        className="w-36"
        value={direction}
        onChange={(e) => setDirection(e.target.value === 'down' ? 'down' : 'up')}
      >
        <option value="up">↑ it goes up</option>
        <option value="down">↓ it goes down</option>
      </LabeledSelect>
      <label className={`${labelClass} w-24`}>
        Current
        <input
          className={inputClass}
          inputMode="decimal"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      <label className={`${labelClass} w-24`}>
        Target
        <input
          className={inputClass}
          inputMode="decimal"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      </label>
    </EntryForm>
  );
}
