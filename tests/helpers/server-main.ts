// Child-process entry for tests that kill the server: the real server without Next.
import path from 'node:path';
import { createShellboard } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import { SqliteStore } from '../../server/store/sqlite';

const config = loadConfig();
const store = new SqliteStore(path.join(config.dataDir, 'shellboard.sqlite'), config.sqliteSynchronous);
const app = createShellboard({ config, log: createLogger(config.logLevel), store });
app.listen().then((port) => process.stdout.write(`LISTENING ${port}\n`));
