import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import { PresenceView } from './presence-view';

const user = (id: string, name: string) => ({ id, name, color: '#336699', role: 'team' as const });

/** Our awareness plus remote peers' states, delivered as real awareness updates. */
function room() {
  const mine = new Awareness(new Y.Doc());
  const others: Awareness[] = [];
  const join = (id: string, name: string, storyId: string | null) => {
    const a = new Awareness(new Y.Doc());
    a.setLocalState({ user: user(id, name), storyId, typing: false });
    others.push(a);
    sync(a);
    return a;
  };
  const sync = (a: Awareness) => applyAwarenessUpdate(mine, encodeAwarenessUpdate(a, [a.clientID]), 'remote');
  const leave = (a: Awareness) => {
    a.setLocalState(null);
    sync(a);
  };
  return { mine, others, join, sync, leave };
}

let open: Awareness[] = [];
afterEach(() => {
  open.forEach((a) => a.destroy());
  open = [];
});

describe('presence view', () => {
  it('a typing indicator on one story changes only that story’s people; the list keeps other objects', () => {
    const r = room();
    r.mine.setLocalState({ user: user('me', 'Me'), storyId: 'A', typing: false });
    const ana = r.join('ana', 'Ana', 'A');
    const bo = r.join('bo', 'Bo', 'B');
    open = [r.mine, ...r.others];
    const v = PresenceView.of(r.mine);
    const onA = v.peopleOn('A');
    const onB = v.peopleOn('B');
    const onC = v.peopleOn('C');
    expect(onA.map((p) => p.user.name)).toEqual(['Me', 'Ana']);
    expect(onB.map((p) => p.user.name)).toEqual(['Bo']);
    expect(onC).toHaveLength(0);

    let heard = 0;
    v.subscribe(() => (heard += 1));
    ana.setLocalStateField('typing', true);
    r.sync(ana);
    expect(heard).toBe(1);
    expect(v.peopleOn('A')).not.toBe(onA);
    expect(v.peopleOn('A').find((p) => p.user.id === 'ana')!.typing).toBe(true);
    expect(v.peopleOn('B')).toBe(onB);
    expect(v.peopleOn('C')).toBe(onC);

    // the same state sent again (a heartbeat) tells nobody
    r.sync(ana);
    expect(heard).toBe(1);

    bo.setLocalStateField('storyId', 'A');
    r.sync(bo);
    expect(v.peopleOn('B')).toHaveLength(0);
    expect(v.peopleOn('A').map((p) => p.user.name)).toEqual(['Me', 'Ana', 'Bo']);
    r.leave(ana);
    expect(v.peopleOn('A').map((p) => p.user.name)).toEqual(['Me', 'Bo']);
    expect(v.uniquePeople().map((p) => p.user.name)).toEqual(['Me', 'Bo']);
  });

  it('one person in two tabs is one entry, typing from either tab; bad states are ignored', () => {
    const r = room();
    const tab1 = r.join('ana', 'Ana', 'A');
    r.join('ana', 'Ana', 'A');
    open = [r.mine, ...r.others];
    const v = PresenceView.of(r.mine);
    expect(v.peers()).toHaveLength(2);
    expect(v.uniquePeople()).toHaveLength(1);
    tab1.setLocalStateField('typing', true);
    r.sync(tab1);
    expect(v.peopleOn('A')).toEqual([expect.objectContaining({ typing: true })]);

    const bad = new Awareness(new Y.Doc());
    open.push(bad);
    bad.setLocalState({ user: { id: '', name: 'x'.repeat(500), color: 'red', role: 'god' } });
    r.sync(bad);
    expect(v.peers()).toHaveLength(2);
  });
});
