'use client';

import { useEffect, useMemo, useState } from 'react';
import type { BoardInfoResponse } from '@/lib/validation/api';
import { NameDialog } from '@/components/presence/name-dialog';
import type { Identity } from '@/components/presence/use-identity';
import { usePublishPresence } from '@/components/presence/use-publish-presence';
import type { BoardConnection } from '@/lib/realtime/sync-client';
import { LocalOrigin } from '@/lib/board/undo';
import { UndoProvider } from '@/components/undo/undo-context';
import { SinceProvider } from '@/components/since/since-context';
import { NoteAnnouncer } from '@/components/since/note-announcer';
import { BoardProvider, type BoardContextValue } from './board-context';
import { BoardView } from './board-view';
import { SessionDock } from '@/components/session/session-dock';
import { SessionProvider } from '@/components/session/session-provider';
import { ClosedScreen, reasonForClose, type GoneReason } from './closed-screen';
import { fetchBoardInfo } from './use-board-info';
import { useSyncStatus } from './use-board-connection';
import { useStoryParam } from './use-story-param';

interface Props {
  conn: BoardConnection;
  boardKey: string;
  info: BoardInfoResponse;
  identity: Identity;
  setName: (name: string) => void;
}

const RECHECK_MS = 10_000;

/** A connected board: publishes presence, provides the board context, handles the link dying. */
export function BoardLive({ conn, boardKey, info, identity, setName }: Props) {
  const status = useSyncStatus(conn);
  const [storyId, openStory] = useStoryParam();
  const [gone, setGone] = useState<GoneReason | null>(null);
  const [initialShareOpen] = useState(() => wasJustCreated(info.id));
  useEffect(() => forgetJustCreated(info.id), [info.id]);
  const role = info.role;
  const name = identity.name;
  const user = useMemo(
    () => (name ? { id: identity.id, name, color: identity.color, role } : null),
    [identity.id, identity.color, name, role],
  );
  // One origin per person and connection: the undo history tracks exactly these edits.
  const origin = useMemo(() => new LocalOrigin(identity.id), [identity.id]);
  const signalTyping = usePublishPresence(conn.provider.awareness, user, storyId);

  // A refused upgrade (key rotated or board deleted while we were away) looks like "offline" to
  // the socket; ask the API now and then, so the person gets a clear answer instead of retries.
  const offline = status.connection === 'offline';
  useEffect(() => {
    if (!offline) return;
    const t = setInterval(async () => {
      const r = await fetchBoardInfo(info.id, boardKey).catch(() => null);
      if (r?.state === 'unauthorized') setGone('bad-key');
      if (r?.state === 'not-found') setGone('not-found');
    }, RECHECK_MS);
    return () => clearInterval(t);
  }, [offline, info.id, boardKey]);

  const ctx = useMemo<BoardContextValue>(
    () => ({
      boardId: info.id,
      doc: conn.doc,
      awareness: conn.provider.awareness,
      me: { id: identity.id, name: name ?? 'Someone', color: identity.color },
      role,
      canEdit: role !== 'view',
      isOwner: role === 'owner',
      signalTyping,
      openStoryId: storyId,
      openStory,
      origin,
    }),
    [info.id, conn, identity.id, identity.color, name, role, signalTyping, storyId, openStory, origin],
  );

  if (status.closed)
    return (
      <ClosedScreen
        reason={reasonForClose(status.closed.code)}
        detail={status.closed.reason}
        boardId={info.id}
      />
    );
  if (gone) return <ClosedScreen reason={gone} boardId={info.id} />;

  return (
    <BoardProvider value={ctx}>
      <UndoProvider doc={conn.doc} origin={origin} enabled={role !== 'view'}>
        {/* The live session (focus, timer, estimation) joins once the person has a name. */}
        <SinceProvider
          doc={conn.doc}
          boardId={info.id}
          me={identity.id}
          synced={status.synced}
          openStoryId={storyId}
        >
          <SessionProvider boardKey={name ? boardKey : null} secret={identity.secret}>
            <BoardView
              title={info.title}
              links={info.links}
              status={status}
              initialShareOpen={initialShareOpen}
            />
            <SessionDock />
          </SessionProvider>
        </SinceProvider>
        <NoteAnnouncer doc={conn.doc} me={identity.id} synced={status.synced} />
        <NameDialog open={!name} onSubmit={setName} />
      </UndoProvider>
    </BoardProvider>
  );
}

/** The home page marks a board it just created, so its owner lands with the share links open. */
export const JUST_CREATED_KEY = 'shellboard:justCreated';

function wasJustCreated(boardId: string): boolean {
  try {
    return window.sessionStorage.getItem(JUST_CREATED_KEY) === boardId;
  } catch {
    return false;
  }
}

function forgetJustCreated(boardId: string): void {
  try {
    if (wasJustCreated(boardId)) window.sessionStorage.removeItem(JUST_CREATED_KEY);
  } catch {
    // storage unavailable: nothing was remembered either
  }
}
