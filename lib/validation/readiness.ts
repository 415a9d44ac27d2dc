import { z } from 'zod';

/** The body of `GET /api/boards/:id/readiness` (docs/readiness.md): exactly these keys. */
export const readinessReportSchema = z.strictObject({
  rules: z.array(z.strictObject({ id: z.string(), label: z.string(), kind: z.enum(['auto', 'manual']) })),
  stories: z.array(z.strictObject({ storyId: z.string(), ready: z.boolean(), missing: z.array(z.string()) })),
});
export type ReadinessReport = z.infer<typeof readinessReportSchema>;
