import type { MetricView, PersonaView, StoryView } from '@/lib/board/types';

/**
 * What the list resolves for a backlog card. Discussion counts and presence are not here: the card
 * subscribes to its own (a note or a typing indicator re-renders that card, not the list).
 */
export interface CardData {
  story: StoryView;
  active: boolean;
  onOpen: (id: string) => void;
  persona: PersonaView | undefined;
  metric: MetricView | undefined;
  showStream?: boolean;
}
