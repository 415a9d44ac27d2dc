'use client';

import { Fragment } from 'react';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { isMac, shortcutGroups } from './shortcut-list';

/** The `?` overlay: every shortcut, grouped, in a labelled dialog. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const groups = shortcutGroups(isMac());
  return (
    <Modal open={open} onClose={onClose} labelledBy="shortcut-help-title">
      <div className="max-h-[80dvh] overflow-y-auto p-5">
        <div className="flex items-center justify-between gap-4">
          <h2 id="shortcut-help-title" className="text-base font-semibold">
            Keyboard shortcuts
          </h2>
          <Button size="sm" variant="ghost" onClick={onClose} autoFocus>
            Close
          </Button>
        </div>
        <p className="mt-1 text-xs text-secondary">Single keys work when you are not typing in a field.</p>
        {groups.map((g) => (
          <section key={g.title} aria-labelledby={`sc-${slug(g.title)}`} className="mt-4">
            <h3 id={`sc-${slug(g.title)}`} className="text-sm font-medium">
              {g.title}
            </h3>
            {g.note && <p className="mt-0.5 text-xs text-secondary">{g.note}</p>}
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
              {g.items.map((s) => (
                <Fragment key={s.keys.join('+') + s.what}>
                  <dt className="flex gap-1">
                    {s.keys.map((k, i) => (
                      <Fragment key={k + i}>
                        {i > 0 && (
                          <span className="text-zinc-500">
                            {s.combo ? (
                              <span aria-hidden="true">+</span>
                            ) : (
                              <span className="sr-only">or</span>
                            )}
                          </span>
                        )}
                        <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 font-mono text-xs leading-5 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100">
                          {k}
                        </kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd className="text-body">{s.what}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '-');
