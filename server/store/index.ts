import path from 'node:path';
import type { Config } from '../config';
import { PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { Store } from './store';

/** SQLite in DATA_DIR by default; PostgreSQL when DATABASE_URL is set (scale-out). */
export async function openStore(config: Config): Promise<Store> {
  if (config.databaseUrl) return PostgresStore.open(config.databaseUrl, { schema: config.databaseSchema });
  return new SqliteStore(path.join(config.dataDir, 'shellboard.sqlite'), config.sqliteSynchronous);
}
