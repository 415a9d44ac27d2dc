'use client';

import { useState } from 'react';
import { nanoid } from 'nanoid';
import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useDefinition } from '@/lib/board/hooks';
import {
  AUTO_RULES,
  MANUAL_LABEL_MAX,
  RULES_MAX,
  SUGGESTED_DEFINITION,
  ruleLabel,
  type AutoRuleType,
  type ReadinessRule,
} from '@/lib/board/readiness';
import { setDefinition } from '@/lib/board/readiness-ops';
import { useBoard } from '@/components/board/board-context';
import { measuring, useBacklogSensors } from '@/components/backlog/dnd-setup';
import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { DefinitionRow } from './definition-row';

const NEW_RULE: Record<AutoRuleType, ReadinessRule> = {
  why: { id: 'why', kind: 'auto' },
  persona: { id: 'persona', kind: 'auto' },
  criteria: { id: 'criteria', kind: 'auto', min: 1 },
  questions: { id: 'questions', kind: 'auto' },
  risks: { id: 'risks', kind: 'auto' },
  estimate: { id: 'estimate', kind: 'auto' },
  understanding: { id: 'understanding', kind: 'auto', threshold: 4 },
};

/**
 * The board's definition of ready. The owner picks, orders (drag, or the move buttons), configures
 * and removes rules and adds checklist items; everyone else reads it. Every change is saved at once.
 */
export function DefinitionPanel({ onClose }: { onClose: () => void }) {
  const { doc, isOwner, origin } = useBoard();
  const def = useDefinition(doc);
  const sensors = useBacklogSensors();
  const [item, setItem] = useState('');
  const rules = def.rules;
  const save = (next: readonly ReadinessRule[]) => setDefinition(doc, { rules: next }, origin);
  const unused = AUTO_RULES.filter((id) => !rules.some((r) => r.id === id));
  const full = rules.length >= RULES_MAX;

  function dragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = rules.findIndex((r) => r.id === active.id);
    const to = rules.findIndex((r) => r.id === over.id);
    if (from >= 0 && to >= 0) save(arrayMove([...rules], from, to));
  }
  function addItem() {
    const label = item.trim().slice(0, MANUAL_LABEL_MAX);
    if (!label || full) return;
    save([...rules, { id: `m-${nanoid(10)}`, kind: 'manual', label }]);
    setItem('');
  }

  return (
    <Panel
      titleId="definition-title"
      title="Definition of ready"
      description={
        isOwner
          ? 'What a story needs before the session, in the order you check it. Cards show how many rules each story meets.'
          : 'What a story needs before the session (the owner sets it).'
      }
      onClose={onClose}
      closeLabel="Close definition of ready"
      size="md"
      className="flex flex-col gap-4"
      id="definition-panel"
      testId="definition-panel"
    >
      {rules.length === 0 && (
        <p className="text-sm text-muted">No rules yet{isOwner ? '' : ': every story counts as ready'}.</p>
      )}
      {isOwner ? (
        <DndContext
          sensors={sensors}
          measuring={measuring}
          collisionDetection={closestCenter}
          onDragEnd={dragEnd}
          accessibility={{
            announcements: {
              onDragStart: ({ active }) => `Picked up rule ${label(String(active.id))}.`,
              onDragOver: ({ over }) => (over ? `Over rule ${label(String(over.id))}.` : 'Not over a rule.'),
              onDragEnd: ({ active }) => `Dropped rule ${label(String(active.id))}.`,
              onDragCancel: () => 'Moving the rule was cancelled.',
            },
          }}
        >
          <SortableContext items={rules.map((r) => r.id)} strategy={verticalListSortingStrategy}>
            <ol aria-label="Rules" className="flex flex-col gap-1.5">
              {rules.map((r, i) => (
                <DefinitionRow
                  key={r.id}
                  rule={r}
                  index={i}
                  count={rules.length}
                  onChange={(next) => save(rules.map((x) => (x.id === r.id ? next : x)))}
                  onMove={(to) => save(arrayMove([...rules], i, to))}
                  onRemove={() => save(rules.filter((x) => x.id !== r.id))}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      ) : (
        <ol aria-label="Rules" className="list-decimal pl-5 text-sm leading-7">
          {rules.map((r) => (
            <li key={r.id}>
              {ruleLabel(r)}
              {r.kind === 'manual' && <span className="text-muted"> (ticked by hand)</span>}
            </li>
          ))}
        </ol>
      )}
      {isOwner && (
        <div className="flex flex-col gap-3 border-t border-subtle pt-3">
          {rules.length === 0 && (
            <Button
              size="sm"
              variant="primary"
              className="self-start"
              onClick={() => save(SUGGESTED_DEFINITION.rules)}
            >
              Start with the suggested rules
            </Button>
          )}
          {unused.length > 0 && !full && (
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor="add-rule" className="text-xs text-secondary">
                Add a rule
              </label>
              <select
                id="add-rule"
                value=""
                onChange={(e) => e.target.value && save([...rules, NEW_RULE[e.target.value as AutoRuleType]])}
                className="h-8 rounded-md border border-line-strong bg-surface px-2 text-xs"
              >
                <option value="">Choose…</option>
                {unused.map((id) => (
                  <option key={id} value={id}>
                    {ruleLabel(NEW_RULE[id])}
                  </option>
                ))}
              </select>
            </div>
          )}
          <form
            className="flex flex-wrap items-center gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              addItem();
            }}
          >
            <label htmlFor="add-item" className="text-xs text-secondary">
              Checklist item
            </label>
            <input
              id="add-item"
              value={item}
              maxLength={MANUAL_LABEL_MAX}
              onChange={(e) => setItem(e.target.value)}
              placeholder="e.g. Designs attached"
              className="h-8 min-w-40 flex-1 rounded-md border border-line-strong bg-surface px-2 text-sm"
            />
            <Button size="sm" type="submit" disabled={!item.trim() || full}>
              Add item
            </Button>
          </form>
        </div>
      )}
    </Panel>
  );

  function label(id: string): string {
    const r = rules.find((x) => x.id === id);
    return r ? `“${ruleLabel(r)}”` : '';
  }
}
