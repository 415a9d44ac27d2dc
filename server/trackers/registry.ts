import { createRedmineConnector } from './redmine';
import type { ConnectorFactory, TrackerKind } from './types';

/**
 * Which connector serves which tracker kind. A connector is one file beside this one exporting a
 * `ConnectorFactory`; adding a tracker is that file and one line here.
 */
const FACTORIES: Partial<Record<TrackerKind, ConnectorFactory>> = {
  redmine: createRedmineConnector,
};

/** The connector factory for `kind`, or null when this build has none for it. */
export function connectorFor(kind: TrackerKind): ConnectorFactory | null {
  return FACTORIES[kind] ?? null;
}
