import type { Draft } from '@/lib/promote/draft';
import { Calibration } from '@/components/session/calibration';

/**
 * What the version takes from the story and its discussion rather than from the draft text:
 * decisions (from `decision` notes), the accepted estimate and the persona. Shown so nobody is
 * surprised by what gets published; they are edited where they live (notes, estimation, persona).
 */
export function DraftExtras({
  built,
  persona,
  storyId,
}: {
  built: Draft;
  persona: string | null;
  storyId: string;
}) {
  const h = 'text-xs font-medium tracking-wide text-muted uppercase';
  return (
    <div data-testid="draft-extras" className="flex flex-col gap-2">
      <h4 className={h}>Also published</h4>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-secondary">
        <div className="flex gap-1">
          <dt>Estimate:</dt>
          <dd className="font-medium text-zinc-800 dark:text-zinc-200">{built.estimate ?? 'none yet'}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Persona:</dt>
          <dd className="font-medium text-zinc-800 dark:text-zinc-200">{persona ?? 'none'}</dd>
        </div>
      </dl>
      <Calibration exclude={storyId} highlight={built.estimate} refresh={storyId} />
      {built.decisions.length > 0 && (
        <div className="text-sm">
          <p className="text-xs text-secondary">Decisions from the discussion:</p>
          <ul className="mt-1 list-disc pl-5 leading-6">
            {built.decisions.map((d, i) => (
              <li key={i} className="break-words">
                {d}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
