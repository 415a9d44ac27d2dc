'use client';

import type { FormEvent, ReactNode } from 'react';
import { BoardOpError } from '@/lib/board/ops';
import { Button } from '@/components/ui/button';

/** Runs a doc edit from a form; returns the message to show when it is refused. */
export function attempt(edit: () => void): string | null {
  try {
    edit();
    return null;
  } catch (e) {
    return e instanceof BoardOpError ? e.message : 'That change could not be made';
  }
}

/** A small form with Save/Cancel used for both adding and editing entries. */
export function EntryForm({
  label,
  submitLabel,
  onSubmit,
  onCancel,
  error,
  children,
}: {
  label: string;
  submitLabel: string;
  onSubmit: () => void;
  onCancel?: () => void;
  error: string | null;
  children: ReactNode;
}) {
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }
  return (
    <form aria-label={label} onSubmit={submit} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">{children}</div>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" variant="primary">
          {submitLabel}
        </Button>
        {onCancel && (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        {error && (
          <p role="alert" className="text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}

export function ArchivedBadge() {
  return (
    <span className="rounded-md bg-subtle px-1.5 py-0.5 text-[11px] font-medium text-secondary">
      Archived
    </span>
  );
}

export function SectionTitle({ id, children, count }: { id: string; children: ReactNode; count: number }) {
  return (
    <h3 id={id} className="text-sm font-semibold">
      {children} <span className="font-normal text-muted">· {count}</span>
    </h3>
  );
}
