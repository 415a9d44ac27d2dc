'use client';

import { memo, useMemo, useState } from 'react';
import { useStory, useStoryNotes } from '@/lib/board/hooks';
import { buildDraft } from '@/lib/promote/draft';
import { ensureDraft } from '@/lib/promote/draft-doc';
import { nextVersionDraft } from '@/lib/promote/next-draft';
import { useBoard } from '@/components/board/board-context';
import { useLinkKey } from '@/components/board/use-link-key';
import { usePersonaName } from '@/components/present/use-persona-name';
import { formalStoryHref } from '@/components/stories/links';
import { Button } from '@/components/ui/button';
import { DraftEditor } from './draft-editor';
import { fetchVersion, type PublishResult } from './promote-api';
import { useDraft } from './use-draft';

/**
 * The one path from discussion to formal story, in the story panel:
 * Promote (owner) → a draft in the doc, co-edited live → Publish (warnings + confirm) → Formal vN.
 */
// Memoised: the open story's panel re-renders on every keystroke in its title; this part
// depends only on the story id and subscribes to what it shows.
export const PromoteSection = memo(function PromoteSection({ storyId }: { storyId: string }) {
  const { doc, boardId, isOwner, me } = useBoard();
  const key = useLinkKey();
  const story = useStory(doc, storyId);
  const notes = useStoryNotes(doc, storyId);
  const persona = usePersonaName(doc, story?.personaId ?? null);
  const built = useMemo(() => (story ? buildDraft(story, notes, persona) : null), [story, notes, persona]);
  const draft = useDraft(doc, storyId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [published, setPublished] = useState<PublishResult | null>(null);
  if (!story || !built) return null;
  const formal = story.formalVersion;
  if (!draft && formal === null && !isOwner) return null;

  async function promote() {
    if (!built) return;
    setBusy(true);
    setError(null);
    setPublished(null);
    try {
      // Version n+1 starts from what was published last, plus criteria the discussion gained since.
      const start =
        formal !== null && key
          ? nextVersionDraft(await fetchVersion(boardId, storyId, formal, key), built)
          : built;
      ensureDraft(doc, storyId, start, me.id);
    } catch (e) {
      setError(`Could not start the draft: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-label="Formal story"
      data-testid="promote"
      className="flex flex-col gap-3 rounded-lg border border-line p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Formal story</h3>
        {formal !== null && key && (
          <a
            data-testid="formal-link"
            href={formalStoryHref(boardId, storyId, key)}
            className="rounded text-sm font-medium text-emerald-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-emerald-400"
          >
            Formal v{formal} — view formal story
          </a>
        )}
      </div>
      {draft ? (
        <DraftEditor
          storyId={storyId}
          draft={draft}
          built={built}
          persona={persona}
          version={(formal ?? 0) + 1}
          onPublished={setPublished}
        />
      ) : (
        isOwner && (
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="min-w-0 flex-1 text-xs text-muted">
              {formal === null
                ? 'Turn the discussion into a draft the team edits together, then publish it.'
                : `Start a draft of version ${formal + 1} from version ${formal} and the discussion since.`}
            </p>
            <Button size="sm" variant="primary" disabled={busy} onClick={() => void promote()}>
              {busy ? 'Starting…' : formal === null ? 'Promote' : `Promote to v${formal + 1}`}
            </Button>
          </div>
        )
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {published && !draft && (
        <p aria-live="polite" className="text-xs text-secondary">
          {published.created
            ? `Published as version ${published.version}.`
            : `Nothing changed since version ${published.version}; no new version was needed.`}
        </p>
      )}
    </section>
  );
});
