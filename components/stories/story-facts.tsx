import type { FormalStorySummary } from '@/lib/promote/types';

/** Estimate, persona and value of a version, as a small definition list; absent facts are skipped. */
export function StoryFacts({ story }: { story: Pick<FormalStorySummary, 'estimate' | 'persona' | 'value'> }) {
  const facts = [
    ['Estimate', story.estimate],
    ['Persona', story.persona],
    ['Value', story.value === null ? null : String(story.value)],
  ].filter((f): f is [string, string] => !!f[1]);
  if (facts.length === 0) return null;
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-secondary">
      {facts.map(([k, v]) => (
        <div key={k} className="flex gap-1">
          <dt>{k}:</dt>
          <dd className="font-medium text-zinc-800 dark:text-zinc-200">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
