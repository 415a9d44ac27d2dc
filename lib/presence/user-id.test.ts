import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isUserId } from '../validation/awareness';
import { USER_SECRET_LENGTH, isUserSecret, newUserSecret, userIdFor } from './user-id';

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
