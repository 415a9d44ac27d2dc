/** Every keyboard shortcut on the board, as the `?` help lists them (one source of truth). */

export interface Shortcut {
  keys: string[];
  what: string;
  /** keys pressed together (Ctrl+Z) rather than alternatives (j or ↓) */
  combo?: boolean;
}

export interface ShortcutGroup {
  title: string;
  note?: string;
  items: Shortcut[];
}

export function shortcutGroups(mac: boolean): ShortcutGroup[] {
  const mod = mac ? '⌘' : 'Ctrl';
  return [
    {
      title: 'Board',
      items: [
        { keys: ['n'], what: 'New story' },
        { keys: ['c'], what: 'Write a note on the open story' },
        { keys: ['j'], what: 'Open the next story' },
        { keys: ['k'], what: 'Open the previous story' },
        { keys: ['/'], what: 'Search the backlog' },
        { keys: ['f'], what: 'Follow the facilitator on or off' },
        { keys: ['Esc'], what: 'Close the story, or leave the field you are typing in' },
        { keys: ['?'], what: 'Show these shortcuts' },
      ],
    },
    {
      title: 'History',
      note: 'Only your own changes: someone else’s edit is never undone.',
      items: [
        { keys: [mod, 'Z'], what: 'Undo', combo: true },
        { keys: [mod, 'Shift', 'Z'], what: 'Redo', combo: true },
        ...(mac ? [] : [{ keys: ['Ctrl', 'Y'], what: 'Redo', combo: true }]),
      ],
    },
    {
      title: 'Facilitator (board owner, live session)',
      note: 'For the facilitator, j/k move the whole team’s focus instead of just opening a story.',
      items: [
        { keys: ['j', '↓'], what: 'Focus the next story' },
        { keys: ['k', '↑'], what: 'Focus the previous story' },
        { keys: ['a'], what: 'Focus the next story on the suggested agenda' },
        { keys: ['t'], what: 'Start, pause or resume the timer' },
        { keys: ['e'], what: 'Estimate the open story' },
        { keys: ['r'], what: 'Reveal the votes' },
      ],
    },
  ];
}

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}
