'use client';

import { useId, useState, type FormEvent } from 'react';
import {
  TRACKER_KINDS,
  TrackerApiError,
  trackerKindSchema,
  type TrackerConfig,
  type TrackerField,
  type TrackerKind,
} from '@/lib/trackers/client';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { inputClass, labelClass, selectClass } from '@/components/values/field-classes';
import { ESTIMATE_NOTE, KIND_HINTS } from './kind-hints';
import { useTracker } from './tracker-context';

interface FieldProps {
  name: TrackerField;
  label: string;
  hint: string;
  error: string | null;
  children: (a11y: { id: string; 'aria-describedby': string; 'aria-invalid': boolean }) => React.ReactNode;
}

/** A labelled control with its hint and, when the tracker objected to it, the tracker's words. */
function Field({ name, label, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={labelClass} data-field={name}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-describedby': error ? `${errorId} ${hintId}` : hintId,
        'aria-invalid': !!error,
      })}
      {error && (
        <span id={errorId} className="font-normal text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
      <span id={hintId} className="font-normal text-muted">
        {hint}
      </span>
    </div>
  );
}

/**
 * Owner: connect the board to a tracker. Test & save sends it all to the server, which checks the
 * token and project with the tracker before storing anything; a refusal shows the tracker's own
 * message on the field it concerns (or above the button).
 */
export function TrackerForm({
  initial,
  onSaved,
  onCancel,
}: {
  initial?: TrackerConfig;
  onSaved: (config: TrackerConfig) => void;
  onCancel?: () => void;
}) {
  const { client } = useTracker();
  const [kind, setKind] = useState<TrackerKind>(initial?.kind ?? 'jira');
  const [baseUrl, setBaseUrl] = useState(initial?.baseUrl ?? '');
  const [project, setProject] = useState(initial?.project ?? '');
  const [token, setToken] = useState('');
  const [estimate, setEstimate] = useState(initial?.fields.estimate ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: TrackerField | null; message: string } | null>(null);
  const hints = KIND_HINTS[kind];
  const fieldError = (f: TrackerField) => (error?.field === f ? error.message : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!client) return;
    setBusy(true);
    setError(null);
    try {
      const fields = hints.estimate && estimate.trim() ? { estimate: estimate.trim() } : undefined;
      const saved = await client.connect({
        kind,
        baseUrl: baseUrl.trim(),
        project: project.trim(),
        token: token.trim(),
        ...(fields ? { fields } : {}),
      });
      setToken('');
      onSaved(saved);
    } catch (err) {
      const field = err instanceof TrackerApiError ? err.field : null;
      setError({ field, message: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form aria-label="Connect a tracker" onSubmit={submit} className="mt-3 flex flex-col gap-3">
      <Field
        name="kind"
        label="Tracker"
        hint="Formal stories are pushed there as issues."
        error={fieldError('kind')}
      >
        {(a11y) => (
          <select
            {...a11y}
            value={kind}
            onChange={(e) => {
              setKind(trackerKindSchema.parse(e.target.value));
              setError(null);
            }}
            className={cx(selectClass, 'sm:max-w-xs')}
          >
            {TRACKER_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_HINTS[k].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="baseUrl" label="Address" hint={hints.baseUrl.hint} error={fieldError('baseUrl')}>
          {(a11y) => (
            <input
              {...a11y}
              type="url"
              required
              value={baseUrl}
              placeholder={hints.baseUrl.placeholder}
              onChange={(e) => setBaseUrl(e.target.value)}
              className={cx(inputClass, fieldError('baseUrl') && 'border-red-500')}
            />
          )}
        </Field>
        <Field
          name="project"
          label={hints.project.label}
          hint={hints.project.hint}
          error={fieldError('project')}
        >
          {(a11y) => (
            <input
              {...a11y}
              required
              value={project}
              placeholder={hints.project.placeholder}
              onChange={(e) => setProject(e.target.value)}
              className={cx(inputClass, fieldError('project') && 'border-red-500')}
            />
          )}
        </Field>
        <Field name="token" label={hints.token.label} hint={hints.token.hint} error={fieldError('token')}>
          {(a11y) => (
            <input
              {...a11y}
              type="password"
              required
              autoComplete="off"
              value={token}
              placeholder={initial?.tokenSet ? 'Saved — enter it again to change the connection' : undefined}
              onChange={(e) => setToken(e.target.value)}
              className={cx(inputClass, fieldError('token') && 'border-red-500')}
            />
          )}
        </Field>
        {hints.estimate ? (
          <Field
            name="estimate"
            label="Estimate field (optional)"
            hint={hints.estimate.hint}
            error={fieldError('estimate')}
          >
            {(a11y) => (
              <input
                {...a11y}
                value={estimate}
                placeholder={hints.estimate?.placeholder}
                onChange={(e) => setEstimate(e.target.value)}
                className={cx(inputClass, fieldError('estimate') && 'border-red-500')}
              />
            )}
          </Field>
        ) : (
          <p className="self-end text-xs text-muted">{ESTIMATE_NOTE[kind]}</p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" variant="primary" disabled={busy || !client}>
          {busy ? 'Testing…' : 'Test & save'}
        </Button>
        {onCancel && (
          <Button size="sm" variant="ghost" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        )}
        {error && !error.field && (
          <p role="alert" className="text-xs text-red-700 dark:text-red-400" data-testid="tracker-error">
            {error.message}
          </p>
        )}
        {error?.field && (
          <p role="alert" className="sr-only">
            {error.message}
          </p>
        )}
      </div>
    </form>
  );
}
