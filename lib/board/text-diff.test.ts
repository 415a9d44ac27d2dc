import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChange, diffText, transformIndex, transformSelection, type DeltaOp } from './text-diff';

describe('diffText', () => {
  it('returns null for equal strings', () => {
    expect(diffText('abc', 'abc')).toBeNull();
  });

  it('finds a single insertion, deletion and replacement', () => {
    expect(diffText('helo', 'hello')).toEqual({ index: 3, remove: 0, insert: 'l' });
    expect(diffText('hello', 'hllo')).toEqual({ index: 1, remove: 1, insert: '' });
    expect(diffText('the cat sat', 'the dog sat')).toEqual({ index: 4, remove: 3, insert: 'dog' });
    expect(diffText('', 'new')).toEqual({ index: 0, remove: 0, insert: 'new' });
    expect(diffText('gone', '')).toEqual({ index: 0, remove: 4, insert: '' });
  });

  it('uses the caret to place an insertion inside a run of repeated characters', () => {
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('abab', 'ababab', 4)).toEqual({ index: 2, remove: 0, insert: 'ab' });
  });

  it('never splits a surrogate pair', () => {
    const c = diffText('a😀b', 'a😃b');
    expect(c).toEqual({ index: 1, remove: 2, insert: '😃' });
    const d = diffText('\uD83D\uDE00', '\uD83C\uDE00');
    expect(d).toEqual({ index: 0, remove: 2, insert: '\uD83C\uDE00' });
  });

  it('round-trips through applyChange on random edits', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = 'aab c😀\n';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let i = 0; i < 500; i++) {
      const prev = word(rnd(12));
      const at = rnd(prev.length + 1);
      const next = prev.slice(0, at) + word(rnd(4)) + prev.slice(at + rnd(3));
      expect(applyChange(prev, diffText(prev, next))).toBe(next);
      expect(applyChange(prev, diffText(prev, next, rnd(next.length + 1)))).toBe(next);
    }
  });
});

describe('transformIndex', () => {
  const delta = (ops: DeltaOp[]) => ops;

  it('shifts a caret after an insertion before it', () => {
    expect(transformIndex(5, delta([{ retain: 2 }, { insert: 'xyz' }]))).toBe(8);
  });

  it('keeps a caret before an insertion after it or exactly at it', () => {
    expect(transformIndex(2, delta([{ retain: 4 }, { insert: 'xyz' }]))).toBe(2);
    expect(transformIndex(4, delta([{ retain: 4 }, { insert: 'xyz' }]))).toBe(4);
    expect(transformIndex(4, delta([{ retain: 4 }, { insert: 'xyz' }]), true)).toBe(7);
  });

  it('pulls a caret back over deleted text and clamps inside a deletion', () => {
    expect(transformIndex(6, delta([{ retain: 1 }, { delete: 2 }]))).toBe(4);
    expect(transformIndex(2, delta([{ retain: 1 }, { delete: 3 }]))).toBe(1);
    expect(transformIndex(0, delta([{ delete: 3 }]))).toBe(0);
  });

  it('handles a delete followed by an insert (replacement) and a leading insert', () => {
    expect(transformIndex(10, delta([{ retain: 2 }, { delete: 3 }, { insert: 'ab' }]))).toBe(9);
    expect(transformIndex(3, delta([{ insert: 'hi ' }]))).toBe(6);
  });

  it('transforms a selection', () => {
    expect(transformSelection(2, 6, delta([{ retain: 4 }, { insert: '!!' }]))).toEqual({ start: 2, end: 8 });
    expect(transformSelection(3, 3, delta([{ insert: 'x' }]))).toEqual({ start: 4, end: 4 });
  });

  it('matches the deltas Yjs produces', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'hello world');
    let seen: DeltaOp[] = [];
    text.observe((e) => {
      seen = e.delta as DeltaOp[];
    });
    doc.transact(() => {
      text.delete(0, 6);
      text.insert(0, 'big ');
    });
    // caret was before "world" (index 6): "hello " replaced by "big " puts it at 4
    expect(transformIndex(6, seen)).toBe(4);
    expect(text.toString()).toBe('big world');
  });
});

describe('concurrent typing through diffText', () => {
  it('two replicas typing into the same text lose no characters', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && pending.push(['b', u]));
    b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && pending.push(['a', u]));
    const pending: ['a' | 'b', Uint8Array][] = [];
    const ta = a.getText('title');
    const tb = b.getText('title');
    ta.insert(0, 'Title');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    pending.length = 0;
    // Each replica types its own letters at the end of what it currently sees, as the input would.
    const type = (t: Y.Text, ch: string) => {
      const prev = t.toString();
      const c = diffText(prev, prev + ch, prev.length + 1);
      t.doc?.transact(() => {
        if (!c) return;
        if (c.remove) t.delete(c.index, c.remove);
        if (c.insert) t.insert(c.index, c.insert);
      });
    };
    const sent = { a: '', b: '' };
    for (let i = 0; i < 40; i++) {
      type(ta, 'x');
      sent.a += 'x';
      type(tb, 'Y');
      sent.b += 'Y';
      // deliver only some of the time, so edits are genuinely concurrent
      if (i % 3 === 0)
        for (const [to, u] of pending.splice(0)) Y.applyUpdate(to === 'a' ? a : b, u, 'remote');
    }
    for (const [to, u] of pending.splice(0)) Y.applyUpdate(to === 'a' ? a : b, u, 'remote');
    expect(ta.toString()).toBe(tb.toString());
    const final = ta.toString();
    expect(final.startsWith('Title')).toBe(true);
    expect([...final].filter((c) => c === 'x').length).toBe(40);
    expect([...final].filter((c) => c === 'Y').length).toBe(40);
  });
});
