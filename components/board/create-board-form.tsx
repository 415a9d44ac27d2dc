'use client';

import { useState, useSyncExternalStore, type FormEvent } from 'react';
import type { ApiErrorBody, CreateBoardResponse } from '@/lib/validation/api';
import { TITLE_MAX } from '@/lib/board/types';
import { Button } from '@/components/ui/button';
import { JUST_CREATED_KEY } from './board-live';

/** Creates a board through the API and opens it with the owner link. */
const noSubscribe = () => () => undefined;

export function CreateBoardForm() {
  // The page is static HTML first: keep the button disabled until React can handle the submit,
  // and leave the input uncontrolled so anything typed before hydration is kept.
  const hydrated = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const title = String(new FormData(e.currentTarget as HTMLFormElement).get('title') ?? '').trim();
    if (!title || busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/boards', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
        throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
      }
      const { id, links } = (await res.json()) as CreateBoardResponse;
      try {
        window.sessionStorage.setItem(JUST_CREATED_KEY, id);
      } catch {
        // no storage: the share panel just starts closed
      }
      // Stay on this origin whatever PUBLIC_URL the server put in the link; the key is the fragment.
      // A full load (not router.push) so the board page reads its key from a settled address.
      const owner = new URL(links.owner);
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
      window.location.assign(`${owner.pathname}${owner.hash}`);
    } catch (err) {
      setError(err instanceof TypeError ? 'Could not reach the server.' : (err as Error).message);
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      aria-label="Create a board"
    >
      <div className="flex-1">
        <label htmlFor="board-title" className="block text-sm font-medium">
          Board title
        </label>
        <input
          id="board-title"
          name="title"
          maxLength={TITLE_MAX}
          placeholder="e.g. Checkout team — sprint 14 refinement"
          required
          className="mt-1.5 h-11 w-full rounded-lg border border-zinc-300 bg-surface px-3.5 text-sm shadow-xs placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:placeholder:text-zinc-500"
        />
      </div>
      <Button type="submit" variant="primary" disabled={!hydrated || busy} className="h-11 px-5">
        {busy ? 'Creating…' : 'Create board'}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-600 sm:basis-full dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
