import type { ReactNode } from 'react';
import Link from 'next/link';

/** Full-page explanation for states where the board cannot be shown (bad link, deleted board). */
export function FullPageMessage({
  title,
  children,
  tone = 'neutral',
}: {
  title: string;
  children: ReactNode;
  tone?: 'neutral' | 'warning';
}) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-6">
      <div role="alert" className="w-full max-w-md text-center">
        <div
          className={
            tone === 'warning'
              ? 'mx-auto mb-6 size-12 rounded-full bg-amber-100 p-3 text-amber-700 dark:bg-amber-950 dark:text-amber-300'
              : 'mx-auto mb-6 size-12 rounded-full bg-zinc-100 p-3 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-300'
          }
          aria-hidden="true"
        >
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round">
            <path d="M9 17H7A5 5 0 0 1 7 7h2" />
            <path d="M15 7h2a5 5 0 1 1 0 10h-2" />
            <path d="M8 12h8" />
          </svg>
        </div>
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <div className="mt-3 text-sm leading-6 text-secondary">{children}</div>
        <Link
          href="/"
          className="mt-8 inline-flex h-9 items-center rounded-lg border border-line-strong bg-surface px-3.5 text-sm font-medium hover:bg-zinc-50 dark:hover:bg-zinc-800"
        >
          Create a new board
        </Link>
      </div>
    </main>
  );
}
