import { z } from 'zod';

/**
 * The schemas the Jira fake (./jira-fake.ts) checks requests and answers with: jira.js's models in
 * strict audit mode, and the few Data Center shapes jira.js (Cloud) does not describe.
 */

// The switch is read when jira.js builds its schemas, so it is set before the (dynamic) import.
process.env.AUDIT_SCHEMAS = 'true';
export const J = await import('jira.js/cloud');
delete process.env.AUDIT_SCHEMAS;

export const DcPage = (item: z.ZodType) =>
  z.strictObject({
    maxResults: z.number(),
    startAt: z.number(),
    total: z.number(),
    isLast: z.boolean(),
    values: z.array(item),
  });

// Data Center's wiki bodies: the same request shapes with a string where Cloud has ADF.
export const DcCreate = z.strictObject({ fields: z.record(z.string(), z.unknown()) });
export const DcComment = z.strictObject({ body: z.string() });
