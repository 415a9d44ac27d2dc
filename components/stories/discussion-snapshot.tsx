import type { DiscussionNote } from '@/lib/promote/types';
import { RelativeTime } from '@/components/ui/relative-time';

/** The discussion as it was when a version was published (threads one level deep). */
export function DiscussionSnapshot({ notes }: { notes: DiscussionNote[] }) {
  if (notes.length === 0) return <p className="text-sm text-muted">There was no discussion.</p>;
  return (
    <ul className="flex flex-col gap-2">
      {notes.map((n) => (
        <li key={n.id}>
          <SnapshotNote note={n} />
          {n.replies.length > 0 && (
            <ul className="mt-1 ml-5 flex flex-col gap-1 border-l border-line pl-3">
              {n.replies.map((r) => (
                <li key={r.id}>
                  <SnapshotNote note={r} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function SnapshotNote({ note }: { note: DiscussionNote }) {
  return (
    <div className="text-sm" data-testid="snapshot-note">
      <p className="text-xs text-muted">
        <span className="font-medium text-body capitalize">{note.kind}</span> · {note.authorName || 'Someone'}{' '}
        · <RelativeTime at={note.createdAt} />
        {note.resolved && <> · resolved</>}
      </p>
      <p className="break-words whitespace-pre-wrap">{note.text}</p>
    </div>
  );
}
