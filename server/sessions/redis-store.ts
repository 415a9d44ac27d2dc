import type { Redis } from 'ioredis';
import { emptySession, type BoardSession } from './logic';
import type { SessionStore } from './store';

const TTL_SECONDS = 7 * 24 * 3600;
// Compare-and-set: write only if nobody changed the session since we read it.
const CAS = `
local cur = redis.call('GET', KEYS[1])
if (cur == false and ARGV[1] == '') or cur == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0`;

/**
 * Session state shared by every instance. Updates are optimistic read-modify-write with a Lua
 * compare-and-set, so two owners on two instances cannot interleave into a corrupt round; the
 * loser retries against the winner's state. Votes stay here, server-side, like in memory.
 */
export class RedisSessionStore implements SessionStore {
  constructor(private readonly redis: Redis) {}

  private key(boardId: string) {
    return `shellboard:session:${boardId}`;
  }

  async get(boardId: string): Promise<BoardSession> {
    const raw = await this.redis.get(this.key(boardId));
    return raw ? (JSON.parse(raw) as BoardSession) : emptySession();
  }

  async update<T>(
    boardId: string,
    fn: (s: BoardSession) => { session: BoardSession; result: T } | { result: T; session?: undefined },
  ): Promise<T> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const raw = (await this.redis.get(this.key(boardId))) ?? '';
      const out = fn(raw ? (JSON.parse(raw) as BoardSession) : emptySession());
      if (!out.session) return out.result;
      const written = await this.redis.eval(
        CAS,
        1,
        this.key(boardId),
        raw,
        JSON.stringify(out.session),
        TTL_SECONDS,
      );
      if (written === 1) return out.result;
    }
    throw new Error('session update contention: gave up after 50 attempts');
  }

  async delete(boardId: string): Promise<void> {
    await this.redis.del(this.key(boardId));
  }
}
