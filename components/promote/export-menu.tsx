'use client';

import { useId, useState } from 'react';
import { useBoard } from '@/components/board/board-context';
import { useLinkKey } from '@/components/board/use-link-key';
import { Button } from '@/components/ui/button';
import { downloadFromApi } from './api-download';

const ITEMS = [
  { label: 'Formal stories · Markdown', path: 'export?format=md' },
  { label: 'Formal stories · Jira CSV', path: 'export?format=jira-csv' },
  { label: 'Formal stories · JSON', path: 'export?format=json' },
  { label: 'Formal stories · GitHub issues', path: 'export?format=github' },
  { label: 'Session summary · Markdown', path: 'session-summary?format=md' },
] as const;

/** Every export, for every role (reading is allowed to all links). */
export function ExportMenu() {
  const { boardId } = useBoard();
  const key = useLinkKey();
  return key ? <ExportMenuFor boardId={boardId} boardKey={key} /> : null;
}

/** The export menu outside the live board (the formal-stories pages have no board context). */
export function ExportMenuFor({ boardId, boardKey: key }: { boardId: string; boardKey: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const menuId = useId();

  async function get(path: string) {
    setError(null);
    try {
      await downloadFromApi(`/api/boards/${encodeURIComponent(boardId)}/${path}`, key);
      setOpen(false);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="relative">
      <Button
        size="sm"
        variant="ghost"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        Export
      </Button>
      {open && (
        <div
          id={menuId}
          role="group"
          aria-label="Export"
          className="absolute right-0 z-20 mt-1 flex w-64 flex-col rounded-lg border border-line bg-surface p-1 shadow-lg"
        >
          {ITEMS.map((i) => (
            <button
              key={i.path}
              type="button"
              onClick={() => void get(i.path)}
              className="rounded-md px-3 py-2 text-left text-sm hover:bg-subtle focus-visible:outline-2 focus-visible:outline-indigo-500"
            >
              {i.label}
            </button>
          ))}
          {error && (
            <p role="alert" className="px-3 py-2 text-xs text-red-700 dark:text-red-400">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
