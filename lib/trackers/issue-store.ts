import type { IssueRef, PushSummaryItem, TrackerConfig } from './client';

/** What a card shows of a story's issue; status null until a read or a push told us. */
export interface StoryIssue {
  key: string;
  url: string;
  status: string | null;
  pushedVersion: number;
  drift: readonly string[];
}

type Listener = () => void;

/**
 * The board's tracker state outside React: the connection and one issue per pushed story. Cards
 * subscribe to their own story (useSyncExternalStore), and an entry keeps its identity while it is
 * unchanged, so a refresh of the summary re-renders only the cards whose issue changed.
 */
export class TrackerStore {
  /** undefined: not loaded yet · null: no tracker on this board */
  config: TrackerConfig | null | undefined = undefined;
  private issues = new Map<string, StoryIssue>();
  private listeners = new Set<Listener>();

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private emit() {
    for (const l of this.listeners) l();
  }

  issue(storyId: string): StoryIssue | undefined {
    return this.issues.get(storyId);
  }

  all(): ReadonlyMap<string, StoryIssue> {
    return this.issues;
  }

  setConfig(config: TrackerConfig | null) {
    this.config = config;
    if (!config) this.issues = new Map();
    this.emit();
  }

  /** Replaces every record with the summary's, keeping unchanged entries (and known statuses). */
  setSummary(items: readonly PushSummaryItem[]) {
    const next = new Map<string, StoryIssue>();
    for (const it of items) {
      const prev = this.issues.get(it.storyId);
      next.set(
        it.storyId,
        keep(prev, {
          key: it.key,
          url: it.url,
          status: it.status ?? prev?.status ?? null,
          pushedVersion: it.pushedVersion,
          drift: it.drift,
        }),
      );
    }
    this.issues = next;
    this.emit();
  }

  /** A push or a story read answered: that story's entry, at once. */
  setStory(storyId: string, issue: IssueRef, pushedVersion: number, drift: readonly string[]) {
    const prev = this.issues.get(storyId);
    const entry = keep(prev, { ...issue, pushedVersion, drift });
    if (entry === prev) return;
    this.issues = new Map(this.issues).set(storyId, entry);
    this.emit();
  }
}

function keep(prev: StoryIssue | undefined, next: StoryIssue): StoryIssue {
  if (
    prev &&
    prev.key === next.key &&
    prev.url === next.url &&
    prev.status === next.status &&
    prev.pushedVersion === next.pushedVersion &&
    prev.drift.join() === next.drift.join()
  )
    return prev;
  return next;
}
