'use client';

import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Role } from '@/lib/board/types';
import type { LocalOrigin } from '@/lib/board/undo';

export interface Me {
  id: string;
  name: string;
  color: string;
}

export interface BoardContextValue {
  boardId: string;
  doc: Y.Doc;
  awareness: Awareness;
  me: Me;
  role: Role;
  /** team and owner links may edit; the view link may only read */
  canEdit: boolean;
  isOwner: boolean;
  /** tell others we are typing in the open story (clears itself after a pause) */
  signalTyping: () => void;
  openStoryId: string | null;
  openStory: (id: string | null) => void;
  /**
   * Transaction origin for this person's own edits: pass it to every op (and CollabText) so
   * Undo can take the change back. Edits without it are not undoable.
   */
  origin: LocalOrigin;
}

const BoardContext = createContext<BoardContextValue | null>(null);

export const BoardProvider = BoardContext.Provider;

export function useBoard(): BoardContextValue {
  const ctx = useContext(BoardContext);
  if (!ctx) throw new Error('useBoard must be used inside <BoardProvider>');
  return ctx;
}
