import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

export interface PageWeight {
  route: string;
  files: number;
  rawKiB: number;
  gzipKiB: number;
}

interface BuildManifest {
  rootMainFiles: string[];
  polyfillFiles: string[];
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

/**
 * First-load JS of an App Router route, from `next build`'s own manifests: the root main files of
 * the route's build manifest (framework + runtime) plus every chunk its client reference manifest
 * lists for the route's entries (root layout, page). Polyfills are left out (served with
 * `nomodule`, only legacy browsers fetch them). Each distinct file is gzipped (level 9) and summed.
 */
export function pageWeight(nextDir: string, route: string): PageWeight {
  const dir = path.join(nextDir, 'server', 'app', ...route.split('/').filter(Boolean));
  const build = JSON.parse(
    fs.readFileSync(path.join(dir, 'page', 'build-manifest.json'), 'utf8'),
  ) as BuildManifest;
  const sandbox: { globalThis: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } } = {
    globalThis: {},
  };
  vm.runInNewContext(fs.readFileSync(path.join(dir, 'page_client-reference-manifest.js'), 'utf8'), sandbox);
  const rsc = sandbox.globalThis.__RSC_MANIFEST?.[`${route}/page`];
  if (!rsc?.entryJSFiles) throw new Error(`no client reference manifest for ${route}`);
  const files = new Set(build.rootMainFiles);
  for (const list of Object.values(rsc.entryJSFiles)) for (const f of list) files.add(f);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(nextDir, f));
    raw += buf.byteLength;
    gz += zlib.gzipSync(buf, { level: 9 }).byteLength;
  }
  return { route, files: files.size, rawKiB: raw / 1024, gzipKiB: gz / 1024 };
}
