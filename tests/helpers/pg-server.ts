import { createShellboard } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import { PostgresStore } from '../../server/store/postgres';
import { tempDir, type TestServer } from './server';
import { testSchema } from './pg-schemas';

/**
 * The same in-process server as startServer (no Next, random port), on PostgreSQL in a fresh test
 * schema (drop it with dropTestSchemas in the file's afterAll).
 */
export async function startOnPostgres(url: string, env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDir(), ...env });
  const store = await PostgresStore.open(url, { schema: testSchema('h') });
  const app = createShellboard({ config, log: createLogger('silent'), store });
  const port = await app.listen();
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    dataDir: config.dataDir,
    close: () => app.close(),
  };
}
