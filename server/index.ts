import next from 'next';
import { createShellboard } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';
import { openStore } from './store';

/** Entry point: config → store → sync + API + Next on one port. */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const store = await openStore(config);
  const dev = config.env !== 'production';
  const app = next({ dev, dir: process.cwd(), hostname: config.host, port: config.port });
  await app.prepare();
  const shellboard = createShellboard({
    config,
    log,
    store,
    pages: { request: app.getRequestHandler(), upgrade: dev ? app.getUpgradeHandler() : undefined },
  });
  const port = await shellboard.listen();
  log.info(
    { port, store: store.kind, dataDir: config.dataDir, dev },
    `Shellboard listening on http://localhost:${port}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    shellboard
      .close()
      .then(() => app.close?.())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
