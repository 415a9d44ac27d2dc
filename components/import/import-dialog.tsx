'use client';

import { useId, useState, type ChangeEvent } from 'react';
import type { ImportFormat, ImportResult } from '@/lib/export/import';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { importStories } from './import-api';
import { ImportPreview } from './import-preview';

const MAX_BYTES = 2 * 1024 * 1024;

const FORMATS: { value: ImportFormat; label: string; hint: string }[] = [
  {
    value: 'jira-csv',
    label: 'Jira CSV',
    hint: 'Summary, Description, Story Points, Labels; other columns are ignored.',
  },
  { value: 'markdown', label: 'Markdown list', hint: 'One story per bullet: "- Title — why".' },
];

const formatOf = (name: string): ImportFormat | null =>
  /\.csv$/i.test(name) ? 'jira-csv' : /\.(md|markdown|txt)$/i.test(name) ? 'markdown' : null;

type Step =
  | { kind: 'edit' }
  | { kind: 'preview'; result: ImportResult; content: string }
  | { kind: 'done'; count: number };

/**
 * Paste or upload a Jira CSV or a Markdown list, preview it (stories to create, rows skipped and
 * why), then create them in one step. Nothing is written before the preview is accepted, and what is
 * created is exactly what was previewed (the same content is sent again with `commit`).
 */
export function ImportDialog({
  open,
  onClose,
  boardKey,
}: {
  open: boolean;
  onClose: () => void;
  boardKey: string;
}) {
  const titleId = useId();
  return (
    <Modal open={open} onClose={onClose} labelledBy={titleId}>
      <ImportForm titleId={titleId} onClose={onClose} boardKey={boardKey} />
    </Modal>
  );
}

function ImportForm({
  titleId,
  onClose,
  boardKey,
}: {
  titleId: string;
  onClose: () => void;
  boardKey: string;
}) {
  const { boardId, me } = useBoard();
  const [format, setFormat] = useState<ImportFormat>('jira-csv');
  const [content, setContent] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'edit' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const contentId = useId();
  const fileId = useId();

  const edit = (next: () => void) => {
    next();
    setStep({ kind: 'edit' }); // any change invalidates the preview
    setError(null);
  };

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES) return setError('That file is larger than 2 MB.');
    const text = await file.text();
    edit(() => {
      setContent(text);
      const f = formatOf(file.name);
      if (f) setFormat(f);
    });
  }

  async function send(commit: boolean) {
    setBusy(true);
    setError(null);
    try {
      const sent = step.kind === 'preview' && commit ? step.content : content;
      const result = await importStories(boardId, boardKey, {
        format,
        content: sent,
        commit,
        author: me.name,
      });
      setStep(
        commit ? { kind: 'done', count: result.created.length } : { kind: 'preview', result, content: sent },
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const hint = FORMATS.find((f) => f.value === format)!.hint;
  return (
    <div className="flex max-h-[85dvh] flex-col gap-4 overflow-y-auto p-5">
      <h2 id={titleId} className="text-base font-semibold">
        Import stories
      </h2>
      {step.kind === 'done' ? (
        <>
          <p role="status" className="text-sm">
            Created {step.count} shell {step.count === 1 ? 'story' : 'stories'}. They are on the board for
            everyone.
          </p>
          <div className="flex justify-end">
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </div>
        </>
      ) : (
        <>
          <fieldset className="flex flex-col gap-1">
            <legend className="text-xs font-medium text-secondary">Format</legend>
            <div className="flex gap-4">
              {FORMATS.map((f) => (
                <label key={f.value} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="radio"
                    name="import-format"
                    value={f.value}
                    checked={format === f.value}
                    onChange={() => edit(() => setFormat(f.value))}
                    className="accent-indigo-600"
                  />
                  {f.label}
                </label>
              ))}
            </div>
            <p className="text-xs text-muted">{hint}</p>
          </fieldset>
          <div className="flex flex-col gap-1">
            <label htmlFor={contentId} className="text-xs font-medium text-secondary">
              Paste the {format === 'jira-csv' ? 'CSV' : 'list'}
            </label>
            <textarea
              id={contentId}
              value={content}
              onChange={(e) => edit(() => setContent(e.target.value))}
              rows={6}
              spellCheck={false}
              className="rounded-md border border-line-strong bg-field p-2 font-mono text-xs focus-visible:outline-2 focus-visible:outline-indigo-500"
            />
            <label htmlFor={fileId} className="mt-1 text-xs font-medium text-secondary">
              …or upload a file
            </label>
            <input
              id={fileId}
              type="file"
              accept=".csv,.md,.markdown,.txt,text/csv,text/markdown,text/plain"
              onChange={(e) => void onFile(e)}
              className="text-xs file:mr-2 file:rounded-md file:border file:border-line-strong file:bg-surface file:px-2 file:py-1 file:text-xs dark:file:text-zinc-100"
            />
          </div>
          {step.kind === 'preview' && <ImportPreview result={step.result} />}
          {error && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            {step.kind === 'preview' ? (
              <Button
                variant="primary"
                disabled={busy || step.result.stories.length === 0}
                onClick={() => void send(true)}
              >
                {busy
                  ? 'Creating…'
                  : `Create ${step.result.stories.length} ${step.result.stories.length === 1 ? 'story' : 'stories'}`}
              </Button>
            ) : (
              <Button variant="primary" disabled={busy || !content.trim()} onClick={() => void send(false)}>
                {busy ? 'Reading…' : 'Preview'}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
