import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** Installed version of a package (reads its package.json; aliases resolve to the real version). */
export function versionOf(pkg: string): string {
  try {
    const json = JSON.parse(
      fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8'),
    ) as {
      version?: string;
    };
    return json.version ?? 'unknown';
  } catch {
    return 'missing';
  }
}

export function ownVersion(): string {
  const json = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}
