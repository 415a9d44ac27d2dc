import { nanoid } from 'nanoid';

/**
 * Session identities that a client cannot forge for another person. Each browser holds a random
 * secret (never shown to anyone else); its public user id is SHA-256 of that secret, base64url —
 * 43 characters, inside `isUserId`'s bounds (lib/validation/awareness.ts). The server derives the
 * id from the secret in the session handshake and ignores any id a client claims, so voting as
 * someone means knowing their secret. Two different secrets cannot share an id short of a
 * SHA-256 collision. Web Crypto, so the browser computes the same id for its presence and notes.
 */

/** What a secret may look like: nanoid's alphabet, at least 22 characters (≥ 128 random bits). */
export const USER_SECRET = /^[A-Za-z0-9_-]{22,128}$/;
/** 32 nanoid characters: 192 random bits. */
export const USER_SECRET_LENGTH = 32;

export function isUserSecret(v: unknown): v is string {
  return typeof v === 'string' && USER_SECRET.test(v);
}

export function newUserSecret(): string {
  return nanoid(USER_SECRET_LENGTH);
}

/** The public user id of a secret: base64url(SHA-256(secret)), no padding. */
export async function userIdFor(secret: string): Promise<string> {
  const bytes = new TextEncoder().encode(secret);
  // Web Crypto exists only in a secure context (HTTPS, localhost); on plain http — a phone on the
  // LAN opening a dev server's QR link — the same hash comes from a small audited library, loaded
  // only then so it costs the first-load bundle nothing.
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle ? new Uint8Array(await subtle.digest('SHA-256', bytes)) : await sha256Fallback(bytes);
  return base64url(digest);
}

/** The fallback alone, exported so it is tested against Web Crypto. */
export async function sha256Fallback(bytes: Uint8Array): Promise<Uint8Array> {
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return sha256(bytes);
}

function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
