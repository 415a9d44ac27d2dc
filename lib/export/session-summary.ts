import type { NoteView, StoryView } from '../board/types';
import { escapeMd, inline } from './markdown';

/** What happened in a refinement session window: for the PO's notes and the team channel. */
export interface SessionSummary {
  board: { id: string; title: string };
  since: number;
  until: number;
  stories: {
    id: string;
    title: string;
    status: string;
    estimate: string | null;
    newNotes: number;
    decisions: string[];
    openQuestions: string[];
  }[];
  decisions: { storyTitle: string; text: string; by: string }[];
  attendees: string[];
}

export function buildSessionSummary(
  board: { id: string; title: string },
  stories: readonly StoryView[],
  notes: readonly NoteView[],
  attendees: readonly string[],
  since: number,
  until: number,
): SessionSummary {
  const inWindow = (t: number) => t >= since && t <= until;
  const live = notes.filter((n) => n.deletedAt === null);
  const touched = stories
    .filter((s) => s.deletedAt === null)
    .filter((s) => inWindow(s.createdAt) || live.some((n) => n.storyId === s.id && inWindow(n.createdAt)));
  const out = touched.map((s) => {
    const mine = live.filter((n) => n.storyId === s.id);
    return {
      id: s.id,
      title: s.title,
      status: s.status,
      estimate: s.estimate,
      newNotes: mine.filter((n) => inWindow(n.createdAt)).length,
      decisions: mine.filter((n) => n.kind === 'decision').map((n) => n.text),
      openQuestions: mine.filter((n) => n.kind === 'question' && !n.resolved).map((n) => n.text),
    };
  });
  const titles = new Map(stories.map((s) => [s.id, s.title]));
  return {
    board,
    since,
    until,
    stories: out,
    decisions: live
      .filter((n) => n.kind === 'decision' && inWindow(n.createdAt))
      .map((n) => ({ storyTitle: titles.get(n.storyId) ?? '', text: n.text, by: n.authorName })),
    attendees: [...new Set(attendees)].sort((a, b) => a.localeCompare(b)),
  };
}

export function sessionSummaryMarkdown(s: SessionSummary): string {
  const day = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
  const out = [
    `# Session summary — ${inline(s.board.title)}`,
    '',
    `${day(s.since)} – ${day(s.until)} UTC · ${s.stories.length} stories discussed`,
    '',
    `**Attendees:** ${s.attendees.length ? s.attendees.map(inline).join(', ') : '—'}`,
    '',
  ];
  for (const st of s.stories) {
    out.push(
      `## ${inline(st.title)}`,
      '',
      `Status: ${st.status} · Estimate: ${st.estimate ? escapeMd(st.estimate) : '—'} · ${st.newNotes} new notes`,
      '',
    );
    if (st.decisions.length) out.push('Decisions:', ...st.decisions.map((d) => `- ${inline(d)}`), '');
    if (st.openQuestions.length)
      out.push('Open questions:', ...st.openQuestions.map((q) => `- ${inline(q)}`), '');
  }
  return out.join('\n');
}
