/** Shared look of the small form controls in the value pickers and managers. */
export const selectClass =
  'h-8 w-full min-w-0 rounded-md border border-line-strong bg-surface px-2 text-sm text-zinc-800 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 dark:text-zinc-100 dark:disabled:bg-zinc-800/60 dark:disabled:text-zinc-400';

export const inputClass =
  'h-8 w-full min-w-0 rounded-md border border-line-strong bg-surface px-2 text-sm text-zinc-800 placeholder:text-zinc-400 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-100 dark:placeholder:text-zinc-500';

export const labelClass = 'flex min-w-0 flex-col gap-1 text-xs font-medium text-muted';
