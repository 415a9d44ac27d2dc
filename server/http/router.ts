import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log';
import { safePath } from '../log';
import { isStoreUnavailable } from '../store/unavailable';
import { HttpError, sendError } from './respond';

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
) => Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

/** A tiny method + path router for /api; patterns like `/api/boards/:id`. */
export class Router {
  private routes: Route[] = [];

  constructor(private readonly log: Logger) {}

  on(method: string, path: string, handler: Handler): this {
    const keys: string[] = [];
    const pattern = new RegExp(
      '^' +
        path.replace(/:([a-zA-Z]+)/g, (_m, k: string) => {
          keys.push(k);
          return '([^/]+)';
        }) +
        '/?$',
    );
    this.routes.push({ method, pattern, keys, handler });
    return this;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = safePath(req.url);
    const matching = this.routes.filter((r) => r.pattern.test(path));
    const route = matching.find((r) => r.method === req.method);
    try {
      if (!route) {
        if (matching.length > 0) {
          res.setHeader('Allow', matching.map((r) => r.method).join(', '));
          throw new HttpError(
            405,
            'method_not_allowed',
            `Use ${matching.map((r) => r.method).join(' or ')}.`,
          );
        }
        throw new HttpError(404, 'not_found', 'No such API endpoint.');
      }
      const m = route.pattern.exec(path);
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => {
        try {
          params[k] = decodeURIComponent(m?.[i + 1] ?? '');
        } catch {
          throw new HttpError(400, 'bad_path', 'The path is not valid.');
        }
      });
      await route.handler(req, res, params);
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message);
      if (isStoreUnavailable(err)) {
        // An outage, not a bug: the documented 503 (docs/protocol.md), and one line, not a stack.
        this.log.warn({ err: String(err), method: req.method, path }, 'api: storage unavailable');
        return sendError(res, 503, 'unavailable', 'Storage is unavailable right now; try again shortly.');
      }
      this.log.error({ err, method: req.method, path }, 'api handler failed');
      sendError(res, 500, 'internal', 'Something went wrong on our side.');
    }
  }
}
