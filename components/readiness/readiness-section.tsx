'use client';

import { memo, useId } from 'react';
import { useDefinition, useReadiness, useStory } from '@/lib/board/hooks';
import { setStoryStatus } from '@/lib/board/ops';
import { missingText, ruleLabel } from '@/lib/board/readiness';
import { setCheck } from '@/lib/board/readiness-ops';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { RelativeTime } from '@/components/ui/relative-time';
import { cx } from '@/components/ui/cx';

/**
 * The open story against the board's definition of ready: each rule met or not (and why not),
 * the manual items to tick (team and owner; who and when shown), and "Mark ready" — one step
 * when every rule is met, disabled with the reasons otherwise.
 */
export const ReadinessSection = memo(function ReadinessSection({ storyId }: { storyId: string }) {
  const { doc, canEdit, me, origin } = useBoard();
  const story = useStory(doc, storyId);
  const def = useDefinition(doc);
  const e = useReadiness(doc, storyId);
  const reasonId = useId();
  if (!story || !e || e.total === 0) return null;
  const missing = new Map(e.missing.map((m) => [m.id, m.reason]));
  const canMark = canEdit && story.status !== 'ready' && story.status !== 'promoted';

  return (
    <section
      aria-label="Definition of ready"
      data-testid="readiness-section"
      className="flex flex-col gap-2 rounded-lg border border-line p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          Definition of ready{' '}
          <span className="font-normal text-muted" data-testid="readiness-count">
            · {e.met.length}/{e.total} met
          </span>
        </h3>
        {canMark && (
          <Button
            size="sm"
            variant="primary"
            disabled={!e.ready}
            aria-describedby={e.ready ? undefined : reasonId}
            // Re-checked on click: the doc may have changed since this render.
            onClick={() => e.ready && setStoryStatus(doc, storyId, 'ready', origin)}
          >
            Mark ready
          </Button>
        )}
      </div>
      <ul className="flex flex-col gap-1 text-sm">
        {def.rules.map((rule) => {
          const reason = missing.get(rule.id);
          const tick = rule.kind === 'manual' ? story.checks[rule.id] : undefined;
          return (
            <li
              key={rule.id}
              data-testid="readiness-rule"
              data-rule={rule.id}
              data-met={!reason}
              className="flex items-start gap-2"
            >
              {rule.kind === 'manual' ? (
                <label className="flex min-w-0 flex-1 items-start gap-2">
                  <input
                    type="checkbox"
                    className="mt-1 size-3.5 accent-indigo-600"
                    checked={!!tick}
                    disabled={!canEdit}
                    onChange={(ev) =>
                      setCheck(
                        doc,
                        storyId,
                        rule.id,
                        ev.target.checked ? { by: me.id, name: me.name } : null,
                        origin,
                      )
                    }
                  />
                  <span className="min-w-0 break-words">
                    {rule.label}
                    {tick && (
                      <span className="ml-1 text-xs text-muted">
                        — ticked by {tick.name}, <RelativeTime at={tick.at} />
                      </span>
                    )}
                  </span>
                </label>
              ) : (
                <>
                  <span
                    aria-hidden="true"
                    className={cx(
                      'mt-0.5 grid size-4 shrink-0 place-items-center rounded-full text-[10px]',
                      reason
                        ? 'bg-subtle text-muted'
                        : 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
                    )}
                  >
                    {reason ? '–' : <Icon name="check" className="size-3" />}
                  </span>
                  <span className="min-w-0 flex-1 break-words">
                    <span className="sr-only">{reason ? 'Not met: ' : 'Met: '}</span>
                    {ruleLabel(rule)}
                    {reason && <span className="ml-1 text-xs text-muted">— {reason}</span>}
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {canMark && !e.ready && (
        <p id={reasonId} className="text-xs text-muted" data-testid="mark-ready-reason">
          Not ready yet: {missingText(e)}.
        </p>
      )}
      {story.status === 'ready' && !e.ready && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          Marked ready, but it no longer meets: {missingText(e)}.
        </p>
      )}
    </section>
  );
});
