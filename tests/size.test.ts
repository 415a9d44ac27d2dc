import { afterEach, describe, expect, it } from 'vitest';
import { createStory } from '../lib/board/ops';
import { readStories } from '../lib/board/schema';
import { connect, destroyAll, saved, synced } from './helpers/clients';
import { createBoard, startServer, type TestServer } from './helpers/server';

let srv: TestServer | null = null;
afterEach(async () => {
  destroyAll();
  await srv?.close();
  srv = null;
});

/** A Markdown backlog of `n` stories, each with a `whyChars`-long why. */
function backlog(n: number, whyChars: number, tag: string): string {
  return Array.from({ length: n }, (_, i) => `- ${tag} story ${i} — ${'w'.repeat(whyChars)}`).join('\n');
}

async function importMarkdown(url: string, boardId: string, key: string, content: string) {
  const res = await fetch(`${url}/api/boards/${boardId}/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: JSON.stringify({ format: 'markdown', content, commit: true }),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

describe('document size on every path', () => {
  it('refuses an import that would pass MAX_DOC_BYTES with 413 naming the limit; the board stays writable', async () => {
    // Issue #14: 17 team imports took a 32 MiB board to 34.9 MiB, after which every write closed 4414.
    srv = await startServer({ MAX_DOC_BYTES: '200000' });
    const b = await createBoard(srv.url);
    const writer = connect(srv.wsUrl, b.id, b.team);
    await synced(writer);

    const statuses: number[] = [];
    let refusal: { code: string; message: string } | undefined;
    for (let i = 0; i < 8 && !refusal; i++) {
      const r = await importMarkdown(srv.url, b.id, b.team, backlog(20, 2000, `batch ${i}`));
      statuses.push(r.status);
      refusal = r.body.error;
    }
    expect(statuses.at(-1)).toBe(413);
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(statuses.length).toBeGreaterThan(1);
    expect(refusal?.code).toBe('board_too_large');
    expect(refusal?.message).toMatch(/MAX_DOC_BYTES/);
    expect(refusal?.message).toMatch(/200000 bytes/);

    // Nothing of the refused import is on the board, and ordinary edits still save.
    const imported = (statuses.length - 1) * 20;
    createStory(writer.doc, { title: 'Still writable', createdBy: 'w' });
    await saved(writer);
    expect(writer.getStatus().closed).toBeFalsy();
    const reader = connect(srv.wsUrl, b.id, b.view);
    await synced(reader);
    const titles = readStories(reader.doc).map((s) => s.title);
    expect(titles).toHaveLength(imported + 1);
    expect(titles).toContain('Still writable');
    expect(titles.some((t) => t.startsWith(`batch ${statuses.length - 1} `))).toBe(false);
    const { snapshot, updates } = await srv.app.store.loadDoc(b.id);
    const stored = (snapshot?.byteLength ?? 0) + updates.reduce((n, u) => n + u.byteLength, 0);
    expect(stored).toBeLessThanOrEqual(200_000);
  });
});
