'use client';

import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { activeMention, insertMention, suggestPeople, type Person } from '@/lib/board/mentions';
import { NOTE_MAX } from '@/lib/board/types';
import { Button } from './button';
import { cx } from './cx';
import { MentionMenu } from './mention-menu';

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
  /** turns on `@name` suggestions: who may be addressed, read as the person types */
  people?: () => readonly Person[];
}

interface Menu {
  start: number;
  caret: number;
  options: readonly Person[];
  active: number;
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
  people,
}: NoteTextFormProps) {
  const [text, setText] = useState(initial);
  const [menu, setMenu] = useState<Menu | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const caretAfter = useRef<number | null>(null);
  const menuId = useId();
  const blank = !text.trim();

  // After a name is picked the text is replaced: put the caret after the inserted name.
  useLayoutEffect(() => {
    const at = caretAfter.current;
    if (at === null || !field.current) return;
    caretAfter.current = null;
    field.current.setSelectionRange(at, at);
  }, [text]);

  function updateMenu(value: string, caret: number) {
    if (!people) return;
    const m = activeMention(value, caret);
    const options = m ? suggestPeople(m.query, people()) : [];
    setMenu(m && options.length > 0 ? { start: m.start, caret, options, active: 0 } : null);
  }

  function pick(p: Person) {
    if (!menu) return;
    const next = insertMention(text, menu.start, menu.caret, p.name);
    caretAfter.current = next.caret;
    setText(next.text);
    setMenu(null);
  }

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (blank) return;
    if (onSubmit(text)) setText('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (menu && menuKey(e)) return;
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit();
    if (e.key === 'Escape' && onCancel) {
      e.preventDefault(); // cancel this form, not the whole story panel
      onCancel();
    }
  }

  /** Arrow keys move through the suggestions, Enter or Tab picks, Escape closes only the menu. */
  function menuKey(e: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!menu || e.metaKey || e.ctrlKey) return false;
    const n = menu.options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setMenu({ ...menu, active: (menu.active + step + n) % n });
    } else if (e.key === 'Enter' || e.key === 'Tab') pick(menu.options[menu.active]!);
    else if (e.key === 'Escape') {
      e.stopPropagation();
      setMenu(null);
    } else return false;
    e.preventDefault();
    return true;
  }

  return (
    <form onSubmit={submit} aria-label={formLabel} className={cx('flex flex-col gap-2', className)}>
      {fieldId && (
        <label htmlFor={fieldId} className="sr-only">
          {fieldLabel}
        </label>
      )}
      <div className="relative">
        <textarea
          ref={field}
          id={fieldId}
          aria-label={fieldId ? undefined : fieldLabel}
          {...fieldAttrs}
          autoFocus={autoFocus}
          value={text}
          maxLength={NOTE_MAX}
          onChange={(e) => {
            setText(e.target.value);
            updateMenu(e.target.value, e.target.selectionStart);
            onType?.();
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setMenu(null)}
          aria-autocomplete={people ? 'list' : undefined}
          aria-controls={menu ? menuId : undefined}
          aria-activedescendant={menu ? `${menuId}-${menu.active}` : undefined}
          rows={rows}
          placeholder={placeholder}
          className={cx(
            'field-sizing-content w-full resize-none text-sm focus:outline-none',
            fieldLooks[look],
            look === 'inline' && (rows === 1 ? 'min-h-9 py-1.5' : 'min-h-14 py-2'),
          )}
        />
        {menu && <MentionMenu id={menuId} options={menu.options} active={menu.active} onPick={pick} />}
      </div>
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
