import type { RoundRecord } from '@/lib/session/round-record';
import { SCALE_LABELS } from '@/lib/session/scales';

const when = (at: number) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Accepted rounds, newest first: accepted value, scale, how the votes spread, when. */
export function RoundList({ rounds }: { rounds: readonly RoundRecord[] }) {
  return (
    <ol className="mt-2 flex flex-col gap-1.5 text-sm">
      {[...rounds].reverse().map((r) => (
        <li key={`${r.at}-${r.scale}`} className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-mono font-semibold">
            {r.scale === 'understanding' ? `${r.accepted}/5` : r.accepted}
          </span>
          <span className="text-muted">
            {SCALE_LABELS[r.scale]} · {r.distribution.map((d) => `${d.value}×${d.count}`).join(' ')} ·{' '}
            <time dateTime={new Date(r.at).toISOString()}>{when(r.at)}</time>
          </span>
        </li>
      ))}
    </ol>
  );
}
