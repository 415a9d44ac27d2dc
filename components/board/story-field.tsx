'use client';

import { useEffect } from 'react';
import { useStoryText } from '@/lib/board/hooks';
import { ensureText } from '@/lib/board/ops';
import { getStoryMap } from '@/lib/board/schema';
import { TITLE_MAX, WHY_MAX } from '@/lib/board/types';
import { CollabText } from '@/components/ui/collab-text';
import { useBoard } from './board-context';

interface Props {
  storyId: string;
  field: 'title' | 'why';
  label: string;
  /** shown when read-only and there is no Y.Text (a foreign client wrote a plain string) */
  fallback: string;
  className?: string;
  placeholder?: string;
}

/** A story's title or why, co-edited live; read-only text for the view link. */
export function StoryField({ storyId, field, label, fallback, className, placeholder }: Props) {
  const { doc, canEdit, signalTyping, origin } = useBoard();
  const text = useStoryText(doc, storyId, field);

  // A foreign client may have stored a plain string; editors upgrade it to a Y.Text to co-edit it.
  useEffect(() => {
    if (text || !canEdit) return;
    const m = getStoryMap(doc, storyId);
    if (m) doc.transact(() => ensureText(m, field));
  }, [text, canEdit, doc, storyId, field]);

  // Readers get the title as the panel's heading; editors get a labelled field.
  const Wrap = field === 'title' && !canEdit ? 'h2' : 'div';
  if (!text) return <Wrap className={className}>{fallback}</Wrap>;
  const editor = (
    <CollabText
      key={storyId}
      text={text}
      label={label}
      multiline={field === 'why'}
      readOnly={!canEdit}
      maxLength={field === 'title' ? TITLE_MAX : WHY_MAX}
      placeholder={placeholder}
      className={className}
      onLocalEdit={signalTyping}
      origin={origin}
    />
  );
  return canEdit ? editor : <Wrap>{editor}</Wrap>;
}
