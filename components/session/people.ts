import type { Participant, SessionState } from '@/lib/realtime/events';

/** Session participants by user id (one person may have several tabs: first one wins). */
export function participantsById(state: SessionState | null): Map<string, Participant> {
  const m = new Map<string, Participant>();
  for (const p of state?.participants ?? []) if (!m.has(p.id)) m.set(p.id, p);
  return m;
}

export function personFor(m: Map<string, Participant>, id: string): { name: string; color: string } {
  const p = m.get(id);
  return p ? { name: p.name, color: p.color } : { name: 'Someone', color: '#71717a' };
}
