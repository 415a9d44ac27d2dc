import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE, createSealer, keyFromFile, keyFromSecret, sealerFor } from './secret';

describe('tracker token sealing', () => {
  it('round-trips, never contains the token, and opens only for its board and key', () => {
    const s = createSealer(keyFromSecret('x'.repeat(32)));
    const sealed = s.seal('board-1', 'user@example.com:api-token-123');
    expect(sealed).not.toContain('api-token-123');
    expect(s.seal('board-1', 'same')).not.toBe(s.seal('board-1', 'same')); // fresh IV each time
    expect(s.open('board-1', sealed)).toBe('user@example.com:api-token-123');
    expect(() => s.open('board-2', sealed)).toThrow();
    expect(() => createSealer(keyFromSecret('y'.repeat(32))).open('board-1', sealed)).toThrow();
    expect(() => s.open('board-1', sealed.slice(0, -2) + 'AA')).toThrow();
  });

  it('generates the key file once, mode 0600, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-secret-'));
    try {
      const k1 = keyFromFile(dir);
      expect(fs.statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(keyFromFile(dir).equals(k1)).toBe(true);
      const sealed = createSealer(k1).seal('b', 't');
      expect(sealerFor({ dataDir: dir, trackers: { allowHosts: [] } })?.open('b', sealed)).toBe('t');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no key when scaled out without TRACKER_SECRET; TRACKER_SECRET wins everywhere', () => {
    const pg = { databaseUrl: 'postgres://x/y', dataDir: '/nonexistent', trackers: { allowHosts: [] } };
    expect(sealerFor(pg)).toBeNull();
    expect(sealerFor({ ...pg, trackers: { allowHosts: [], secret: 'z'.repeat(32) } })).not.toBeNull();
  });
});
