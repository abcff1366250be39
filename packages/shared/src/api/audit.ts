import { z } from 'zod';
import { endpoint, Page, PageSize, paginated } from './endpoint.ts';

/** Every kind of audited event. The server may only write these; the web catalogue names each one. */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'auth.password_changed',
  'auth.mfa_enabled',
  'auth.mfa_disabled',
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'user.password_reset',
  'user.mfa_reset',
  'orgUnit.village_created',
  'orgUnit.village_renamed',
  'orgUnit.village_closed',
  'orgUnit.village_moved',
  'demo.seeded',
  'register.household_created',
  'register.household_updated',
  'register.household_moved',
  'register.person_created',
  'register.person_updated',
  'register.person_moved',
  'register.person_moved_out',
  'register.person_died',
  'register.person_archived',
  'register.persons_merged',
  'register.duplicate_dismissed',
  'register.circumstance_assigned',
  'register.circumstance_ended',
  'register.flag_assigned',
  'register.flag_ended',
  'register.flag_type_saved',
  'register.imported',
  'register.exported',
  'register.book_printed',
] as const;
export const AuditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditAction>;

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
