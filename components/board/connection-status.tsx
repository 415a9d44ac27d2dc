'use client';

import type { SyncStatus } from '@/lib/realtime/sync-client';
import { cx } from '@/components/ui/cx';

/** Plain words for the sync state; the truth about "saved" comes from the server's acks. */
export function describeStatus(
  s: SyncStatus,
  canEdit: boolean,
): { text: string; tone: 'ok' | 'busy' | 'warn' } {
  // A repeat visit shows the copy kept in this browser at once; say so until the server answered.
  if (
    s.fromCopy &&
    (s.connection === 'connecting' || !s.synced) &&
    s.connection !== 'offline' &&
    s.connection !== 'closed'
  )
    return {
      text: `Saved copy · ${s.connection === 'connecting' ? 'Connecting…' : 'Syncing…'}`,
      tone: 'busy',
    };
  if (s.connection === 'connecting') return { text: 'Connecting…', tone: 'busy' };
  if (s.connection === 'offline') {
    return {
      text:
        s.waiting > 0
          ? `Offline — ${s.waiting} ${s.waiting === 1 ? 'change' : 'changes'} waiting`
          : 'Offline — reconnecting…',
      tone: 'warn',
    };
  }
  if (s.connection === 'closed') return { text: 'Disconnected', tone: 'warn' };
  if (!s.synced) return { text: 'Syncing…', tone: 'busy' };
  if (!canEdit) return { text: 'Connected · Live', tone: 'ok' };
  if (s.unsaved > 0 || s.waiting > 0) return { text: 'Saving…', tone: 'busy' };
  return { text: 'Connected · Saved', tone: 'ok' };
}

const DOT = { ok: 'bg-emerald-500', busy: 'bg-amber-400 animate-pulse', warn: 'bg-red-500' } as const;

export function ConnectionStatus({ status, canEdit }: { status: SyncStatus; canEdit: boolean }) {
  const { text, tone } = describeStatus(status, canEdit);
  return (
    <div className="flex items-center gap-2 text-xs text-secondary">
      <span className={cx('size-2 shrink-0 rounded-full', DOT[tone])} aria-hidden="true" />
      <span role="status" aria-live="polite" data-testid="connection-status">
        {text}
      </span>
      {status.denied && canEdit && (
        <span role="alert" className="text-red-600 dark:text-red-400">
          · A change was refused: {status.denied}
        </span>
      )}
    </div>
  );
}
