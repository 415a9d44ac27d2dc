'use client';

import { useEffect, useId, useState } from 'react';
import type { FormalStoryVersion } from '@/lib/promote/types';
import { fetchVersions } from '@/components/promote/promote-api';
import { cx } from '@/components/ui/cx';
import { PANEL_FRAME } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { DiscussionSnapshot } from './discussion-snapshot';
import { boardStoryHref } from './links';
import { StoriesShell, Loading, LoadError } from './stories-shell';
import { StoryFacts } from './story-facts';
import { IssueLine } from '@/components/trackers/issue-link';
import { useStoryIssues } from './use-story-issues';
import { RoundList } from '@/components/session/round-list';
import { useFetched } from './use-fetched';
import { DiffLegend, VersionDiffView } from './version-diff-view';

/** /b/<id>/stories/<storyId>: every version, a diff of any two, and each version's discussion. */
export function StoryScreen({ boardId, storyId }: { boardId: string; storyId: string }) {
  const [attempt, setAttempt] = useState(0);
  const [title, setTitle] = useState<string | null>(null);
  return (
    <StoriesShell boardId={boardId} crumb={title ?? 'Story'}>
      {({ boardKey }) => (
        <StoryVersionsLoader
          boardId={boardId}
          storyId={storyId}
          boardKey={boardKey}
          attempt={attempt}
          retry={() => setAttempt((a) => a + 1)}
          onTitle={setTitle}
        />
      )}
    </StoriesShell>
  );
}

function StoryVersionsLoader(props: {
  boardId: string;
  storyId: string;
  boardKey: string;
  attempt: number;
  retry: () => void;
  onTitle: (title: string) => void;
}) {
  const { boardId, storyId, boardKey, attempt, retry, onTitle } = props;
  const versions = useFetched(
    () => fetchVersions(boardId, storyId, boardKey),
    `${boardId}\n${storyId}\n${boardKey}`,
    attempt,
  );
  const latestTitle = versions.state === 'ready' ? versions.value?.at(-1)?.title : undefined;
  useEffect(() => {
    if (latestTitle) onTitle(latestTitle);
  }, [latestTitle, onTitle]);
  if (versions.state === 'loading') return <Loading what="the story" />;
  if (versions.state === 'error')
    return <LoadError message={`Could not load the story: ${versions.message}`} onRetry={retry} />;
  if (!versions.value || versions.value.length === 0)
    return (
      <p role="alert" className="text-sm text-secondary">
        This story has no published versions (it may not have been promoted yet).
      </p>
    );
  return <StoryVersions boardId={boardId} boardKey={boardKey} versions={versions.value} />;
}

function StoryVersions({
  boardId,
  boardKey,
  versions,
}: {
  boardId: string;
  boardKey: string;
  versions: FormalStoryVersion[];
}) {
  const latest = versions[versions.length - 1]!;
  const [from, setFrom] = useState(Math.max(1, versions.length - 1));
  const [to, setTo] = useState(versions.length);
  const fromId = useId();
  const toId = useId();
  const pick = (n: number) => versions.find((v) => v.version === n) ?? latest;
  const issues = useStoryIssues(boardId, boardKey);
  return (
    <article className="flex flex-col gap-8">
      <header>
        <p className="text-xs font-medium text-emerald-700 dark:text-emerald-400">
          Formal story · v{latest.version} · {versions.length}{' '}
          {versions.length === 1 ? 'version' : 'versions'}
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words">{latest.title}</h1>
        <p className="mt-2 text-base leading-7 break-words" data-testid="latest-narrative">
          {latest.narrative}
        </p>
        <div className="mt-2">
          <StoryFacts story={latest} />
        </div>
        {issues && (
          <div className="mt-2">
            <IssueLine testId="story-issue" issue={issues.get(latest.storyId)} version={latest.version} />
          </div>
        )}
        <a
          href={boardStoryHref(boardId, latest.storyId, boardKey)}
          className="mt-3 inline-block rounded text-sm text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400"
        >
          Open the shell story on the board
        </a>
      </header>

      {versions.length > 1 && (
        <section aria-labelledby="compare-title" className="flex flex-col gap-3">
          <h2 id="compare-title" className="text-lg font-semibold">
            Compare versions
          </h2>
          <div className="flex flex-wrap items-end gap-4">
            <VersionSelect id={fromId} label="From" value={from} versions={versions} onChange={setFrom} />
            <VersionSelect id={toId} label="To" value={to} versions={versions} onChange={setTo} />
            <DiffLegend />
          </div>
          {from === to ? (
            <p className="text-sm text-secondary">Choose two different versions to compare.</p>
          ) : (
            <VersionDiffView from={pick(from)} to={pick(to)} />
          )}
        </section>
      )}

      <section aria-labelledby="versions-title" className="flex flex-col gap-3">
        <h2 id="versions-title" className="text-lg font-semibold">
          Versions
        </h2>
        <ol className="flex flex-col gap-2">
          {[...versions].reverse().map((v) => (
            <li key={v.version}>
              <VersionDetails version={v} open={v.version === latest.version} />
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function VersionSelect(props: {
  id: string;
  label: string;
  value: number;
  versions: FormalStoryVersion[];
  onChange: (n: number) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="text-xs font-medium text-secondary">
        {props.label}
      </label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
        className="h-9 rounded-lg border border-line-strong bg-surface px-2 text-sm focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        {props.versions.map((v) => (
          <option key={v.version} value={v.version}>
            Version {v.version}
          </option>
        ))}
      </select>
    </div>
  );
}

function VersionDetails({ version: v, open }: { version: FormalStoryVersion; open: boolean }) {
  const h = 'text-xs font-medium tracking-wide text-muted uppercase';
  return (
    <details open={open} data-testid="version" className={cx(PANEL_FRAME, 'p-4')}>
      <summary className="cursor-pointer rounded text-sm focus-visible:outline-2 focus-visible:outline-indigo-500">
        <span className="font-semibold">Version {v.version}</span>{' '}
        <span className="text-muted">
          · published by {v.author} <RelativeTime at={v.publishedAt} />
        </span>
      </summary>
      <div className="mt-3 flex flex-col gap-4">
        <p className="text-sm leading-6 break-words">{v.narrative}</p>
        <StoryFacts story={v} />
        <List title="Acceptance criteria" items={v.criteria} ordered className={h} />
        <List title="Decisions" items={v.decisions} className={h} />
        <List title="Open questions when published" items={v.openQuestions} className={h} />
        {v.rounds && v.rounds.length > 0 && (
          <div data-testid="version-rounds">
            <h3 className={h}>Rounds before version {v.version}</h3>
            <RoundList rounds={v.rounds} />
          </div>
        )}
        <div>
          <h3 className={h}>Discussion at version {v.version}</h3>
          <div className="mt-2">
            <DiscussionSnapshot notes={v.discussion} />
          </div>
        </div>
      </div>
    </details>
  );
}

function List(props: { title: string; items: string[]; ordered?: boolean; className: string }) {
  if (props.items.length === 0 && !props.ordered) return null;
  const Tag = props.ordered ? 'ol' : 'ul';
  return (
    <div>
      <h3 className={props.className}>{props.title}</h3>
      {props.items.length === 0 ? (
        <p className="mt-1 text-sm text-muted">None.</p>
      ) : (
        <Tag className={`mt-1 ${props.ordered ? 'list-decimal' : 'list-disc'} pl-5 text-sm leading-6`}>
          {props.items.map((c, i) => (
            <li key={i} className="break-words whitespace-pre-line">
              {c}
            </li>
          ))}
        </Tag>
      )}
    </div>
  );
}
