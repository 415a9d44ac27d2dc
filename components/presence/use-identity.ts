'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { nanoid } from 'nanoid';
import { colorFor } from '@/lib/presence/identity';
import { isUserId } from '@/lib/validation/awareness';

/**
 * Who this browser is: a stable random user id and a display name, both kept in localStorage so
 * a person keeps their colour and name across boards and visits. Falls back to memory when storage
 * is unavailable (private mode), which only costs remembering.
 */
export const USER_ID_KEY = 'shellboard:userId';
export const NAME_KEY = 'shellboard:name';
export const NAME_MAX = 80;

export interface Identity {
  id: string;
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

function read(): Identity {
  let id = get(USER_ID_KEY);
  if (!isUserId(id)) {
    id = nanoid();
    set(USER_ID_KEY, id);
  }
  const raw = get(NAME_KEY)?.trim().slice(0, NAME_MAX) || null;
  if (!cached || cached.id !== id || cached.name !== raw) cached = { id, name: raw, color: colorFor(id) };
  return cached;
}

function subscribe(l: () => void) {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => {
    if (e.key === NAME_KEY || e.key === USER_ID_KEY) l();
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
