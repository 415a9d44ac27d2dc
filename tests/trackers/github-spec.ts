import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, ValidationContext, type Document } from 'openapi-backend';

/**
 * GitHub's official OpenAPI description (npm `@octokit/openapi`), cut down to the operations the
 * connector uses plus every component they reference. The whole file is 13 MB with ~800 paths;
 * openapi-backend would compile all of it on every test run, so only the reachable part is kept.
 * Two rewrites of OpenAPI 3.0's `nullable` into what GitHub means by it, no other edits: beside
 * `allOf`/`anyOf` without a `type` ("this object, or null", which ajv refuses) the schema becomes
 * `anyOf: [<it without nullable>, {type: 'null'}]`; beside an `enum` (e.g. an issue's
 * `state_reason`, null on every open issue) `null` joins the enum, as ajv reads enums strictly.
 */
export const USED_OPERATIONS: Record<string, string[]> = {
  '/repos/{owner}/{repo}': ['get'],
  '/repos/{owner}/{repo}/issues': ['get', 'post'],
  '/repos/{owner}/{repo}/issues/{issue_number}': ['get', 'patch'],
  '/repos/{owner}/{repo}/issues/{issue_number}/comments': ['post'],
  '/repos/{owner}/{repo}/labels': ['post'],
  '/search/issues': ['get'],
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function nullableAsMeant(v: Json): Json {
  if (Array.isArray(v)) return v.map(nullableAsMeant);
  if (!v || typeof v !== 'object') return v;
  const out: { [k: string]: Json } = {};
  for (const [k, x] of Object.entries(v)) out[k] = nullableAsMeant(x);
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null];
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

let cached: { doc: Document; full: Record<string, Json> } | null = null;

function load(): { doc: Document; full: Record<string, Json> } {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const full = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Json>;
  const paths = full.paths as Record<string, Record<string, Json>>;
  const components = full.components as Record<string, Record<string, Json>>;
  const keptPaths: Record<string, Record<string, Json>> = {};
  const keptComponents: Record<string, Record<string, Json>> = {};
  const seen = new Set<string>();
  // Walk every `$ref` reachable from the kept operations and copy the referenced components.
  const walk = (v: Json): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const ref = v.$ref;
    if (typeof ref === 'string' && !seen.has(ref)) {
      seen.add(ref);
      const [, , kind, name] = ref.split('/');
      if (!kind || !name) throw new Error(`unexpected $ref ${ref}`);
      const target = components[kind]?.[name];
      if (target === undefined) throw new Error(`dangling $ref ${ref}`);
      (keptComponents[kind] ??= {})[name] = nullableAsMeant(target);
      walk(target);
    }
    Object.values(v).forEach(walk);
  };
  for (const [path, methods] of Object.entries(USED_OPERATIONS)) {
    const item = paths[path];
    if (!item) throw new Error(`the GitHub spec has no path ${path}`);
    keptPaths[path] = {};
    for (const m of methods) {
      const op = item[m];
      if (!op) throw new Error(`the GitHub spec has no ${m} ${path}`);
      keptPaths[path][m] = nullableAsMeant(op);
      walk(op);
    }
  }
  const doc = {
    openapi: full.openapi,
    info: full.info,
    servers: [{ url: '/' }],
    paths: keptPaths,
    components: keptComponents,
  } as unknown as Document;
  cached = { doc, full };
  return cached;
}

/** A named example from the spec (`components.examples`), deep-copied. */
export function specExample(name: string): Record<string, unknown> {
  const ex = (load().full.components as Record<string, Record<string, { value: Json }>>).examples?.[name];
  if (!ex) throw new Error(`the GitHub spec has no example ${name}`);
  return structuredClone(ex.value) as Record<string, unknown>;
}

let backend: Promise<OpenAPIBackend> | null = null;

/** openapi-backend (ajv underneath) over the cut spec: request and response validation. */
export function githubSpec(): Promise<OpenAPIBackend> {
  backend ??= (async () => {
    const api = new OpenAPIBackend({
      definition: load().doc,
      strict: true,
      validate: true,
      quick: false,
      // strict off: the spec carries keywords ajv does not know (`example`, `x-github`…)
      ajvOpts: { strict: false },
      // date-time, uri, email… are checked; formats ajv-formats does not define are ignored
      customizeAjv: (ajv) =>
        addFormats(ajv as unknown as Parameters<typeof addFormats>[0]) as unknown as typeof ajv,
    });
    await api.init();
    return api;
  })();
  return backend;
}

let basicError: ((body: unknown) => string | null) | null = null;

/**
 * GitHub documents 401, 429 and most 5xx answers nowhere in the operations, but sends them with its
 * `basic-error` body; the fake's error switches are checked against that schema. Null when valid.
 */
export async function basicErrorProblem(body: unknown): Promise<string | null> {
  if (!basicError) {
    const api = await githubSpec();
    const schema = (load().full.components as Record<string, Record<string, Json>>).schemas?.['basic-error'];
    if (!schema) throw new Error('the GitHub spec has no basic-error schema');
    const validate = api.validator
      .getAjv(ValidationContext.Response)
      .compile(nullableAsMeant(schema) as object);
    basicError = (b) => (validate(b) ? null : JSON.stringify(validate.errors));
  }
  return basicError(body);
}
