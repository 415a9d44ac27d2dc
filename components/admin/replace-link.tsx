'use client';

import { useState } from 'react';
import type { Role } from '@/lib/board/types';
import { Button } from '@/components/ui/button';

/**
 * "Replace" for one share link, with an inline confirmation: replacing cuts off everyone who is
 * using the old link at once, which deserves a second click.
 */
export function ReplaceLink({ role, onReplace }: { role: Role; onReplace: (role: Role) => Promise<void> }) {
  const [stage, setStage] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setStage('busy');
    setError(null);
    try {
      await onReplace(role);
      setStage('idle');
    } catch (e) {
      setError((e as Error).message);
      setStage('confirm');
    }
  }

  if (stage === 'idle') {
    return (
      <Button size="sm" variant="ghost" onClick={() => setStage('confirm')}>
        Replace {role} link
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-label={`Replace the ${role} link`}
      className="flex flex-wrap items-center gap-2 text-xs"
    >
      <span className="text-amber-700 dark:text-amber-400">
        Everyone using the current {role} link is disconnected at once.
      </span>
      <Button size="sm" onClick={confirm} disabled={stage === 'busy'}>
        {stage === 'busy' ? 'Replacing…' : `Yes, replace the ${role} link`}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setStage('idle')} disabled={stage === 'busy'}>
        Cancel
      </Button>
      {error && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </div>
  );
}
