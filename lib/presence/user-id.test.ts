import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isUserId } from '../validation/awareness';
import { USER_SECRET_LENGTH, isUserSecret, newUserSecret, sha256Fallback, userIdFor } from './user-id';

describe('userIdFor', () => {
  it('is base64url SHA-256 of the secret, the same as Node computes it', async () => {
    for (const secret of ['a'.repeat(22), newUserSecret(), 'Z_-9'.repeat(32)]) {
      expect(await userIdFor(secret)).toBe(createHash('sha256').update(secret).digest('base64url'));
    }
  });

  it('gives a plain 43-character id that passes isUserId', async () => {
    const id = await userIdFor(newUserSecret());
    expect(id).toHaveLength(43);
    expect(isUserId(id)).toBe(true);
  });

  it('is stable for one secret and differs between secrets', async () => {
    const s = newUserSecret();
    expect(await userIdFor(s)).toBe(await userIdFor(s));
    const ids = new Set(await Promise.all(Array.from({ length: 200 }, () => userIdFor(newUserSecret()))));
    expect(ids.size).toBe(200);
    // One character apart is a different person.
    expect(await userIdFor(`${s.slice(0, -1)}${s.endsWith('a') ? 'b' : 'a'}`)).not.toBe(await userIdFor(s));
  });

  it('an id is not a secret for itself: hashing a public id gives someone else', async () => {
    const id = await userIdFor(newUserSecret());
    expect(await userIdFor(id)).not.toBe(id);
  });
});

describe('without Web Crypto (plain http)', () => {
  it('the fallback hash equals Web Crypto, so a browser on http gets the same id', async () => {
    for (const secret of ['a'.repeat(22), newUserSecret(), 'ü€😀'.repeat(10)]) {
      const bytes = new TextEncoder().encode(secret);
      const web = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      expect(await sha256Fallback(bytes)).toEqual(web);
    }
  });

  it('userIdFor uses it when crypto.subtle is missing', async () => {
    const secret = newUserSecret();
    const expected = createHash('sha256').update(secret).digest('base64url');
    const real = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', {
      value: { getRandomValues: real.getRandomValues.bind(real) },
      configurable: true,
    });
    try {
      expect(globalThis.crypto.subtle).toBeUndefined();
      expect(await userIdFor(secret)).toBe(expected);
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: real, configurable: true });
    }
  });
});

describe('secrets', () => {
  it('are random nanoid strings of 192 bits that pass isUserSecret', () => {
    const s = newUserSecret();
    expect(s).toHaveLength(USER_SECRET_LENGTH);
    expect(isUserSecret(s)).toBe(true);
    expect(newUserSecret()).not.toBe(s);
  });

  it.each([['short'], ['a'.repeat(21)], ['a'.repeat(129)], ['has space in it 1234567890'], [42], [null]])(
    'refuses %j',
    (v) => expect(isUserSecret(v)).toBe(false),
  );
});
