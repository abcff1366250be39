import { z } from 'zod';
import { endpoint, Page, PageSize, paginated } from './endpoint.ts';

export const AuditEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const auditEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/audit-events',
    permission: 'audit.read',
    summary: 'Audit events about entities within the caller’s scope, newest first',
    tag: 'audit',
    query: z.strictObject({
      entityType: z.string().trim().max(50).optional(),
      entityId: z.string().trim().max(100).optional(),
      page: Page,
      pageSize: PageSize,
    }),
    response: paginated(AuditEvent),
  }),
};
