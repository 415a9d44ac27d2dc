'use client';

import { useState } from 'react';
import { addValueStream, moveValueStream, removeValueStream, renameValueStream } from '@/lib/board/personas';
import { STREAM_MAX } from '@/lib/board/types';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { inputClass, labelClass } from './field-classes';
import { EntryForm, SectionTitle, attempt } from './manager-parts';

/** Value streams: the lanes of the lanes view, by name, in lane order. */
export function StreamManager({ streams }: { streams: readonly string[] }) {
  const { doc, canEdit, origin } = useBoard();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="streams-title" className="flex flex-col gap-3">
      <SectionTitle id="streams-title" count={streams.length}>
        Value streams
      </SectionTitle>
      {streams.length === 0 && (
        <p className="text-sm text-muted">No value streams yet. They become the lanes of the lanes view.</p>
      )}
      <ul className="flex flex-col divide-y divide-subtle" aria-label="Value streams">
        {streams.map((s, i) =>
          editing === s ? (
            <li key={s} className="py-2">
              <StreamForm stream={s} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={s} data-testid="value-stream" className="flex items-center justify-between gap-3 py-2">
              <span className="min-w-0 text-sm font-medium break-words">{s}</span>
              {canEdit && (
                <div className="flex shrink-0 gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={i === 0}
                    onClick={() => moveValueStream(doc, s, -1, origin)}
                    aria-label={`Move stream ${s} up`}
                  >
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={i === streams.length - 1}
                    onClick={() => moveValueStream(doc, s, 1, origin)}
                    aria-label={`Move stream ${s} down`}
                  >
                    ↓
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setEditing(s)}
                    aria-label={`Rename stream ${s}`}
                  >
                    Rename
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => removeValueStream(doc, s, origin)}
                    aria-label={`Remove stream ${s}`}
                    title="Stories keep the name; it shows as a removed stream"
                  >
                    Remove
                  </Button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      {canEdit && <StreamForm stream={null} onDone={() => undefined} />}
    </section>
  );
}

function StreamForm({ stream, onDone }: { stream: string | null; onDone: () => void }) {
  const { doc, origin } = useBoard();
  const [name, setName] = useState(stream ?? '');
  const [error, setError] = useState<string | null>(null);
  function save() {
    const err = attempt(() =>
      stream ? renameValueStream(doc, stream, name, origin) : addValueStream(doc, name, origin),
    );
    setError(err);
    if (err) return;
    if (!stream) setName('');
    onDone();
  }
  return (
    <EntryForm
      label={stream ? `Rename stream ${stream}` : 'New value stream'}
      submitLabel={stream ? 'Save' : 'Add stream'}
      onSubmit={save}
      onCancel={stream ? onDone : undefined}
      error={error}
    >
      <label className={`${labelClass} min-w-48 flex-1`}>
        Stream name
        <input
          className={inputClass}
          value={name}
          maxLength={STREAM_MAX}
          required
          placeholder="e.g. Onboarding"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
    </EntryForm>
  );
}
