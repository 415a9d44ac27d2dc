import type { ImportResult } from '@/lib/export/import';

/** What an import would do: the stories to be created and the rows that will be skipped, and why. */
export function ImportPreview({ result }: { result: ImportResult }) {
  const { stories, problems } = result;
  return (
    <div data-testid="import-preview" className="flex flex-col gap-3">
      <section aria-labelledby="import-ok">
        <h3 id="import-ok" className="text-sm font-semibold">
          {stories.length === 0
            ? 'No stories to create'
            : `${stories.length} ${stories.length === 1 ? 'story' : 'stories'} will be created`}
        </h3>
        {stories.length > 0 && (
          <ol className="mt-1 max-h-48 overflow-y-auto rounded-md border border-line text-sm">
            {stories.map((s, i) => (
              <li
                key={i}
                data-testid="import-row"
                className="border-b border-subtle px-2 py-1.5 last:border-0"
              >
                <span className="font-medium break-words">{s.title}</span>
                {s.estimate && (
                  <span className="ml-2 rounded bg-indigo-50 px-1 font-mono text-xs text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
                    <span className="sr-only">Estimate </span>
                    {s.estimate}
                  </span>
                )}
                {s.why && <p className="line-clamp-2 text-xs break-words text-secondary">{s.why}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
      {problems.length > 0 && (
        <section aria-labelledby="import-skipped">
          <h3 id="import-skipped" className="text-sm font-semibold text-amber-800 dark:text-amber-300">
            {problems.length} {problems.length === 1 ? 'row' : 'rows'} will be skipped
          </h3>
          <ul className="mt-1 max-h-32 overflow-y-auto rounded-md border border-amber-200 bg-amber-50 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
            {problems.map((p, i) => (
              <li key={i} data-testid="import-problem" className="px-2 py-1">
                Line {p.line}: {p.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
