import type { z } from 'zod';
import { J } from './jira-fake-schemas';
import type { FakeProject } from './jira-fake';

/**
 * The Jira fake's project screen: its issue types, the Story create screen's field metadata (the
 * story-points field under a random id, absent from a project without it, and a second number
 * field), and the checks Jira itself makes of the field values a create or update sets.
 */
export function jiraScreen(o: {
  cloud: boolean;
  spField: string;
  other: string;
  /** records a schema mismatch in the fake's problems; false when it did not match */
  check: (schema: z.ZodType, value: unknown, what: string) => boolean;
}) {
  const { cloud, spField, other, check } = o;
  const issueTypes = [
    { id: '10001', name: 'Story', subtask: false, description: 'A user story', hierarchyLevel: 0 },
    { id: '10003', name: 'Sub-task', subtask: true, description: 'A piece of work', hierarchyLevel: -1 },
  ];
  const fieldMeta = (project: FakeProject) => [
    {
      fieldId: 'summary',
      key: 'summary',
      name: 'Summary',
      operations: ['set'],
      required: true,
      hasDefaultValue: false,
      schema: { type: 'string', system: 'summary' },
    },
    {
      fieldId: 'description',
      key: 'description',
      name: 'Description',
      operations: ['set'],
      required: false,
      hasDefaultValue: false,
      schema: { type: 'string', system: 'description' },
    },
    {
      fieldId: 'labels',
      key: 'labels',
      name: 'Labels',
      operations: ['add', 'set', 'remove'],
      required: false,
      hasDefaultValue: false,
      schema: { type: 'array', items: 'string', system: 'labels' },
    },
    ...(project.storyPoints
      ? [
          {
            fieldId: spField,
            key: spField,
            name: cloud ? 'Story point estimate' : 'Story Points',
            operations: ['set'],
            required: false,
            hasDefaultValue: false,
            schema: {
              type: 'number',
              custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
              customId: Number(spField.slice(12)),
            },
          },
        ]
      : []),
    {
      fieldId: other,
      key: other,
      name: 'Business value',
      operations: ['set'],
      required: false,
      hasDefaultValue: false,
      schema: {
        type: 'number',
        custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
        customId: Number(other.slice(12)),
      },
    },
  ];

  // Writes: the request is checked with the schema jira.js would send, then the field values
  // with what Jira itself enforces for the fields we touch.
  const checkFields = (f: Record<string, unknown>, p: FakeProject | undefined): string | null => {
    if (f.description !== undefined) {
      const ok = cloud
        ? check(J.DocumentSchema, f.description, 'description (ADF)') &&
          (f.description as { type?: string; version?: number }).type === 'doc'
        : typeof f.description === 'string';
      if (!ok) return 'description: Operation value must be a ' + (cloud ? 'Atlassian Document' : 'string');
    }
    if (
      f.labels !== undefined &&
      (!Array.isArray(f.labels) || f.labels.some((l) => typeof l !== 'string' || /\s/.test(l)))
    )
      return "labels: The label can't contain spaces.";
    for (const k of Object.keys(f)) {
      if (['summary', 'description', 'labels', 'project', 'issuetype'].includes(k)) continue;
      const known = p ? fieldMeta(p).find((x) => x.fieldId === k) : undefined;
      if (!known) return `${k}: Field '${k}' cannot be set. It is not on the appropriate screen, or unknown.`;
      if (f[k] !== null && typeof f[k] !== 'number') return `${k}: Operation value must be a number`;
    }
    return null;
  };

  return { issueTypes, fieldMeta, checkFields };
}
