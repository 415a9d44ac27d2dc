'use client';

import { useEffect, useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { copyText } from './clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

/** One share link: what it allows, the address itself (selectable), and a Copy button. */
export function CopyLinkRow({
  label,
  description,
  url,
  action,
}: {
  label: string;
  description: string;
  url: string;
  /** an extra control under the link (the owner's "Replace") */
  action?: ReactNode;
}) {
  const id = useId();
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);

  async function copy() {
    setState((await copyText(url)) ? 'copied' : 'failed');
  }

  return (
    <div className="grid gap-2 py-3 sm:grid-cols-[10rem_minmax(0,1fr)] sm:items-center sm:gap-4">
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <p className="text-xs text-muted">{description}</p>
      </div>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-lg border border-line bg-zinc-50 px-3 font-mono text-xs text-body focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 dark:bg-zinc-950"
        />
        <Button onClick={copy} aria-label={`Copy ${label.toLowerCase()}`} className="w-24">
          <Icon name={state === 'copied' ? 'check' : 'copy'} className="size-3.5" />
          {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select' : 'Copy'}
        </Button>
      </div>
      {action && <div className="sm:col-start-2">{action}</div>}
      <span className="sr-only" aria-live="polite">
        {state === 'copied'
          ? `${label} copied`
          : state === 'failed'
            ? 'Copy failed; select the link and copy it'
            : ''}
      </span>
    </div>
  );
}
