/**
 * Per-key serial execution in this process: calls with the same key run one after another (a failed
 * one does not block the next); different keys run concurrently. The map holds only keys with work
 * pending, so it stays as small as what is in flight.
 */
export function keyedSerial() {
  const tails = new Map<string, Promise<unknown>>();
  return function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const next = (tails.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn);
    tails.set(key, next);
    void next.finally(() => tails.get(key) === next && tails.delete(key)).catch(() => undefined);
    return next;
  };
}
