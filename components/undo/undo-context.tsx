'use client';

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { createUndoManager, type LocalOrigin } from '@/lib/board/undo';

export interface UndoControls {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

const UndoContext = createContext<UndoControls | null>(null);

/** This person's undo history for the board (only their own changes; see lib/board/undo.ts). */
export function UndoProvider({
  doc,
  origin,
  enabled,
  children,
}: {
  doc: Y.Doc;
  origin: LocalOrigin;
  /** view links make no changes, so they get no history */
  enabled: boolean;
  children: ReactNode;
}) {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [state, setState] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    if (!enabled) return;
    const um = createUndoManager(doc, origin);
    const sync = () => setState({ canUndo: um.canUndo(), canRedo: um.canRedo() });
    for (const ev of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) um.on(ev, sync);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the manager is an external resource created on mount
    setManager(um);
    return () => {
      um.destroy();
      setManager(null);
      setState({ canUndo: false, canRedo: false });
    };
  }, [doc, origin, enabled]);

  const value = useMemo<UndoControls>(
    () => ({
      undo: () => {
        manager?.undo();
      },
      redo: () => {
        manager?.redo();
      },
      canUndo: state.canUndo,
      canRedo: state.canRedo,
    }),
    [manager, state],
  );
  return <UndoContext.Provider value={value}>{children}</UndoContext.Provider>;
}

const NONE: UndoControls = { undo: () => undefined, redo: () => undefined, canUndo: false, canRedo: false };

export function useUndo(): UndoControls {
  return useContext(UndoContext) ?? NONE;
}
