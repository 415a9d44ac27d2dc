'use client';

import { useState } from 'react';
import type { TrackerConfig } from '@/lib/trackers/client';
import { Button } from '@/components/ui/button';
import { BulkPush } from './bulk-push';
import { KIND_HINTS } from './kind-hints';
import { TrackerForm } from './tracker-form';
import { useTracker, useTrackerConfig } from './tracker-context';

/** The share panel's Tracker part (owner): connect, see the connection, bulk push, disconnect. */
export function TrackerSection() {
  const config = useTrackerConfig();
  const { store, refresh } = useTracker();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');

  function saved(c: TrackerConfig) {
    store.setConfig(c);
    setEditing(false);
    setNote(`Connected to ${KIND_HINTS[c.kind].label}.`);
    void refresh();
  }

  return (
    <section
      aria-labelledby="tracker-title"
      data-testid="tracker-section"
      className="mt-3 border-t border-subtle pt-3"
    >
      <h3 id="tracker-title" className="text-sm font-semibold">
        Tracker
      </h3>
      {config === undefined ? (
        <p className="mt-1 text-xs text-muted">Reading the board’s tracker…</p>
      ) : config === null || editing ? (
        <>
          <p className="mt-0.5 text-xs text-muted">
            Push formal stories into Jira, GitHub, GitLab or Redmine and keep them in step. The token is
            stored encrypted and never shown again.
          </p>
          <TrackerForm
            initial={config ?? undefined}
            onSaved={saved}
            onCancel={editing ? () => setEditing(false) : undefined}
          />
        </>
      ) : (
        <Connected
          config={config}
          onEdit={() => setEditing(true)}
          onDisconnected={() => {
            store.setConfig(null);
            setNote('Tracker disconnected.');
          }}
        />
      )}
      <p className="sr-only" aria-live="polite">
        {note}
      </p>
    </section>
  );
}

function Connected({
  config,
  onEdit,
  onDisconnected,
}: {
  config: TrackerConfig;
  onEdit: () => void;
  onDisconnected: () => void;
}) {
  const { client } = useTracker();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function disconnect() {
    if (!client) return;
    setBusy(true);
    setError(null);
    try {
      await client.disconnect();
      onDisconnected();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <div className="mt-2 flex flex-col gap-3" data-testid="tracker-connected">
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-xs">
        <dt className="text-muted">Connected to</dt>
        <dd className="font-medium">{KIND_HINTS[config.kind].label}</dd>
        <dt className="text-muted">Address</dt>
        <dd className="break-all">{config.baseUrl}</dd>
        <dt className="text-muted">{KIND_HINTS[config.kind].project.label}</dt>
        <dd>{config.project}</dd>
        <dt className="text-muted">Estimate field</dt>
        <dd>{config.fields.estimate ?? defaultEstimate(config.kind)}</dd>
        <dt className="text-muted">Token</dt>
        <dd>{config.tokenSet ? 'Token saved' : 'No token'}</dd>
      </dl>
      <BulkPush />
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" variant="ghost" onClick={onEdit}>
          Change connection…
        </Button>
        {!confirming ? (
          <Button size="sm" variant="ghost-danger" onClick={() => setConfirming(true)}>
            Disconnect…
          </Button>
        ) : (
          <div
            role="group"
            aria-label="Confirm disconnect"
            className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 p-2 text-xs text-red-900 dark:bg-red-950 dark:text-red-200"
          >
            <span>Forget this connection and its token? Issues already in the tracker stay there.</span>
            <Button size="sm" variant="danger" disabled={busy} onClick={() => void disconnect()}>
              {busy ? 'Disconnecting…' : 'Disconnect'}
            </Button>
            <Button size="sm" variant="ghost" disabled={busy} onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        )}
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

function defaultEstimate(kind: TrackerConfig['kind']): string {
  if (kind === 'github') return 'label "estimate: N"';
  if (kind === 'gitlab') return 'weight';
  if (kind === 'redmine') return 'estimated_hours';
  return 'found by name';
}

/** Team and view links: the connection in one read-only line, when there is one. */
export function TrackerBadge() {
  const config = useTrackerConfig();
  if (!config) return null;
  return (
    <span data-testid="tracker-badge" className="text-xs text-muted">
      Connected to {KIND_HINTS[config.kind].label} · {config.project}
    </span>
  );
}
