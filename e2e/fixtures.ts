import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import type { CreateBoardResponse } from '../lib/validation/api';

/**
 * Named actors, each a separate browser context (a separate person: own storage, own identity)
 * with a display name already chosen, so tests read like the product's journeys.
 */
export interface Actor {
  name: string;
  userId: string;
  context: BrowserContext;
  page: Page;
}

interface Fixtures {
  po: Actor;
  dev: Actor;
  remoteDev: Actor;
  viewer: Actor;
  /** a fresh board made through the HTTP API */
  createBoard: (title?: string) => Promise<CreateBoardResponse>;
  /** a person who has never been here (no name chosen yet) */
  newcomer: Actor;
}

async function makeActor(
  browser: Browser,
  baseURL: string | undefined,
  name: string | null,
  slug: string,
): Promise<Actor> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  // The browser names itself by its secret's hash (lib/presence/user-id.ts), as computed here.
  const secret = `e2e-${slug}-${Math.random().toString(36).slice(2, 10)}`.padEnd(22, '_');
  const userId = createHash('sha256').update(secret).digest('base64url');
  await context.addInitScript(
    ({ name, secret }) => {
      try {
        if (!localStorage.getItem('shellboard:secret')) localStorage.setItem('shellboard:secret', secret);
        if (name && !localStorage.getItem('shellboard:name')) localStorage.setItem('shellboard:name', name);
      } catch {
        // about:blank has no storage; the board pages do
      }
    },
    { name, secret },
  );
  const page = await context.newPage();
  return { name: name ?? '', userId, context, page };
}

function actor(name: string | null, slug: string) {
  return async (
    { browser, baseURL }: { browser: Browser; baseURL: string | undefined },
    provide: (a: Actor) => Promise<void>,
  ) => {
    const a = await makeActor(browser, baseURL, name, slug);
    await provide(a);
    await a.context.close();
  };
}

export const test = base.extend<Fixtures>({
  po: actor('Paula Owner', 'po'),
  dev: actor('Dev Dana', 'dev'),
  remoteDev: actor('Remy Remote', 'remote'),
  viewer: actor('Vic Viewer', 'viewer'),
  newcomer: actor(null, 'new'),
  createBoard: async ({ request }, provide) => {
    await provide(async (title = 'Refinement board') => {
      const res = await request.post('/api/boards', { data: { title } });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as CreateBoardResponse;
    });
  },
});

export { expect };
