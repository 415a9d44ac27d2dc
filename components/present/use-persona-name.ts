'use client';

import type * as Y from 'yjs';
import { useTypeVersion } from '@/lib/board/hooks';
import { isEntityMap, readText, roots } from '@/lib/board/schema';

/** The persona's name for a story, read straight from the doc (re-read when personas change). */
export function usePersonaName(doc: Y.Doc, personaId: string | null): string | null {
  const personas = roots(doc).personas;
  useTypeVersion(personas);
  if (!personaId) return null;
  const m = personas.get(personaId);
  return isEntityMap(m) ? readText(m, 'name') || null : null;
}
