import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Config } from '../config';
import type { Logger } from '../log';
import { MemorySessionStore, type SessionStore } from '../sessions/store';
import { RedisSessionStore } from '../sessions/redis-store';
import { RedisFanout, type Fanout } from './fanout';

/** Everything that changes when REDIS_URL is set: fan-out, shared session state, socket.io adapter. */
export interface Scale {
  fanout?: Fanout;
  sessionStore: SessionStore;
  socketAdapter?: ReturnType<typeof createAdapter>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function createScale(config: Config, log: Logger): Scale {
  if (!config.redisUrl) {
    return {
      sessionStore: new MemorySessionStore(),
      ping: async () => undefined,
      close: async () => undefined,
    };
  }
  const url = config.redisUrl;
  const fanout = new RedisFanout(url, config.instanceId, log.child({ part: 'fanout' }));
  const data = new Redis(url, { maxRetriesPerRequest: 2 });
  const adapterPub = new Redis(url);
  const adapterSub = new Redis(url);
  for (const r of [data, adapterPub, adapterSub]) r.on('error', () => undefined); // reported by fanout
  return {
    fanout,
    sessionStore: new RedisSessionStore(data),
    socketAdapter: createAdapter(adapterPub, adapterSub, { requestsTimeout: 2000 }),
    ping: async () => {
      await fanout.ping();
    },
    close: async () => {
      await fanout.close();
      for (const r of [data, adapterPub, adapterSub]) r.disconnect();
    },
  };
}
