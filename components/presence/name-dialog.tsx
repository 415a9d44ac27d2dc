'use client';

import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { NAME_MAX } from './use-identity';

/**
 * What has been typed so far, outside React state: if the prompt is replaced by a new one (the
 * board behind it remounting while it loads), the new field starts from it instead of empty.
 */
let typed = '';

/**
 * First visit: ask what to call this person. Remembered per browser, so asked once.
 * The field is uncontrolled and the submit reads the DOM value, so whatever the browser holds in
 * it (typed while the page was busy, autofilled) is what is taken — never a lagging React copy.
 */
export function NameDialog({ open, onSubmit }: { open: boolean; onSubmit: (name: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [hasText, setHasText] = useState(false);
  // Text already in the field when React takes over counts, so Enter works at once.
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    if (!el.value && typed) el.value = typed;
    setHasText(el.value.trim() !== '');
  }, [open]);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
    if (!name) return input.current?.focus();
    typed = '';
    onSubmit(name);
  }
  return (
    <Modal open={open} labelledBy="name-dialog-title" dismissible={false}>
      <form onSubmit={submit} className="p-6">
        <h2 id="name-dialog-title" className="text-base font-semibold">
          What should the team call you?
        </h2>
        <p className="mt-1 text-sm text-secondary">
          Your name appears next to your notes and on the presence bar. This browser remembers it.
        </p>
        <label htmlFor="display-name" className="mt-5 block text-sm font-medium">
          Display name
        </label>
        <input
          ref={input}
          id="display-name"
          name="name"
          autoFocus
          maxLength={NAME_MAX}
          onInput={(e) => {
            typed = e.currentTarget.value;
            setHasText(typed.trim() !== '');
          }}
          autoComplete="nickname"
          placeholder="e.g. Ana"
          className="mt-1.5 h-10 w-full rounded-lg border border-zinc-300 bg-field px-3 text-sm shadow-xs placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700"
        />
        <div className="mt-6 flex justify-end">
          <Button type="submit" variant="primary" disabled={!hasText}>
            Join board
          </Button>
        </div>
      </form>
    </Modal>
  );
}
