import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { HttpError } from './respond';

/** The request's JSON body: 415 unless sent as JSON, 413 past `maxBytes`, 400 when it does not parse. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, 'payload_too_large', `Body exceeds ${maxBytes} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'payload_too_large', `Body exceeds ${maxBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

/**
 * The body read as JSON and validated by `schema`; 400 `invalid_request` naming every issue.
 * `allowEmpty`: a request without a body (no content type, or length 0) validates as undefined.
 */
export async function parseBody<S extends z.ZodType>(
  schema: S,
  req: IncomingMessage,
  maxBytes: number,
  opts: { allowEmpty?: boolean } = {},
): Promise<z.output<S>> {
  const empty = req.headers['content-length'] === '0' || !req.headers['content-type'];
  const raw = opts.allowEmpty && empty ? undefined : await readJson(req, maxBytes);
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new HttpError(400, 'invalid_request', parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}
