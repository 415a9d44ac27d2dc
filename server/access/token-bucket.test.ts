import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  afterEach(() => vi.useRealTimers());

  it('allows a burst, then refills at the sustained rate, never above the burst', () => {
    vi.useFakeTimers({ now: 0 });
    const b = new TokenBucket(2, 3);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    vi.advanceTimersByTime(500); // 2/s → one token
    expect([b.take(), b.take()]).toEqual([true, false]);
    vi.advanceTimersByTime(60_000);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    expect(b.take(0)).toBe(true);
  });
});
