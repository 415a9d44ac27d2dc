'use client';

import type { ReactNode } from 'react';
import type { FormalStoryVersion } from '@/lib/promote/types';
import { diffCriteria, diffWords, sides, type CriterionRow, type WordPart } from '@/lib/promote/version-diff';
import { cx } from '@/components/ui/cx';

/*
 * Side-by-side comparison of two versions. Changes are never shown by colour alone: removed words
 * are struck through (<del>), added ones underlined (<ins>), and screen readers hear "removed:" /
 * "added:" before each change.
 */

const del = 'bg-red-100 text-red-900 line-through decoration-2 dark:bg-red-950 dark:text-red-200';
const ins =
  'bg-emerald-100 text-emerald-900 underline decoration-2 dark:bg-emerald-950 dark:text-emerald-200';

/** Whitespace at the edges of a change is drawn outside the mark, so only words are highlighted. */
function edges(text: string): [string, string, string] {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  return m ? [m[1]!, m[2]!, m[3]!] : ['', text, ''];
}

function Parts({ parts }: { parts: WordPart[] }) {
  return (
    <>
      {parts.map((p, i) => {
        if (p.kind === 'same') return <span key={i}>{p.text}</span>;
        const [lead, core, trail] = edges(p.text);
        const Mark = p.kind === 'removed' ? 'del' : 'ins';
        return (
          <span key={i}>
            {lead}
            {core && (
              <Mark className={cx('rounded-sm', p.kind === 'removed' ? del : ins)}>
                <span className="sr-only">{p.kind}: </span>
                {core}
              </Mark>
            )}
            {trail}
          </span>
        );
      })}
    </>
  );
}

function TextPair({ before, after }: { before: string; after: string }) {
  const s = sides(diffWords(before, after));
  return (
    <>
      <Cell>
        <Parts parts={s.before} />
      </Cell>
      <Cell>
        <Parts parts={s.after} />
      </Cell>
    </>
  );
}

function Cell({ children, empty }: { children?: ReactNode; empty?: string }) {
  return (
    <div className="min-w-0 rounded-md bg-zinc-50 p-2 text-sm leading-6 break-words whitespace-pre-wrap dark:bg-zinc-900">
      {children ?? <span className="text-muted italic">{empty}</span>}
    </div>
  );
}

function CriterionPair({ row }: { row: CriterionRow }) {
  switch (row.kind) {
    case 'same':
      return <TextPair before={row.text} after={row.text} />;
    case 'changed': {
      const s = sides(row.parts);
      return (
        <>
          <Cell>
            <Parts parts={s.before} />
          </Cell>
          <Cell>
            <Parts parts={s.after} />
          </Cell>
        </>
      );
    }
    case 'removed':
      return (
        <>
          <Cell>
            <Parts parts={[{ kind: 'removed', text: row.before }]} />
          </Cell>
          <Cell empty="(criterion removed)" />
        </>
      );
    case 'added':
      return (
        <>
          <Cell empty="(criterion added)" />
          <Cell>
            <Parts parts={[{ kind: 'added', text: row.after }]} />
          </Cell>
        </>
      );
  }
}

const facts = (v: FormalStoryVersion) =>
  `Estimate ${v.estimate ?? '—'} · Persona ${v.persona ?? '—'} · Value ${v.value ?? '—'}`;

export function VersionDiffView({ from, to }: { from: FormalStoryVersion; to: FormalStoryVersion }) {
  const rows = diffCriteria(from.criteria, to.criteria);
  const heading = 'text-xs font-medium tracking-wide text-muted uppercase';
  const changed = rows.filter((r) => r.kind !== 'same').length;
  return (
    <div data-testid="version-diff" className="grid grid-cols-2 gap-2">
      <p className="text-sm font-semibold">Version {from.version}</p>
      <p className="text-sm font-semibold">Version {to.version}</p>
      {from.title !== to.title && (
        <>
          <h3 className={cx(heading, 'col-span-2')}>Title</h3>
          <TextPair before={from.title} after={to.title} />
        </>
      )}
      <h3 className={cx(heading, 'col-span-2')}>Narrative</h3>
      <TextPair before={from.narrative} after={to.narrative} />
      <h3 className={cx(heading, 'col-span-2 mt-2')}>
        Acceptance criteria{' '}
        <span className="font-normal normal-case">
          ({changed === 0 ? 'unchanged' : `${changed} ${changed === 1 ? 'change' : 'changes'}`})
        </span>
      </h3>
      {rows.length === 0 ? (
        <>
          <Cell empty="(none)" />
          <Cell empty="(none)" />
        </>
      ) : (
        rows.map((row, i) => <CriterionPair key={i} row={row} />)
      )}
      {facts(from) !== facts(to) && (
        <>
          <h3 className={cx(heading, 'col-span-2 mt-2')}>Details</h3>
          <TextPair before={facts(from)} after={facts(to)} />
        </>
      )}
    </div>
  );
}

export function DiffLegend() {
  return (
    <p className="text-xs text-secondary">
      <del className={cx('rounded-sm px-1', del)}>struck through</del> = removed,{' '}
      <ins className={cx('rounded-sm px-1', ins)}>underlined</ins> = added.
    </p>
  );
}
