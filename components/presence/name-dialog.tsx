'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { NAME_MAX } from './use-identity';

/** First visit: ask what to call this person. Remembered per browser, so asked once. */
export function NameDialog({ open, onSubmit }: { open: boolean; onSubmit: (name: string) => void }) {
  const [name, setName] = useState('');
  const trimmed = name.trim();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (trimmed) onSubmit(trimmed);
  }
  return (
    <Modal open={open} labelledBy="name-dialog-title" dismissible={false}>
      <form onSubmit={submit} className="p-6">
        <h2 id="name-dialog-title" className="text-base font-semibold">
          What should the team call you?
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Your name appears next to your notes and on the presence bar. This browser remembers it.
        </p>
        <label htmlFor="display-name" className="mt-5 block text-sm font-medium">
          Display name
        </label>
        <input
          id="display-name"
          autoFocus
          value={name}
          maxLength={NAME_MAX}
          onChange={(e) => setName(e.target.value)}
          autoComplete="nickname"
          placeholder="e.g. Ana"
          className="mt-1.5 h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-xs placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-950"
        />
        <div className="mt-6 flex justify-end">
          <Button type="submit" variant="primary" disabled={!trimmed}>
            Join board
          </Button>
        </div>
      </form>
    </Modal>
  );
}
