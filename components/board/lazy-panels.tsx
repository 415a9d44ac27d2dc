'use client';

import dynamic from 'next/dynamic';

/**
 * The board's panels that are not part of its first paint (docs/performance.md: page weight). Each
 * module is imported from exactly one place, here: the bundler makes one loader per `import()` site,
 * and two sites for one module can end up with different chunk lists — then preloading one does not
 * make the other work offline.
 */
const load = {
  // the open story (discussion, estimation, promotion): the backlog paints first
  story: () => import('./story-panel'),
  // shown on demand: lanes view, suggested order, personas & metrics, import, shortcut help
  lanes: () => import('@/components/backlog/lanes-view'),
  wsjf: () => import('@/components/backlog/wsjf-preview'),
  values: () => import('@/components/values/values-panel'),
  definition: () => import('@/components/readiness/definition-panel'),
  needsInput: () => import('@/components/input/needs-input-panel'),
  agenda: () => import('@/components/session/agenda-panel'),
  importDialog: () => import('@/components/import/import-dialog'),
  shortcuts: () => import('@/components/shortcuts/shortcut-help'),
  // owner-only (the share panel carries the QR encoder)
  share: () => import('@/components/share/share-panel'),
  trash: () => import('@/components/admin/trash-panel'),
};

export const StoryPanel = dynamic(() => load.story().then((m) => m.StoryPanel));
export const LanesView = dynamic(() => load.lanes().then((m) => m.LanesView));
export const WsjfPreview = dynamic(() => load.wsjf().then((m) => m.WsjfPreview));
export const ValuesPanel = dynamic(() => load.values().then((m) => m.ValuesPanel));
export const DefinitionPanel = dynamic(() => load.definition().then((m) => m.DefinitionPanel));
export const NeedsInputPanel = dynamic(() => load.needsInput().then((m) => m.NeedsInputPanel));
export const AgendaPanel = dynamic(() => load.agenda().then((m) => m.AgendaPanel));
export const ImportDialog = dynamic(() => load.importDialog().then((m) => m.ImportDialog));
export const ShortcutHelp = dynamic(() => load.shortcuts().then((m) => m.ShortcutHelp));
export const SharePanel = dynamic(() => load.share().then((m) => m.SharePanel));
export const TrashPanel = dynamic(() => load.trash().then((m) => m.TrashPanel));

/** Every split-out module, for the idle-time preload (preload-panels.ts). */
export const PANEL_LOADERS: (() => Promise<unknown>)[] = Object.values(load);
