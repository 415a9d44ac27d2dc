import { describe, expect, it } from 'vitest';
import { parseAwareness } from './awareness';

const user = { id: 'u1', name: 'Ana', color: '#12abEF', role: 'team' };

describe('parseAwareness', () => {
  it('reads a well-formed state and drops unknown keys', () => {
    expect(parseAwareness({ user: { ...user, extra: 1 }, storyId: 's1', typing: true, junk: 'x' })).toEqual({
      user,
      storyId: 's1',
      typing: true,
    });
    expect(parseAwareness({ user, storyId: null })).toEqual({ user, storyId: null });
    expect(parseAwareness({ user })).toEqual({ user });
    const nanoidLike = { ...user, id: 'V1StGXR8_Z5jdHi6B-myT' };
    expect(parseAwareness({ user: nanoidLike })).toEqual({ user: nanoidLike });
  });

  it.each([
    ['not an object', 'hello'],
    ['an array', [user]],
    ['no user', { storyId: 's1' }],
    ['empty id', { user: { ...user, id: '' } }],
    ['long id', { user: { ...user, id: 'u'.repeat(65) } }],
    ['id outside the nanoid alphabet', { user: { ...user, id: 'a b<c>' } }],
    ['long name', { user: { ...user, name: 'x'.repeat(81) } }],
    ['bad colour', { user: { ...user, color: 'red' } }],
    ['colour with suffix', { user: { ...user, color: '#12abef00' } }],
    ['unknown role', { user: { ...user, role: 'admin' } }],
    ['numeric story id', { user, storyId: 5 }],
    ['long story id', { user, storyId: 's'.repeat(65) }],
    ['string typing', { user, typing: 'yes' }],
  ])('rejects %s', (_label, v) => {
    expect(parseAwareness(v)).toBeNull();
  });
});
