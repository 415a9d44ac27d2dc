// Child-process entry: stock Hocuspocus with its SQLite extension (default debounce), nothing tuned.
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const port = Number(process.env.PORT);
const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: [new SQLite({ database: process.env.HOCUSPOCUS_DB ?? ':memory:' })],
});
void server.listen().then(() => process.stdout.write(`LISTENING ${port}\n`));
