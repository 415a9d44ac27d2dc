import path from 'node:path';
import type { Config } from '../config';
import { SqliteStore } from './sqlite';
import type { Store } from './store';

export async function openStore(config: Config): Promise<Store> {
  if (config.databaseUrl) {
    throw new Error('DATABASE_URL is set, but the PostgreSQL store is not available in this build yet');
  }
  return new SqliteStore(path.join(config.dataDir, 'shellboard.sqlite'), config.sqliteSynchronous);
}
