'use client';

import { useEffect, useState } from 'react';

export type Fetched<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/** Loads once per `deps` key (and again on `attempt`); a stale answer never replaces a newer one. */
export function useFetched<T>(load: () => Promise<T>, key: string, attempt: number): Fetched<T> {
  const [result, setResult] = useState<{ for: string; value: Fetched<T> } | null>(null);
  const want = `${key}\n${attempt}`;
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setResult({ for: want, value: { state: 'ready', value } }),
      (e: unknown) =>
        live && setResult({ for: want, value: { state: 'error', message: (e as Error).message } }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `want` identifies what `load` fetches
  }, [want]);
  return result && result.for === want ? result.value : { state: 'loading' };
}
