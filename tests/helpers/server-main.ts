// Child-process entry for tests that kill the server or run several instances: the real server
// without Next, with the store chosen by the environment (SQLite, or PostgreSQL via DATABASE_URL).
import { createShellboard } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import { openStore } from '../../server/store';

const config = loadConfig();
const log = createLogger(config.logLevel);
void openStore(config).then(async (store) => {
  const app = createShellboard({ config, log, store });
  const port = await app.listen();
  process.stdout.write(`LISTENING ${port}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
});
