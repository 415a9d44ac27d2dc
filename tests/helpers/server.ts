import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createShellboard, type Shellboard } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import { SqliteStore } from '../../server/store/sqlite';
import type { CreateBoardResponse } from '../../lib/validation/api';
import { createStory } from '../../lib/board/ops';
import { connect, saved, synced } from './clients';

export interface TestServer {
  app: Shellboard;
  url: string;
  wsUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

export function tempDir(prefix = 'shellboard-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real server (no Next) on a random port with a fresh SQLite data dir. */
export async function startServer(
  env: Record<string, string> = {},
  dataDir = tempDir(),
  logSink?: { write(line: string): void },
  /** wiring only tests set (e.g. an in-memory tracker connector, tests/helpers/memory-tracker.ts) */
  extra: Pick<Parameters<typeof createShellboard>[0], 'trackers'> = {},
): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const store = new SqliteStore(path.join(config.dataDir, 'shellboard.sqlite'));
  const app = createShellboard({ config, log: createLogger(config.logLevel, logSink), store, ...extra });
  const port = await app.listen();
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    dataDir,
    close: () => app.close(),
  };
}

export interface TestBoard {
  id: string;
  owner: string;
  team: string;
  view: string;
  links: CreateBoardResponse['links'];
}

export function keyOf(link: string): string {
  return new URL(link).hash.replace(/^#k=/, '');
}

export async function createBoard(url: string, title = 'Refinement'): Promise<TestBoard> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`create board failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as CreateBoardResponse;
  return {
    id: body.id,
    owner: keyOf(body.links.owner),
    team: keyOf(body.links.team),
    view: keyOf(body.links.view),
    links: body.links,
  };
}

/**
 * A fresh board whose stories a team client has created and the store holds (the client is gone
 * again): the starting point of tests about what happens around those stories.
 */
export async function boardWithStories<const T extends readonly { title: string; why?: string }[]>(
  srv: { url: string; wsUrl: string },
  title: string,
  stories: T,
): Promise<{ board: TestBoard; storyIds: { [K in keyof T]: string } }> {
  const board = await createBoard(srv.url, title);
  const writer = connect(srv.wsUrl, board.id, board.team);
  await synced(writer);
  const storyIds = stories.map((s) => createStory(writer.doc, { ...s, createdBy: 'po' }));
  await saved(writer);
  writer.destroy();
  // map keeps the tuple's length; TypeScript types it as string[]
  return { board, storyIds: storyIds as { [K in keyof T]: string } };
}
