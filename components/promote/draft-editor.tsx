'use client';

import { useId } from 'react';
import type { Draft } from '@/lib/promote/draft';
import { useReadiness } from '@/lib/board/hooks';
import { unmetForPromotion } from '@/lib/board/readiness';
import { useBoard } from '@/components/board/board-context';
import { CollabText } from '@/components/ui/collab-text';
import { Icon } from '@/components/ui/icon';
import { CriterionList } from './criterion-list';
import { DraftActions } from './draft-actions';
import { DraftExtras } from './draft-extras';
import type { PublishResult } from './promote-api';
import { PublishStory } from './publish-story';
import type { LiveDraft } from './use-draft';

/** What publishing now would leave open: a missing why and every unresolved question. */
export function draftWarnings(built: Draft): string[] {
  return [
    ...(built.whyMissing ? ['The story has no why.'] : []),
    ...built.openQuestions.map((q) => `Open question: ${q}`),
  ];
}

/** The live promotion draft: narrative and criteria co-edited by the team, then published by the PO. */
export function DraftEditor({
  storyId,
  draft,
  built,
  persona,
  version,
  onPublished,
}: {
  storyId: string;
  draft: LiveDraft;
  built: Draft;
  persona: string | null;
  /** the version publishing will create */
  version: number;
  onPublished: (r: PublishResult) => void;
}) {
  const { doc, canEdit, signalTyping, origin } = useBoard();
  const criteriaId = useId();
  // Unmet rules of the definition of ready join the same warning (and the publish confirm).
  const readiness = useReadiness(doc, storyId);
  const warnings = [...draftWarnings(built), ...unmetForPromotion(readiness)];
  return (
    <div data-testid="draft-editor" className="flex flex-col gap-4">
      <p className="text-xs text-muted">
        Draft of version {version} — edited live by the whole team; only the PO publishes it.
      </p>
      {warnings.length > 0 && (
        <div
          data-testid="draft-warnings"
          className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          <Icon name="alert" className="mt-0.5 size-3.5 shrink-0" />
          <div>
            <p className="font-medium">Still open before publishing</p>
            <ul className="mt-1 list-disc pl-4">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <div>
        <h4 className="text-xs font-medium tracking-wide text-muted uppercase">Narrative</h4>
        {draft.narrative ? (
          <CollabText
            text={draft.narrative}
            label="Narrative"
            multiline
            readOnly={!canEdit}
            maxLength={4000}
            placeholder="As a …, I want …, so that …"
            className="mt-1 text-sm leading-6"
            origin={origin}
            onLocalEdit={signalTyping}
          />
        ) : (
          <p className="mt-1 text-sm text-muted">This draft has no narrative.</p>
        )}
      </div>
      <div aria-labelledby={criteriaId} role="group">
        <h4 id={criteriaId} className="mb-1 text-xs font-medium tracking-wide text-muted uppercase">
          Acceptance criteria
        </h4>
        <CriterionList storyId={storyId} criteria={draft.criteria} />
      </div>
      <DraftExtras built={built} persona={persona} storyId={storyId} />
      <div className="flex flex-wrap items-center gap-2 border-t border-subtle pt-3">
        <PublishStory storyId={storyId} warnings={warnings} onPublished={onPublished} />
        <DraftActions storyId={storyId} built={built} />
      </div>
    </div>
  );
}
