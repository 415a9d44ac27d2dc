import { afterAll, afterEach, beforeAll } from 'vitest';
import { startServer, type TestServer } from './server';

type StartArgs = Parameters<typeof startServer>;

/** A test file's server: read it like a `TestServer`; `start` (re)starts it with other settings. */
export interface TestServerHandle extends TestServer {
  start(...args: StartArgs): Promise<TestServer>;
}

export interface UseTestServerOptions {
  /** settings of the server started before the file's first test (not with `perTest`) */
  env?: Record<string, string>;
  /** a fresh server in every test, started by the test (`await srv.start(env)`) */
  perTest?: boolean;
  /** runs before every close, e.g. `destroyAll` so no client reconnects to a closing server */
  beforeClose?: () => void;
}

/**
 * Registers the file's server and its teardown: one server for the whole file (started in
 * `beforeAll`, closed in `afterAll`), or with `perTest` one per test, closed after each test.
 * Call it at the top level of the test file.
 */
export function useTestServer(options: UseTestServerOptions = {}): TestServerHandle {
  let current: TestServer | null = null;
  const need = (): TestServer => {
    if (current) return current;
    throw new Error(
      options.perTest ? 'no server yet: `await srv.start()` first' : 'the server is not running',
    );
  };
  const start = async (...args: StartArgs) => {
    if (current) throw new Error('the test server is already running: close it first');
    current = await startServer(...args);
    return current;
  };
  const close = async () => {
    options.beforeClose?.();
    const s = current;
    current = null;
    await s?.close();
  };
  if (options.perTest) {
    afterEach(close);
  } else {
    beforeAll(async () => void (await start(options.env)));
    afterAll(close);
  }
  return {
    start,
    close,
    get app() {
      return need().app;
    },
    get url() {
      return need().url;
    },
    get wsUrl() {
      return need().wsUrl;
    },
    get dataDir() {
      return need().dataDir;
    },
  };
}
