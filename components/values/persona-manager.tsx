'use client';

import { useState } from 'react';
import { createPersona, setPersonaArchived, updatePersona } from '@/lib/board/personas';
import { DESCRIPTION_MAX, NAME_MAX, type PersonaView } from '@/lib/board/types';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { inputClass, labelClass } from './field-classes';
import { ArchivedBadge, EntryForm, SectionTitle, attempt } from './manager-parts';

/** Personas: a name and one line each. Archived ones leave the pickers but keep their name on old stories. */
export function PersonaManager({ personas }: { personas: readonly PersonaView[] }) {
  const { canEdit } = useBoard();
  const [editing, setEditing] = useState<string | null>(null);
  const ordered = [...personas.filter((p) => !p.archived), ...personas.filter((p) => p.archived)];
  return (
    <section aria-labelledby="personas-title" className="flex flex-col gap-3">
      <SectionTitle id="personas-title" count={personas.filter((p) => !p.archived).length}>
        Personas
      </SectionTitle>
      {ordered.length === 0 && (
        <p className="text-sm text-muted">No personas yet. Who are the stories for?</p>
      )}
      <ul className="flex flex-col divide-y divide-subtle" aria-label="Personas">
        {ordered.map((p) =>
          editing === p.id ? (
            <li key={p.id} className="py-2">
              <PersonaForm persona={p} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={p.id} data-testid="persona" className="flex items-start justify-between gap-3 py-2">
              <div className="min-w-0">
                <p className="flex items-center gap-2 text-sm font-medium break-words">
                  {p.name} {p.archived && <ArchivedBadge />}
                </p>
                {p.description && <p className="text-xs break-words text-muted">{p.description}</p>}
              </div>
              {canEdit && <PersonaActions persona={p} onEdit={() => setEditing(p.id)} />}
            </li>
          ),
        )}
      </ul>
      {canEdit && <PersonaForm persona={null} onDone={() => undefined} />}
    </section>
  );
}

function PersonaActions({ persona, onEdit }: { persona: PersonaView; onEdit: () => void }) {
  const { doc, origin } = useBoard();
  return (
    <div className="flex shrink-0 gap-1">
      <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit persona ${persona.name}`}>
        Edit
      </Button>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => setPersonaArchived(doc, persona.id, !persona.archived, origin)}
        aria-label={`${persona.archived ? 'Restore' : 'Archive'} persona ${persona.name}`}
      >
        {persona.archived ? 'Restore' : 'Archive'}
      </Button>
    </div>
  );
}

function PersonaForm({ persona, onDone }: { persona: PersonaView | null; onDone: () => void }) {
  const { doc, origin } = useBoard();
  const [name, setName] = useState(persona?.name ?? '');
  const [description, setDescription] = useState(persona?.description ?? '');
  const [error, setError] = useState<string | null>(null);
  function save() {
    const err = attempt(() =>
      persona
        ? updatePersona(doc, persona.id, { name, description }, origin)
        : createPersona(doc, { name, description }, origin),
    );
    setError(err);
    if (err) return;
    if (!persona) {
      setName('');
      setDescription('');
    }
    onDone();
  }
  return (
    <EntryForm
      label={persona ? `Edit persona ${persona.name}` : 'New persona'}
      submitLabel={persona ? 'Save' : 'Add persona'}
      onSubmit={save}
      onCancel={persona ? onDone : undefined}
      error={error}
    >
      <label className={`${labelClass} w-44`}>
        Persona name
        <input
          className={inputClass}
          value={name}
          maxLength={NAME_MAX}
          required
          placeholder="e.g. Busy PO"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className={`${labelClass} min-w-48 flex-1`}>
        One line about them
        <input
          className={inputClass}
          value={description}
          maxLength={DESCRIPTION_MAX}
          placeholder="What they need and why"
          onChange={(e) => setDescription(e.target.value)}
        />
      </label>
    </EntryForm>
  );
}
