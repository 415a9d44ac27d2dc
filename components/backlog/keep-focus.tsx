'use client';

import { Component, createRef, type ReactNode } from 'react';

/**
 * Keeps keyboard focus on a card when the list reorders under it. React reorders by moving DOM
 * nodes, and moving a node blurs it, so a collaborator's move would otherwise throw a keyboard
 * user's focus to the page body mid-task. getSnapshotBeforeUpdate (class-only) is React's hook for
 * reading the DOM just before a commit changes it; the element is focused again right after.
 */
export class KeepFocus extends Component<{ children: ReactNode }> {
  private box = createRef<HTMLDivElement>();

  getSnapshotBeforeUpdate(): HTMLElement | null {
    const active = document.activeElement;
    return active instanceof HTMLElement && this.box.current?.contains(active) ? active : null;
  }

  componentDidUpdate(_props: unknown, _state: unknown, focused: HTMLElement | null) {
    if (!focused || !focused.isConnected || document.activeElement === focused) return;
    // Only when the move itself dropped focus; never pull it back from somewhere the person went.
    if (document.activeElement && document.activeElement !== document.body) return;
    focused.focus({ preventScroll: true });
  }

  render() {
    return (
      <div ref={this.box} className="contents">
        {this.props.children}
      </div>
    );
  }
}
