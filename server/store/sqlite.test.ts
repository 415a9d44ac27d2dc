import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { boardRegistryContract } from './board-registry.contract';
import { documentLogContract } from './document-log.contract';
import { SqliteStore } from './sqlite';
import { trackerStoreContract } from './tracker-store.contract';
import { versionStoreContract } from './version-store.contract';

// One file for every test, as in production: each opens it afresh (migrations already applied).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shellboard-store-'));
const open = async () => new SqliteStore(path.join(dir, 'contract.sqlite'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

documentLogContract('sqlite', open);
boardRegistryContract('sqlite', open);
versionStoreContract('sqlite', open);
trackerStoreContract('sqlite', open);
