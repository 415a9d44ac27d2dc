import { Redis } from 'ioredis';
import { z } from 'zod';
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

/**
 * A revocation, told to every instance on one global channel (JSON): a link rotated (the key with
 * `keyHash` no longer opens the board) or the board deleted.
 */
export const revocationSchema = z.discriminatedUnion('kind', [
  z.object({
    boardId: z.string().min(1).max(200),
    kind: z.literal('rotated'),
    role: z.enum(['owner', 'team', 'view']),
    keyHash: z.string().min(1).max(200),
  }),
  z.object({ boardId: z.string().min(1).max(200), kind: z.literal('deleted') }),
]);
export type Revocation = z.infer<typeof revocationSchema>;
const revocationFrame = z.object({ from: z.string(), revocation: revocationSchema });

export interface Fanout {
  readonly instanceId: string;
  subscribe(boardId: string, handler: FanoutHandler): Promise<() => Promise<void>>;
  publish(boardId: string, kind: FanoutKind, payload: Uint8Array): void;
  /** Tells every other instance (theirs is called, not this one's). Resolves once Redis took it. */
  publishRevocation(r: Revocation): Promise<void>;
  onRevocation(cb: (r: Revocation) => void): void;
  /** Called when Redis comes back after an outage: rooms re-sync from the store. */
  onRecover(cb: () => void): void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const channel = (boardId: string) => `shellboard:board:${boardId}`;
const REVOCATIONS = 'shellboard:revocations';
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
  private revocationCbs: ((r: Revocation) => void)[] = [];
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
    void this.sub
      .subscribe(REVOCATIONS)
      .catch((err: Error) => this.log.error({ err: err.message }, 'revocation channel subscribe failed'));
    this.sub.on('messageBuffer', (ch: Buffer, message: Buffer) => {
      if (ch.toString() === REVOCATIONS) return this.revoked(message);
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

  async publishRevocation(r: Revocation): Promise<void> {
    try {
      await this.pub.publish(REVOCATIONS, JSON.stringify({ from: this.instanceId, revocation: r }));
    } catch (err) {
      this.log.error({ err: (err as Error).message, boardId: r.boardId }, 'revocation publish failed');
    }
  }

  onRevocation(cb: (r: Revocation) => void): void {
    this.revocationCbs.push(cb);
  }

  private revoked(message: Buffer) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.toString());
    } catch {
      parsed = null;
    }
    const frame = revocationFrame.safeParse(parsed);
    if (!frame.success) return this.log.error('bad revocation message');
    if (frame.data.from === this.instanceId) return;
    for (const cb of this.revocationCbs) cb(frame.data.revocation);
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
