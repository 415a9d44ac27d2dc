import { Redis } from 'ioredis';
import type { Logger } from '../log';

/**
 * Cross-instance fan-out over Redis pub/sub: one channel per board carrying updates this instance
 * has already stored, and awareness changes. Frames are binary:
 * [kind: 1 byte][sender instance id: 8 bytes][payload].
 */
export type FanoutKind = 'update' | 'awareness';
export interface FanoutMessage {
  kind: FanoutKind;
  from: string;
  payload: Uint8Array;
}
export type FanoutHandler = (m: FanoutMessage) => void;

export interface Fanout {
  readonly instanceId: string;
  subscribe(boardId: string, handler: FanoutHandler): Promise<() => Promise<void>>;
  publish(boardId: string, kind: FanoutKind, payload: Uint8Array): void;
  /** Called when Redis comes back after an outage: rooms re-sync from the store. */
  onRecover(cb: () => void): void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const channel = (boardId: string) => `shellboard:board:${boardId}`;
const KINDS: FanoutKind[] = ['update', 'awareness'];

export function encodeFrame(kind: FanoutKind, from: string, payload: Uint8Array): Buffer {
  return Buffer.concat([Buffer.of(KINDS.indexOf(kind)), Buffer.from(from, 'hex'), payload]);
}

export function decodeFrame(buf: Buffer): FanoutMessage | null {
  const kind = KINDS[buf[0] ?? 255];
  if (!kind || buf.length < 9) return null;
  return { kind, from: buf.subarray(1, 9).toString('hex'), payload: new Uint8Array(buf.subarray(9)) };
}

export class RedisFanout implements Fanout {
  private pub: Redis;
  private sub: Redis;
  private handlers = new Map<string, Set<FanoutHandler>>();
  private recoverCbs: (() => void)[] = [];
  private down = false;

  constructor(
    url: string,
    readonly instanceId: string,
    private readonly log: Logger,
  ) {
    // Publishing while Redis is down must fail fast (and be logged), not queue up unboundedly.
    this.pub = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    this.sub = new Redis(url, { maxRetriesPerRequest: null });
    for (const [name, r] of [
      ['pub', this.pub],
      ['sub', this.sub],
    ] as const) {
      r.on('error', (err: Error) => {
        if (!this.down)
          this.log.error({ err: err.message, conn: name }, 'redis unavailable: serving local clients only');
        this.down = true;
      });
    }
    this.sub.on('ready', () => {
      if (!this.down) return;
      this.down = false;
      this.log.warn('redis is back: re-syncing rooms from the store');
      for (const cb of this.recoverCbs) cb();
    });
    this.sub.on('messageBuffer', (ch: Buffer, message: Buffer) => {
      const boardId = ch.toString().slice('shellboard:board:'.length);
      const m = decodeFrame(message);
      if (!m || m.from === this.instanceId) return;
      for (const h of this.handlers.get(boardId) ?? []) h(m);
    });
  }

  async subscribe(boardId: string, handler: FanoutHandler): Promise<() => Promise<void>> {
    let set = this.handlers.get(boardId);
    if (!set) {
      set = new Set();
      this.handlers.set(boardId, set);
      await this.sub.subscribe(channel(boardId));
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(boardId) === set) {
        this.handlers.delete(boardId);
        await this.sub.unsubscribe(channel(boardId)).catch(() => undefined);
      }
    };
  }

  publish(boardId: string, kind: FanoutKind, payload: Uint8Array): void {
    this.pub.publish(channel(boardId), encodeFrame(kind, this.instanceId, payload)).catch((err: Error) => {
      if (!this.down) this.log.error({ err: err.message, boardId }, 'redis publish failed');
      this.down = true;
    });
  }

  onRecover(cb: () => void): void {
    this.recoverCbs.push(cb);
  }

  async ping(): Promise<void> {
    await this.pub.ping();
  }

  async close(): Promise<void> {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
