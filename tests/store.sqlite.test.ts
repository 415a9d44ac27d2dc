import path from 'node:path';
import { SqliteStore } from '../server/store/sqlite';
import { tempDir } from './helpers/server';
import { storeContract } from './store.contract';

const dir = tempDir();
storeContract('sqlite', async () => new SqliteStore(path.join(dir, 'contract.sqlite')));
