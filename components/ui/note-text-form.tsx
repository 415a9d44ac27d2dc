'use client';

import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { NOTE_MAX } from '@/lib/board/types';
import { Button } from './button';
import { cx } from './cx';

export interface NoteTextFormProps {
  /** accessible name of the text field */
  fieldLabel: string;
  /** with an id the field gets a hidden `<label>` (the composer); without, an `aria-label` */
  fieldId?: string;
  /** markers other code finds the field by, e.g. `{ 'data-note-composer': '' }` */
  fieldAttrs?: Record<`data-${string}`, string>;
  submitLabel: string;
  /** Gets the non-blank text; returns true when it was taken (the field is then emptied). */
  onSubmit: (text: string) => boolean;
  /** shows Cancel and makes Escape cancel (not close the story panel) */
  onCancel?: () => void;
  /** after each keystroke, e.g. to publish "typing" */
  onType?: () => void;
  initial?: string;
  placeholder?: string;
  autoFocus?: boolean;
  rows?: number;
  /** `framed`: the form is a card of its own (the composer); `inline`: a bordered field in a note */
  look?: 'framed' | 'inline';
  /** names the form, e.g. "Reply to Ana" */
  formLabel?: string;
  className?: string;
  /** left of the buttons, e.g. the kind picker */
  extra?: ReactNode;
  error?: string | null;
}

const fieldLooks = {
  framed: 'min-h-14 bg-transparent px-1 leading-6 placeholder:text-zinc-400 dark:placeholder:text-zinc-500',
  inline: 'rounded-lg border border-line-strong bg-field px-3 focus:border-indigo-400',
};

/**
 * The one form for a note's text: the composer, a reply and an edit. ⌘/Ctrl+Enter submits, blank
 * text never does, and the text is a plain field (the browser's own undo applies until it is posted).
 */
export function NoteTextForm({
  fieldLabel,
  fieldId,
  fieldAttrs,
  submitLabel,
  onSubmit,
  onCancel,
  onType,
  initial = '',
  placeholder,
  autoFocus,
  rows,
  look = 'inline',
  formLabel,
  className,
  extra,
  error,
}: NoteTextFormProps) {
  const [text, setText] = useState(initial);
  const blank = !text.trim();

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (blank) return;
    if (onSubmit(text)) setText('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit();
    if (e.key === 'Escape' && onCancel) {
      e.preventDefault(); // cancel this form, not the whole story panel
      onCancel();
    }
  }

  return (
    <form onSubmit={submit} aria-label={formLabel} className={cx('flex flex-col gap-2', className)}>
      {fieldId && (
        <label htmlFor={fieldId} className="sr-only">
          {fieldLabel}
        </label>
      )}
      <textarea
        id={fieldId}
        aria-label={fieldId ? undefined : fieldLabel}
        {...fieldAttrs}
        autoFocus={autoFocus}
        value={text}
        maxLength={NOTE_MAX}
        onChange={(e) => {
          setText(e.target.value);
          onType?.();
        }}
        onKeyDown={onKeyDown}
        rows={rows}
        placeholder={placeholder}
        className={cx(
          'field-sizing-content w-full resize-none text-sm focus:outline-none',
          fieldLooks[look],
          look === 'inline' && (rows === 1 ? 'min-h-9 py-1.5' : 'min-h-14 py-2'),
        )}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        {extra}
        <div className="ml-auto flex gap-2">
          {onCancel && (
            <Button size="sm" variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button size="sm" variant="primary" type="submit" disabled={blank}>
            {submitLabel}
          </Button>
        </div>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
