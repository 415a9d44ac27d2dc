/**
 * The card to focus after a keyboard or button move. In a windowed list the card's new place may
 * not be rendered (Alt+End on the first of 500), and in the lanes view it may now be in another
 * lane's list, so the move only asks; the list that holds the story scrolls to it, keeps it
 * mounted and focuses it once it is there (windowed-list.tsx).
 */
export class FocusTarget {
  private pending: { id: string; control: string | null } | null = null;
  private lists = new Set<() => void>();

  listen(list: () => void): () => void {
    this.lists.add(list);
    return () => {
      this.lists.delete(list);
    };
  }

  /**
   * Called right after the move's write: the lists look a frame later, when React has rendered
   * the new order (the move ran in a key or click handler, whose updates commit before the frame).
   */
  ask(id: string, control: string | null) {
    this.pending = { id, control };
    requestAnimationFrame(() => this.lists.forEach((list) => list()));
  }

  get request(): { id: string; control: string | null } | null {
    return this.pending;
  }

  done(id: string) {
    if (this.pending?.id === id) this.pending = null;
  }
}

/** The move button the person used (if it can still be pressed), else the card's link. */
export function focusInCard(card: HTMLElement, control: string | null, preventScroll: boolean) {
  const button = control ? card.querySelector<HTMLButtonElement>(`[data-move="${control}"]`) : null;
  const target = button && !button.disabled ? button : card.querySelector<HTMLElement>('a');
  target?.focus({ preventScroll });
}
