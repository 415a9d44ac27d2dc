'use client';

import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { addCriterion, moveCriterion, removeCriterion } from '@/lib/promote/draft-doc';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { CollabText } from '@/components/ui/collab-text';
import { Icon } from '@/components/ui/icon';
import { criterionKey } from './use-draft';

type Focus = { index: number; target: 'up' | 'down' | 'field' } | { index: -1; target: 'add' };

const MAX = 1000;

/**
 * The draft's acceptance criteria, each a live co-edited text with move up / move down / remove.
 * After a move the focus follows the criterion (a move re-creates it), so a keyboard user can press
 * "Move up" repeatedly.
 */
export function CriterionList({
  storyId,
  criteria,
}: {
  storyId: string;
  criteria: { text: Y.Text; index: number }[];
}) {
  const { doc, canEdit, signalTyping, origin } = useBoard();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const pending = useRef<Focus | null>(null);

  useEffect(() => {
    const want = pending.current;
    if (!want) return;
    pending.current = null;
    if (want.target === 'add') return addRef.current?.focus();
    const row = listRef.current?.querySelector<HTMLElement>(`[data-criterion-index="${want.index}"]`);
    const button = row?.querySelector<HTMLButtonElement>(`[data-action="${want.target}"]`);
    const target = button && !button.disabled ? button : row?.querySelector<HTMLElement>('input, textarea');
    target?.focus();
  });

  const move = (pos: number, dir: 'up' | 'down') => {
    const from = criteria[pos]!.index;
    const to = criteria[dir === 'up' ? pos - 1 : pos + 1]!.index;
    moveCriterion(doc, storyId, from, to, origin);
    pending.current = { index: to, target: dir };
  };
  const remove = (pos: number) => {
    removeCriterion(doc, storyId, criteria[pos]!.index, origin);
    const after = criteria[pos + 1] ?? criteria[pos - 1];
    // indexes after the removed one shift down by one
    pending.current = after
      ? { index: after.index > criteria[pos]!.index ? after.index - 1 : after.index, target: 'field' }
      : { index: -1, target: 'add' };
  };
  const add = () => {
    const last = criteria[criteria.length - 1];
    addCriterion(doc, storyId, '', undefined, origin);
    pending.current = { index: last ? last.index + 1 : 0, target: 'field' };
  };

  return (
    <div className="flex flex-col gap-2">
      {criteria.length === 0 && (
        <p className="text-sm text-muted">
          No acceptance criteria yet{canEdit ? ' — add one, or post criterion notes and rebuild.' : '.'}
        </p>
      )}
      <ol ref={listRef} className="flex flex-col gap-1" aria-label="Acceptance criteria">
        {criteria.map(({ text, index }, pos) => (
          <li
            key={criterionKey(text)}
            data-criterion-index={index}
            data-testid="draft-criterion"
            className="flex items-start gap-2"
          >
            <span aria-hidden="true" className="mt-1.5 w-5 shrink-0 text-right text-xs text-muted">
              {pos + 1}.
            </span>
            <div className="min-w-0 flex-1 text-sm">
              <CollabText
                text={text}
                label={`Criterion ${pos + 1}`}
                multiline // a criterion may span lines (kept at publish); an <input> would drop them
                readOnly={!canEdit}
                maxLength={MAX}
                placeholder="Given … when … then …"
                origin={origin}
                onLocalEdit={signalTyping}
              />
            </div>
            {canEdit && (
              <div className="flex shrink-0 items-center">
                <Button
                  size="sm"
                  variant="ghost"
                  data-action="up"
                  aria-label={`Move criterion ${pos + 1} up`}
                  disabled={pos === 0}
                  onClick={() => move(pos, 'up')}
                >
                  <span aria-hidden="true">↑</span>
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  data-action="down"
                  aria-label={`Move criterion ${pos + 1} down`}
                  disabled={pos === criteria.length - 1}
                  onClick={() => move(pos, 'down')}
                >
                  <span aria-hidden="true">↓</span>
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove criterion ${pos + 1}`}
                  onClick={() => remove(pos)}
                >
                  <Icon name="close" className="size-3.5" />
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {canEdit && (
        <Button ref={addRef} size="sm" variant="ghost" className="self-start" onClick={add}>
          <Icon name="plus" className="size-3.5" /> Add criterion
        </Button>
      )}
    </div>
  );
}
