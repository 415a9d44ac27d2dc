import { describe, expect, it } from 'vitest';
import { RoomAttendees } from './room-attendees';

const state = (id: string, name = id) => ({ user: { id, name, color: '#000000', role: 'team' } });
const names = (a: RoomAttendees) => [...a.values()].map((x) => x.name);

describe('RoomAttendees', () => {
  it('keeps one entry per nanoid-like id and ignores ids that are long or outside the alphabet', () => {
    const a = new RoomAttendees(500);
    a.seen(1, state('V1StGXR8_Z5jdHi6B-myT', 'Ana'));
    a.seen(2, state('V1StGXR8_Z5jdHi6B-myT', 'Ana'));
    a.seen(3, state('x'.repeat(65)));
    a.seen(4, state('x'.repeat(8192)));
    a.seen(5, state('has space'));
    a.seen(6, { user: { id: 'noname' } });
    a.seen(7, null);
    expect(names(a)).toEqual(['Ana']);
  });

  it('stays within its cap while one client cycles fresh ids, dropping the longest-departed first', () => {
    const a = new RoomAttendees(10);
    a.seen(100, state('stays', 'Paula'));
    for (let i = 0; i < 5000; i++) a.seen(1, state(`cycled${i}`), 1000 + i);
    expect(a.size).toBe(10);
    // Paula is still present (her state never left), so the departed cycled ids went instead.
    expect(names(a)).toContain('Paula');
    expect(names(a)).toContain('cycled4999');
    expect(names(a)).not.toContain('cycled0');
  });

  it('forgets departed people after the retention window, not present ones', () => {
    const day = 1000;
    const a = new RoomAttendees(500, day);
    a.seen(1, state('gone', 'Gone'), 0);
    a.seen(2, state('here', 'Here'), 0);
    a.gone(1, 10);
    expect(names(a)).toEqual(['Here', 'Gone']);
    a.seen(3, state('late', 'Late'), 10 + day); // just inside the window
    expect(names(a)).toEqual(['Here', 'Gone', 'Late']);
    a.seen(4, state('later', 'Later'), 11 + day);
    expect(names(a)).toEqual(['Here', 'Late', 'Later']);
  });

  it('runs the window from departure: someone who left at the end of a long session is kept', () => {
    const a = new RoomAttendees(500, 1000);
    a.seen(1, state('long', 'Long'), 0);
    a.seen(2, state('long', 'Long'), 0); // a second tab
    a.gone(1, 5000);
    a.seen(3, state('x', 'X'), 5500);
    expect(names(a)).toContain('Long'); // still present in tab 2
    a.gone(2, 6000);
    a.seen(4, state('y', 'Y'), 6500);
    expect(names(a)).toContain('Long');
    a.seen(5, state('z', 'Z'), 7001);
    expect(names(a)).not.toContain('Long');
  });
});
