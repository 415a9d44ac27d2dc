'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { colorFor } from '@/lib/presence/identity';
import { isUserSecret, newUserSecret, userIdFor } from '@/lib/presence/user-id';

/**
 * Who this browser is: a random secret and a display name, both kept in localStorage so a person
 * keeps their id, colour and name across boards and visits. The user id is the secret's hash
 * (lib/presence/user-id.ts) — the same one the session server derives — and is used everywhere
 * this browser shows itself: awareness, notes, the session. A browser from before secrets had a
 * random id under USER_ID_KEY; it gets a secret, and its id changes once. Falls back to memory
 * when storage is unavailable (private mode), which only costs remembering.
 */
export const SECRET_KEY = 'shellboard:secret';
/** The id derived from SECRET_KEY, written back for anyone reading storage; never trusted. */
export const USER_ID_KEY = 'shellboard:userId';
export const NAME_KEY = 'shellboard:name';
export const NAME_MAX = 80;

export interface Identity {
  id: string;
  /** sent only in the session handshake; never shown or published */
  secret: string;
  name: string | null;
  color: string;
}

const memory = new Map<string, string>();
const listeners = new Set<() => void>();
let cached: Identity | null = null;

function get(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function set(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    memory.set(key, value);
  }
}

/** secret → its id, once hashed in this page (Web Crypto is async). */
const derived = new Map<string, string>();
const pending = new Set<string>();

function derive(secret: string) {
  if (pending.has(secret)) return;
  pending.add(secret);
  userIdFor(secret)
    .then((id) => {
      derived.set(secret, id);
      set(USER_ID_KEY, id);
      for (const l of listeners) l();
    })
    // Web Crypto needs a secure context (HTTPS or localhost); docs/deploy.md asks for TLS.
    .catch((err: unknown) => console.error('Shellboard: could not derive the user id', err));
}

/** null until this browser's id is derived from its secret (a moment after the first read). */
function read(): Identity | null {
  let secret = get(SECRET_KEY);
  if (!isUserSecret(secret)) {
    secret = newUserSecret();
    set(SECRET_KEY, secret);
  }
  const id = derived.get(secret);
  if (!id) {
    derive(secret);
    return null;
  }
  const raw = get(NAME_KEY)?.trim().slice(0, NAME_MAX) || null;
  if (!cached || cached.secret !== secret || cached.name !== raw)
    cached = { id, secret, name: raw, color: colorFor(id) };
  return cached;
}

function subscribe(l: () => void) {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => {
    if (e.key === NAME_KEY || e.key === SECRET_KEY) l();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

/** null during server rendering, where there is no browser identity yet. */
export function useIdentity(): { identity: Identity | null; setName: (name: string) => void } {
  const identity = useSyncExternalStore(subscribe, read, () => null);
  const setName = useCallback((name: string) => {
    set(NAME_KEY, name.trim().slice(0, NAME_MAX));
    for (const l of listeners) l();
  }, []);
  return { identity, setName };
}
