import fs from 'node:fs';
import path from 'node:path';
import { benchModules } from './bench-deps';

const root = path.resolve(__dirname, '..', '..');

/**
 * Installed version of a package, from the bench package's node_modules or the root's (reads its
 * package.json; aliases resolve to the real version).
 */
export function versionOf(pkg: string): string {
  for (const dir of [benchModules, path.join(root, 'node_modules')]) {
    try {
      const json = JSON.parse(fs.readFileSync(path.join(dir, pkg, 'package.json'), 'utf8')) as {
        version?: string;
      };
      return json.version ?? 'unknown';
    } catch {
      // not installed here: try the next
    }
  }
  return 'missing';
}

export function ownVersion(): string {
  const json = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}
