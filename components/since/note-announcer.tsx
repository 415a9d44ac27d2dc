'use client';

import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { getStoryMap, isEntityMap, readNote, readStory, roots, type EntityMap } from '@/lib/board/schema';
import type { NoteKind, NoteView } from '@/lib/board/types';

const WORD: Record<NoteKind, string> = {
  question: 'question',
  idea: 'idea',
  risk: 'risk',
  criterion: 'acceptance criterion',
  decision: 'decision',
};

/** At most one announcement this often; notes arriving meanwhile are summed up in the next one. */
const THROTTLE_MS = 4000;

function sentence(doc: Y.Doc, batch: NoteView[]): string {
  if (batch.length === 1) {
    const n = batch[0]!;
    const m = getStoryMap(doc, n.storyId);
    const title = m ? readStory(n.storyId, m).title : '';
    const what = n.parentId ? 'reply' : WORD[n.kind];
    return `New ${what} from ${n.authorName}${title ? ` on '${title}'` : ''}`;
  }
  const names = [...new Set(batch.map((n) => n.authorName))];
  const who = names.length > 3 ? `${names.slice(0, 3).join(', ')} and others` : names.join(' and ');
  return `${batch.length} new notes from ${who}`;
}

/**
 * A polite live region for screen readers: notes other people post while you are here, e.g.
 * "New question from Ana on 'Checkout'", throttled so a busy session does not talk over itself.
 * Notes present at load (or loaded from the offline copy) are not announced.
 */
export function NoteAnnouncer({ doc, me, synced }: { doc: Y.Doc; me: string; synced: boolean }) {
  const [message, setMessage] = useState('');
  const queue = useRef<NoteView[]>([]);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ready = useRef(false);

  useEffect(() => {
    if (synced) ready.current = true;
  }, [synced]);

  useEffect(() => {
    const notes = roots(doc).notes;
    const flush = () => {
      timer.current = null;
      const batch = queue.current.splice(0);
      if (batch.length === 0) return;
      last.current = Date.now();
      setMessage(sentence(doc, batch));
    };
    const onChange = (e: Y.YMapEvent<EntityMap>) => {
      if (!ready.current) return;
      for (const [id, change] of e.changes.keys) {
        if (change.action !== 'add') continue;
        const m = notes.get(id);
        const n = isEntityMap(m) ? readNote(id, m) : null;
        if (n && n.authorId !== me && n.deletedAt === null) queue.current.push(n);
      }
      if (queue.current.length === 0 || timer.current) return;
      timer.current = setTimeout(flush, Math.max(0, last.current + THROTTLE_MS - Date.now()));
    };
    notes.observe(onChange);
    return () => {
      notes.unobserve(onChange);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [doc, me]);

  return (
    <div role="status" aria-live="polite" className="sr-only" data-testid="note-announcer">
      {message}
    </div>
  );
}
