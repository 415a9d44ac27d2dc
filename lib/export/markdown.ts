import type { FormalStoryVersion } from '../promote/types';

/** Markdown is for humans: user text is escaped so it cannot become links, headings or HTML. */
export function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!|<>]/g, (c) => `\\${c}`);
}

/**
 * GitHub (and GFM generally) turns bare `https://…` and `www.…` in text into links, escaped or
 * not. A WORD JOINER (U+2060: invisible, no width, no line break) after the scheme's colon and
 * after `www` keeps such text as text: the page looks the same, nothing is clickable.
 */
export function noAutolink(text: string): string {
  return text.replace(/\b(https?|ftp):(?=\/\/)/gi, '$1:\u2060').replace(/\bwww(?=\.)/gi, 'www\u2060');
}

/**
 * For list items and headings: a newline inside would end the item, so a run of whitespace holding
 * one becomes a space. One `\s+` per run (no `\s*` before the newline) keeps the cost linear.
 */
/**
 * A list item whose text may span lines: each line inline-escaped, joined by a CommonMark hard
 * break (`\` at line end) indented under the marker, so the item stays one item with its lines.
 */
export function listItem(marker: string, text: string): string {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map(inline)
    .filter(Boolean);
  return `${marker} ${lines.join(`\\\n${' '.repeat(marker.length + 1)}`)}`;
}

export function inline(text: string): string {
  return escapeMd(text.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run)).trim());
}

/** Ids are encoded: a version stored before ids were checked may carry any text as its id. */
export function storyLink(baseUrl: string | undefined, s: FormalStoryVersion): string | null {
  if (!baseUrl) return null;
  const path = `/b/${encodeURIComponent(s.boardId)}/stories/${encodeURIComponent(s.storyId)}`;
  return `${baseUrl}${path}?v=${encodeURIComponent(String(s.version))}`;
}

export function exportMarkdown(
  boardTitle: string,
  stories: readonly FormalStoryVersion[],
  baseUrl?: string,
): string {
  const out = [`# ${inline(boardTitle)} — formal stories`, ''];
  for (const s of stories) {
    out.push(`## ${inline(s.title)} (v${s.version})`, '', escapeMd(s.narrative), '');
    out.push('### Acceptance criteria', '');
    out.push(...(s.criteria.length ? s.criteria.map((c) => listItem('- [ ]', c)) : ['_None yet._']), '');
    const facts = [
      `**Estimate:** ${s.estimate ? escapeMd(s.estimate) : '—'}`,
      `**Persona:** ${s.persona ? escapeMd(s.persona) : '—'}`,
      `**Value:** ${s.value ?? '—'}`,
      `**Effort:** ${s.effort ?? '—'}`,
    ];
    out.push(facts.join(' · '), '');
    if (s.decisions.length) out.push('### Decisions', '', ...s.decisions.map((d) => `- ${inline(d)}`), '');
    if (s.openQuestions.length) {
      out.push('### Open questions at publication', '', ...s.openQuestions.map((q) => `- ${inline(q)}`), '');
    }
    const link = storyLink(baseUrl, s);
    if (link) out.push(`[View on Shellboard](${link})`, '');
  }
  return out.join('\n');
}
