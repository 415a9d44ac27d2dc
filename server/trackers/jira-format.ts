import type { IssueDraft } from './types';

/**
 * How a formal story reads in Jira: Atlassian Document Format on Cloud (REST v3), wiki markup on
 * Data Center (REST v2). Both carry the same sections in the same order, so a story reads alike
 * whichever Jira it lands in.
 *
 * Criteria are a bullet list whose items start with "☐": ADF's `taskList` is an editor node that
 * Jira's REST API does not promise to accept in the description field (the documented ADF nodes
 * for fields are the "basic" set), and wiki markup has no checkbox at all.
 */

export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

const CHECKBOX = '☐ ';

/** Lines of a (possibly multi-line) text, trimmed, without empties. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

// ADF rejects empty text nodes, so every builder drops empty lines.
const text = (t: string, marks?: AdfNode['marks']): AdfNode =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t };

function paragraph(t: string, prefix = ''): AdfNode {
  const content: AdfNode[] = [];
  lines(t).forEach((l, i) => {
    if (i > 0) content.push({ type: 'hardBreak' });
    content.push(text(i === 0 ? prefix + l : l));
  });
  return content.length
    ? { type: 'paragraph', content }
    : { type: 'paragraph', content: [text(prefix.trim() || ' ')] };
}

const heading = (t: string): AdfNode => ({ type: 'heading', attrs: { level: 3 }, content: [text(t)] });

const bulletList = (items: string[], prefix = ''): AdfNode => ({
  type: 'bulletList',
  content: items.map((i) => ({ type: 'listItem', content: [paragraph(i, prefix)] })),
});

export function toAdf(d: IssueDraft): AdfDoc {
  const content: AdfNode[] = [];
  if (lines(d.narrative).length) content.push(heading('Story'), paragraph(d.narrative));
  const criteria = d.criteria.filter((c) => lines(c).length);
  if (criteria.length) content.push(heading('Acceptance criteria'), bulletList(criteria, CHECKBOX));
  const decisions = d.decisions.filter((c) => lines(c).length);
  if (decisions.length) content.push(heading('Decisions'), bulletList(decisions));
  content.push({
    type: 'paragraph',
    content: [text('Formal story on Shellboard', [{ type: 'link', attrs: { href: d.link } }])],
  });
  content.push({ type: 'paragraph', content: [text(d.marker, [{ type: 'code' }])] });
  return { type: 'doc', version: 1, content };
}

export function adfBulletComment(items: string[]): AdfDoc {
  return { type: 'doc', version: 1, content: [bulletList(items.filter((i) => lines(i).length))] };
}

/** The text of an ADF document, block by block (what drift compares; marks and layout dropped). */
export function adfText(doc: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown, line: string[]): void => {
    if (!n || typeof n !== 'object') return;
    const node = n as AdfNode;
    if (node.type === 'text' && typeof node.text === 'string') line.push(node.text);
    else if (node.type === 'hardBreak') line.push('\n');
    const kids = Array.isArray(node.content) ? node.content : [];
    if (node.type === 'paragraph' || node.type === 'heading') {
      const own: string[] = [];
      kids.forEach((k) => walk(k, own));
      out.push(own.join(''));
    } else kids.forEach((k) => walk(k, line));
  };
  walk(doc, []);
  return out.join('\n');
}

/** Wiki markup characters that would otherwise format text; a backslash makes them literal. */
export function wikiEscape(t: string): string {
  return t.replace(/[\\{}[\]|*_+^~#-]/g, (c) => `\\${c}`);
}

// In wiki markup `\\` is a line break that stays inside a paragraph or list item.
const wikiLines = (t: string): string => lines(t).map(wikiEscape).join(' \\\\ ');

export function toWiki(d: IssueDraft): string {
  const out: string[] = [];
  if (lines(d.narrative).length) out.push('h3. Story', wikiLines(d.narrative), '');
  const criteria = d.criteria.filter((c) => lines(c).length);
  if (criteria.length)
    out.push('h3. Acceptance criteria', ...criteria.map((c) => `* ${CHECKBOX}${wikiLines(c)}`), '');
  const decisions = d.decisions.filter((c) => lines(c).length);
  if (decisions.length) out.push('h3. Decisions', ...decisions.map((c) => `* ${wikiLines(c)}`), '');
  // The link text must not contain `|` or `]`; the URL is ours (encoded), so it has neither.
  out.push(`[Formal story on Shellboard|${d.link}]`, '', `{{${d.marker}}}`);
  return out.join('\n');
}

export function wikiBulletComment(items: string[]): string {
  return items
    .filter((i) => lines(i).length)
    .map((i) => `* ${wikiLines(i)}`)
    .join('\n');
}
