'use client';

import { useEffect, useRef, useState, type CompositionEvent, type FormEvent, type Ref } from 'react';
import * as Y from 'yjs';
import { useTypeVersion } from '@/lib/board/hooks';
import { diffText, transformIndex, transformSelection, type DeltaOp } from '@/lib/board/text-diff';
import { cx } from './cx';

type Field = HTMLInputElement | HTMLTextAreaElement;

export interface CollabTextProps {
  text: Y.Text;
  /** accessible name of the field */
  label: string;
  multiline?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  placeholder?: string;
  className?: string;
  id?: string;
  /** transaction origin for local edits (lets a per-user UndoManager track them) */
  origin?: unknown;
  /** called after each local edit, e.g. to publish "typing" */
  onLocalEdit?: () => void;
}

/**
 * A plain <input>/<textarea> bound live to a Y.Text. The element is uncontrolled on purpose:
 * React re-setting `value` would move the caret on every remote keystroke. Local input becomes one
 * minimal delete+insert; remote changes rewrite the value and carry the caret through their delta.
 */
export function CollabText(props: CollabTextProps) {
  if (props.readOnly) return <ReadOnlyText text={props.text} className={props.className} />;
  return <EditableText {...props} />;
}

/** Live plain text for readers; the caller supplies the semantics (a heading, a labelled section). */
function ReadOnlyText({ text, className }: { text: Y.Text; className?: string }) {
  useTypeVersion(text);
  return (
    <div data-testid="readonly-text" className={cx('break-words whitespace-pre-wrap', className)}>
      {text.toString()}
    </div>
  );
}

function EditableText({
  text,
  label,
  multiline,
  maxLength,
  placeholder,
  className,
  id,
  origin,
  onLocalEdit,
}: CollabTextProps) {
  const ref = useRef<Field>(null);
  // What the element shows; always equal to the Y.Text except during an IME composition.
  const shown = useRef('');
  const composing = useRef<{ base: string; remote: DeltaOp[][] } | null>(null);
  const [ownOrigin] = useState(() => ({ collabText: label }));
  const txOrigin = origin ?? ownOrigin;
  // True while this field's own edit is being applied. The origin cannot tell: it is shared with
  // the person's other local edits (for undo), and those must still refresh this field.
  const selfWrite = useRef(false);
  const onEdit = useRef(onLocalEdit);
  useEffect(() => {
    onEdit.current = onLocalEdit;
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.value = shown.current = text.toString();
    const onChange = (event: Y.YTextEvent) => {
      if (selfWrite.current) return; // our own keystroke: the element already shows it
      const delta = event.delta as DeltaOp[];
      if (composing.current) {
        composing.current.remote.push(delta); // applied when the composition ends
        return;
      }
      const next = text.toString();
      if (document.activeElement === el && el.selectionStart !== null && el.selectionEnd !== null) {
        const sel = transformSelection(el.selectionStart, el.selectionEnd, delta);
        const dir = el.selectionDirection ?? undefined;
        el.value = next;
        el.setSelectionRange(sel.start, sel.end, dir);
      } else {
        el.value = next;
      }
      shown.current = next;
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  function write(index: number, remove: number, insert: string) {
    const doc = text.doc;
    if (!doc) return;
    selfWrite.current = true;
    try {
      // Observers run synchronously at the end of this (top-level) transaction.
      doc.transact(() => {
        const at = Math.min(index, text.length);
        if (remove > 0) text.delete(at, Math.min(remove, text.length - at));
        if (insert) text.insert(at, insert);
      }, txOrigin);
    } finally {
      selfWrite.current = false;
    }
    onEdit.current?.();
  }

  function onInput(e: FormEvent<Field>) {
    if (composing.current || (e.nativeEvent as InputEvent).isComposing) return;
    const el = e.currentTarget;
    const change = diffText(shown.current, el.value, el.selectionEnd ?? undefined);
    shown.current = el.value;
    if (change) write(change.index, change.remove, change.insert);
  }

  function onCompositionStart() {
    composing.current = { base: shown.current, remote: [] };
  }

  // Commit the composed text once, mapped through whatever collaborators changed meanwhile.
  function onCompositionEnd(e: CompositionEvent<Field>) {
    const state = composing.current;
    composing.current = null;
    if (!state) return;
    const el = e.currentTarget;
    const change = diffText(state.base, el.value, el.selectionEnd ?? undefined);
    let caret = el.selectionEnd ?? el.value.length;
    if (change) {
      const index = state.remote.reduce((i, d) => transformIndex(i, d), change.index);
      write(index, change.remove, change.insert);
      caret = index + change.insert.length;
    }
    const next = text.toString();
    if (el.value !== next) {
      el.value = next;
      el.setSelectionRange(caret, caret);
    }
    shown.current = next;
  }

  const fieldClass = cx(
    'w-full rounded-md border border-transparent bg-transparent px-2 py-1 -mx-2 transition-colors',
    'hover:border-zinc-200 focus:border-zinc-300 focus:bg-surface focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:border-zinc-700 dark:focus:border-zinc-600',
    'placeholder:text-zinc-400 dark:placeholder:text-zinc-500',
    className,
  );
  const common = {
    id,
    'aria-label': label,
    placeholder,
    maxLength,
    defaultValue: text.toString(),
    onInput,
    onCompositionStart,
    onCompositionEnd,
    spellCheck: true,
    // Marks a live field: Ctrl/Cmd+Z here is the board's per-person undo, not the browser's.
    'data-collab-text': '',
  };
  if (multiline) {
    return (
      <textarea
        {...common}
        ref={ref as Ref<HTMLTextAreaElement>}
        rows={2}
        className={cx(fieldClass, 'field-sizing-content min-h-16 resize-none')}
      />
    );
  }
  return (
    <input
      {...common}
      ref={ref as Ref<HTMLInputElement>}
      className={fieldClass}
      type="text"
      autoComplete="off"
    />
  );
}
