import { emptySession, type BoardSession } from './logic';

/**
 * Where session state lives. In memory for one instance; the interface is async and
 * update-shaped (read-modify-write under the store's own atomicity) so a Redis implementation
 * can take over for several instances.
 */
export interface SessionStore {
  get(boardId: string): Promise<BoardSession>;
  /** Applies `fn` atomically; when it returns null nothing is written. */
  update<T>(
    boardId: string,
    fn: (s: BoardSession) => { session: BoardSession; result: T } | { result: T; session?: undefined },
  ): Promise<T>;
  delete(boardId: string): Promise<void>;
}

export class MemorySessionStore implements SessionStore {
  private sessions = new Map<string, BoardSession>();

  async get(boardId: string): Promise<BoardSession> {
    return this.sessions.get(boardId) ?? emptySession();
  }

  async update<T>(
    boardId: string,
    fn: (s: BoardSession) => { session: BoardSession; result: T } | { result: T; session?: undefined },
  ): Promise<T> {
    // Synchronous read-modify-write: atomic within this process.
    const out = fn(this.sessions.get(boardId) ?? emptySession());
    if (out.session) this.sessions.set(boardId, out.session);
    return out.result;
  }

  async delete(boardId: string): Promise<void> {
    this.sessions.delete(boardId);
  }
}
