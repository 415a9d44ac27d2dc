import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/**
 * Tracker tokens at rest: AES-256-GCM with the board id as associated data (a sealed token copied to
 * another board's row does not open). The key comes from TRACKER_SECRET or, on the embedded default
 * (SQLite, one process), from a key file generated once in the data directory with mode 0600.
 * Scaled out (DATABASE_URL) without TRACKER_SECRET there is no key: instances must share one.
 */
export interface TokenSealer {
  seal(boardId: string, token: string): string;
  /** Throws when the sealed value was not made with this key for this board. */
  open(boardId: string, sealed: string): string;
}

const VERSION = 'v1';
export const KEY_FILE = 'tracker-secret.key';

export function createSealer(key: Buffer): TokenSealer {
  if (key.length !== 32) throw new Error('tracker key must be 32 bytes');
  return {
    seal(boardId, token) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from(boardId, 'utf8'));
      const ct = Buffer.concat([c.update(token, 'utf8'), c.final()]);
      return [VERSION, iv, c.getAuthTag(), ct]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(boardId, sealed) {
      const [v, iv, tag, ct] = sealed.split('.');
      if (v !== VERSION || !iv || !tag || ct === undefined) throw new Error('not a sealed tracker token');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAAD(Buffer.from(boardId, 'utf8'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    },
  };
}

/** A 32-byte key from TRACKER_SECRET (any text of 32+ characters), by HKDF-SHA-256. */
export function keyFromSecret(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'shellboard', 'tracker-token-v1', 32));
}

/** The key file's key, created (exclusively, 0600) on first use; a concurrent creator's file wins. */
export function keyFromFile(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const hex = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file} is not a tracker key (64 hex digits)`);
  return Buffer.from(hex, 'hex');
}

/** This deployment's sealer, or null when scaled out without TRACKER_SECRET (PUT /tracker → 503). */
export function sealerFor(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'trackers'>): TokenSealer | null {
  if (config.trackers.secret) return createSealer(keyFromSecret(config.trackers.secret));
  if (config.databaseUrl) return null;
  return createSealer(keyFromFile(config.dataDir));
}
