/**
 * The GitLab fake's parameter checks (./gitlab-fake.ts): the parameters each endpoint declares in
 * GitLab's lib/api/issues.rb and notes.rb, typed like Grape does, and stricter in one way — an
 * undeclared parameter is a 400, where GitLab would silently ignore it.
 */

export class BadRequest extends Error {}

/** Grape's CommaSeparatedToArray: strings and array items alike are split on commas. */
export function labelList(v: unknown, name: string): string[] {
  const parts = typeof v === 'string' ? [v] : Array.isArray(v) ? v : null;
  if (!parts || parts.some((p) => typeof p !== 'string')) throw new BadRequest(`${name} is invalid`);
  return (parts as string[])
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter(Boolean);
}

type Kind = 'string' | 'integer' | 'boolean' | 'labels' | 'in' | 'state' | 'state_event';

/** Declared parameters of each endpoint we serve (lib/api/issues.rb, notes.rb). */
export const LIST: Record<string, Kind> = {
  labels: 'labels',
  search: 'string',
  in: 'in',
  state: 'state',
  per_page: 'integer',
  page: 'integer',
  order_by: 'string',
  sort: 'string',
  with_labels_details: 'boolean',
};
const ISSUE_FIELDS: Record<string, Kind> = {
  description: 'string',
  labels: 'labels',
  add_labels: 'labels',
  remove_labels: 'labels',
  confidential: 'boolean',
  due_date: 'string',
  weight: 'integer',
  milestone_id: 'integer',
};
export const CREATE: Record<string, Kind> = { title: 'string', ...ISSUE_FIELDS };
export const EDIT: Record<string, Kind> = { title: 'string', state_event: 'state_event', ...ISSUE_FIELDS };
export const NOTE: Record<string, Kind> = { body: 'string', internal: 'boolean' };

/** Type-checks `params` like Grape: undeclared → 400 (see above), wrong type → 400 "<name> is invalid". */
export function check(params: Record<string, unknown>, declared: Record<string, Kind>, fromQuery: boolean) {
  for (const [name, value] of Object.entries(params)) {
    const kind = declared[name];
    if (!kind) throw new BadRequest(`${name} is not a parameter of this endpoint`);
    const ok = (() => {
      switch (kind) {
        case 'string':
          return typeof value === 'string';
        case 'integer':
          return fromQuery
            ? typeof value === 'string' && /^\d+$/.test(value)
            : (Number.isInteger(value) && (value as number) >= 0) || (name === 'weight' && value === null);
        case 'boolean':
          return typeof value === 'boolean' || value === 'true' || value === 'false';
        case 'labels':
          return labelList(value, name) !== null;
        case 'in':
          return (
            typeof value === 'string' && value.split(',').every((s) => s === 'title' || s === 'description')
          );
        case 'state':
          return value === 'opened' || value === 'closed' || value === 'all';
        case 'state_event':
          return value === 'close' || value === 'reopen';
      }
    })();
    if (!ok)
      throw new BadRequest(
        kind === 'in' || kind.startsWith('state')
          ? `${name} does not have a valid value`
          : `${name} is invalid`,
      );
  }
}
