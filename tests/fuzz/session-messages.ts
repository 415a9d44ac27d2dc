import { payloads } from '../../lib/realtime/events';
import { SCALE_IDS, SCALES } from '../../lib/session/scales';
import type { Prng } from './prng';

/**
 * Event names the session fuzzer sends: every real one, plus unknown and hostile names (the client
 * library itself refuses its reserved ones, `disconnect` and the like).
 */
export const FUZZ_EVENTS = [
  ...Object.keys(payloads),
  'no:such:event',
  '__proto__',
  'constructor',
  'session:state',
  'reaction',
  'error',
  '',
];

const SCALE_VALUES = [...new Set(Object.values(SCALES).flat())];

/** A value of any shape: valid pieces, wrong types, huge strings, prototype keys, deep nesting. */
function junk(r: Prng, depth = 0): unknown {
  switch (r.int(depth > 3 ? 7 : 10)) {
    case 0:
      return null;
    case 1:
      return r.int(2) === 0;
    case 2:
      return r.pick([0, -1, 1e308, Number.NaN, 2 ** 53, 1_000, 60_000, 4 * 3_600_000 + 1]);
    case 3:
      return r.pick(SCALE_VALUES);
    case 4:
      return 'x'.repeat(r.pick([0, 1, 9, 65, 1_000, 20_000]));
    case 5:
      return r.pick(['💥', '\u0000', '"votes"', '<script>', '../..', '%E0%A4%A']);
    case 6:
      return undefined;
    case 7:
      return Array.from({ length: r.int(4) }, () => junk(r, depth + 1));
    case 8:
      return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{}}}') as unknown;
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(4) }, () => [
          r.pick(['storyId', 'scale', 'value', 'on', 'raised', 'emoji', 'durationMs', 'x']),
          junk(r, depth + 1),
        ]),
      );
  }
}

/** A payload for `event`: often a valid one (so state really changes), otherwise junk. */
export function fuzzPayload(r: Prng, event: string, storyIds: string[]): unknown {
  if (r.int(3) === 0) return junk(r);
  const story = r.pick([...storyIds, 'nosuchstory']);
  switch (event) {
    case 'focus:set':
      return { storyId: r.int(4) === 0 ? null : story };
    case 'follow:set':
      return { on: r.int(2) === 0 };
    case 'timer:start':
      return { durationMs: r.pick([1_000, 60_000, 300_000, 999, 4 * 3_600_000 + 1]) };
    case 'round:start':
      return { storyId: story, scale: r.pick([...SCALE_IDS, 'bogus']) };
    case 'round:vote':
    case 'round:accept':
      return { value: r.pick(SCALE_VALUES) };
    case 'hand:set':
      return { raised: r.int(2) === 0 };
    case 'reaction:send':
      return { emoji: r.pick(['👍', '🎉', '❤️', 'nope']) };
    default:
      return r.int(2) === 0 ? {} : undefined;
  }
}
