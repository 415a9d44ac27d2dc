'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  CRITERIA_MAX,
  CRITERIA_MIN,
  UNDERSTANDING_MAX,
  UNDERSTANDING_MIN,
  ruleLabel,
  type ReadinessRule,
} from '@/lib/board/readiness';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { cx } from '@/components/ui/cx';

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** One rule in the owner's editor: drag handle, its setting (N, threshold), move and remove. */
export function DefinitionRow({
  rule,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  rule: ReadinessRule;
  index: number;
  count: number;
  onChange: (next: ReadinessRule) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: rule.id });
  const name = ruleLabel(rule);
  return (
    <li
      ref={setNodeRef}
      data-testid="definition-rule"
      data-rule={rule.id}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cx(
        'flex items-center gap-2 rounded-lg border border-line bg-surface px-2 py-1.5 text-sm',
        isDragging && 'z-10 shadow-lg',
      )}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        aria-label={`Drag “${name}”`}
        className="flex w-5 shrink-0 cursor-grab touch-none items-center justify-center rounded text-zinc-400 hover:bg-subtle focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500"
        {...attributes}
        {...listeners}
      >
        <span aria-hidden="true">⋮⋮</span>
      </button>
      <span className="min-w-0 flex-1 break-words">
        {name}
        {rule.kind === 'manual' && <span className="text-xs text-muted"> · ticked by hand</span>}
      </span>
      {rule.id === 'criteria' && rule.kind === 'auto' && 'min' in rule && (
        <select
          aria-label="Minimum number of acceptance criteria"
          value={rule.min}
          onChange={(e) => onChange({ ...rule, min: Number(e.target.value) })}
          className="h-7 rounded-md border border-line-strong bg-surface px-1 text-xs"
        >
          {range(CRITERIA_MIN, CRITERIA_MAX).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      )}
      {rule.id === 'understanding' && 'threshold' in rule && (
        <select
          aria-label="Lowest understanding (median of 1–5)"
          value={rule.threshold}
          onChange={(e) => onChange({ ...rule, threshold: Number(e.target.value) })}
          className="h-7 rounded-md border border-line-strong bg-surface px-1 text-xs"
        >
          {range(UNDERSTANDING_MIN, UNDERSTANDING_MAX).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      )}
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Move “${name}” up`}
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
      >
        ↑
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Move “${name}” down`}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </Button>
      <Button size="sm" variant="ghost-danger" aria-label={`Remove “${name}”`} onClick={onRemove}>
        <Icon name="close" className="size-3.5" />
      </Button>
    </li>
  );
}
