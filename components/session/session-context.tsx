'use client';

import { createContext, useContext } from 'react';
import type { Ack, ClientEvent, Payload, SessionState } from '@/lib/realtime/events';
import type { SessionClient } from '@/lib/realtime/session-client';

export interface SessionContextValue {
  client: SessionClient | null;
  state: SessionState | null;
  offset: number;
  connected: boolean;
  /** what the dock says about the connection (null while connected) */
  statusText: string | null;
  follow: boolean;
  setFollow: (on: boolean) => void;
  /** sends an event; a refusal is reported to the person, never thrown */
  /** the last refusal, shown in a live region */
  error: string | null;
  call: <E extends ClientEvent>(event: E, payload: Payload<E>) => Promise<Ack>;
}

const SessionContext = createContext<SessionContextValue | null>(null);
export const SessionContextProvider = SessionContext.Provider;

/** null outside a session (e.g. before it connects): callers render nothing session-related. */
export function useSessionContext(): SessionContextValue | null {
  return useContext(SessionContext);
}
