'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';

/** Deleting a board is final: the owner types the board's title to confirm. */
export function DeleteBoard({ title, onDelete }: { title: string; onDelete: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  if (!open) {
    return (
      <Button size="sm" variant="ghost-danger" onClick={() => setOpen(true)}>
        Delete board…
      </Button>
    );
  }
  async function go() {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-red-200 p-3 text-sm dark:border-red-900">
      <label htmlFor={id}>
        This deletes every story, note and formal story and disconnects everyone. Type{' '}
        <strong className="font-semibold">{title}</strong> to confirm.
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          className="h-9 min-w-0 flex-1 rounded-lg border border-line-strong bg-field px-3 text-sm"
        />
        <Button onClick={go} disabled={busy || typed.trim() !== title.trim()}>
          {busy ? 'Deleting…' : 'Delete for everyone'}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
