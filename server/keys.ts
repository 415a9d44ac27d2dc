import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { Role } from '../lib/board/types';

/**
 * Share-link keys: 192 random bits, url-safe. The store keeps only SHA-256 hashes for the gate,
 * plus the team and view keys sealed (AES-256-GCM) under a key derived from the owner key, so an
 * owner can see every link from any device while nothing usable sits in the database in clear.
 */
export function newKey(): string {
  return randomBytes(24).toString('base64url');
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface KeyHashes {
  owner: string;
  team: string;
  view: string;
}

export function roleForKey(hashes: KeyHashes, key: string | null | undefined): Role | null {
  if (!key) return null;
  const h = Buffer.from(hashKey(key), 'hex');
  for (const role of ['owner', 'team', 'view'] as const) {
    const stored = Buffer.from(hashes[role], 'hex');
    if (stored.length === h.length && timingSafeEqual(stored, h)) return role;
  }
  return null;
}

function sealKey(ownerKey: string, boardId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ownerKey, boardId, 'shellboard sealed links v1', 32));
}

export interface SharedKeys {
  team: string;
  view: string;
}

export function sealLinks(ownerKey: string, boardId: string, keys: SharedKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(ownerKey, boardId), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(keys), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openLinks(ownerKey: string, boardId: string, sealed: string): SharedKeys | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', sealKey(ownerKey, boardId), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const v = JSON.parse(text) as Partial<SharedKeys>;
    return typeof v.team === 'string' && typeof v.view === 'string' ? { team: v.team, view: v.view } : null;
  } catch {
    return null;
  }
}
