import { parse } from 'csv-parse/sync';
import { TITLE_MAX, WHY_MAX } from '../board/types';

/** Parsing of backlogs brought in from elsewhere: a Jira CSV export or a Markdown bullet list. */
export interface ImportedStory {
  title: string;
  why: string;
  estimate: string | null;
  labels: string[];
}
export interface ImportProblem {
  line: number;
  reason: string;
}
export interface ImportResult {
  stories: ImportedStory[];
  problems: ImportProblem[];
}
export const IMPORT_FORMATS = ['jira-csv', 'markdown'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_MAX_STORIES = 500;

/** A row; a header repeated (Jira writes one `Labels` column per label) gives an array. */
type Row = Record<string, string | string[]>;

function pickAll(row: Row, name: string): string[] {
  const key = Object.keys(row).find((k) => k.trim().toLowerCase() === name.toLowerCase());
  const v = key ? row[key] : undefined;
  return (Array.isArray(v) ? v : [v ?? '']).map((x) => x.trim());
}

/**
 * Repeated `Labels` columns hold one label each (Jira's way, and ours); a single column may hold
 * several, space- or comma-separated (older exports), so that one is split.
 */
function labelsOf(cells: string[]): string[] {
  const parts = cells.length > 1 ? cells : cells.flatMap((c) => c.split(/[\s,]+/));
  return parts.filter(Boolean);
}

function pick(row: Row, name: string): string {
  return pickAll(row, name).find(Boolean) ?? '';
}

export function parseJiraCsv(content: string): ImportResult {
  let rows: Row[];
  try {
    rows = parse(content, {
      columns: true,
      group_columns_by_name: true,
      skip_empty_lines: true,
      relax_column_count: true,
      bom: true,
      trim: false,
    });
  } catch (err) {
    return {
      stories: [],
      problems: [{ line: 1, reason: `Not a readable CSV file: ${(err as Error).message.split('\n')[0]}` }],
    };
  }
  if (rows.length > 0 && !Object.keys(rows[0]!).some((k) => k.trim().toLowerCase() === 'summary')) {
    return { stories: [], problems: [{ line: 1, reason: 'The header has no "Summary" column.' }] };
  }
  const out: ImportResult = { stories: [], problems: [] };
  rows.forEach((row, i) => {
    const line = i + 2; // header is line 1
    const title = pick(row, 'Summary');
    const points = pick(row, 'Story Points');
    if (!title) return out.problems.push({ line, reason: 'Summary is empty.' });
    if (title.length > TITLE_MAX)
      return out.problems.push({ line, reason: `Summary is longer than ${TITLE_MAX} characters.` });
    if (points && !/^\d+(\.\d+)?$/.test(points))
      return out.problems.push({ line, reason: `Story Points "${points.slice(0, 20)}" is not a number.` });
    out.stories.push({
      title,
      why: pick(row, 'Description').slice(0, WHY_MAX),
      estimate: points || null,
      labels: labelsOf(pickAll(row, 'Labels')),
    });
  });
  return out;
}

/** JS `\s` (what String#trim strips); tested one character at a time, so nothing can backtrack. */
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
/** Characters `.` does not match: a line holding one (after the marker) is not a bullet. */
const LINE_BREAK = /[\r\u2028\u2029]/;

function skipSpaces(s: string, i: number): number {
  while (isSpace(s[i])) i++;
  return i;
}

/**
 * The text of a bullet line ("-", "*", "+", "1." or "1)", a space, an optional "[ ]"/"[x]"), or null.
 * Parsed by hand: the regex this replaces backtracked quadratically on long runs of spaces.
 */
export function bulletText(line: string): string | null {
  let i = skipSpaces(line, 0);
  if ('-*+'.includes(line[i] ?? 'x')) i++;
  else {
    const digits = i;
    while (line[i] !== undefined && line[i]! >= '0' && line[i]! <= '9') i++;
    if (i === digits || (line[i] !== '.' && line[i] !== ')')) return null;
    i++;
  }
  if (!isSpace(line[i])) return null;
  i = skipSpaces(line, i);
  if (line[i] === '[' && ' xX'.includes(line[i + 1] ?? '_') && line[i + 2] === ']' && isSpace(line[i + 3])) {
    i = skipSpaces(line, i + 3);
  }
  const text = line.slice(i);
  return LINE_BREAK.test(text) ? null : text;
}

/** Splits at " — ", " – ", " - " (spaces around the dash) and ": ", in one left-to-right pass. */
export function splitTitle(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    let end = -1; // end of a separator starting at i
    let next = i + 1;
    if (isSpace(c)) {
      const run = skipSpaces(text, i);
      if ('—–-'.includes(text[run] ?? 'x') && isSpace(text[run + 1])) end = skipSpaces(text, run + 1);
      next = run; // every start inside this run ends at the same non-space: one test covers them all
    } else if (c === ':' && isSpace(text[i + 1])) end = skipSpaces(text, i + 1);
    if (end === -1) {
      i = next;
      continue;
    }
    parts.push(text.slice(from, i));
    from = i = end;
  }
  parts.push(text.slice(from));
  return parts;
}

/** "- Title — why" (also "*", "1.", and ":" or " - " as the separator); other lines are ignored. */
export function parseMarkdownList(content: string): ImportResult {
  const out: ImportResult = { stories: [], problems: [] };
  content.split(/\r?\n/).forEach((raw, i) => {
    const bullet = bulletText(raw);
    if (bullet === null) return;
    const text = bullet.trim();
    if (!text) return out.problems.push({ line: i + 1, reason: 'Empty bullet.' });
    const [title, ...rest] = splitTitle(text);
    const t = (title ?? '').trim();
    if (t.length > TITLE_MAX)
      return out.problems.push({ line: i + 1, reason: `Title is longer than ${TITLE_MAX} characters.` });
    out.stories.push({
      title: t,
      why: rest.join(' — ').trim().slice(0, WHY_MAX),
      estimate: null,
      labels: [],
    });
  });
  if (out.stories.length === 0 && out.problems.length === 0) {
    out.problems.push({ line: 1, reason: 'No bullet list items found ("- Title — why").' });
  }
  return out;
}

export function parseImport(format: ImportFormat, content: string): ImportResult {
  const r = format === 'jira-csv' ? parseJiraCsv(content) : parseMarkdownList(content);
  if (r.stories.length > IMPORT_MAX_STORIES) {
    return {
      stories: [],
      problems: [{ line: 1, reason: `At most ${IMPORT_MAX_STORIES} stories per import.` }],
    };
  }
  return r;
}
