import type { StoryCounts } from '@/lib/board/summary';
import type { MetricView, PersonaView, StoryView } from '@/lib/board/types';
import type { Peer } from '@/components/presence/use-peers';

/** Everything a backlog card shows, resolved once per render of the list. */
export interface CardData {
  story: StoryView;
  counts: StoryCounts | undefined;
  people: Peer[];
  active: boolean;
  onOpen: (id: string) => void;
  persona: PersonaView | undefined;
  metric: MetricView | undefined;
  showStream?: boolean;
}
