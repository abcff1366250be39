import { api, type AuditEvent } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../db/transaction.ts';
import { route, type RouteDeps } from '../../http/route.ts';
import { COUNTRY_PATH, withinScope, type Scope } from '../access/scope.ts';

/** Events about entities inside the scope. Events with no org path (sign-ins of national users…) are national. */
async function listAuditEvents(
  scope: Scope,
  db: Executor,
  filter: { entityType?: string | undefined; entityId?: string | undefined; page: number; pageSize: number },
) {
  let query = db.selectFrom('audit_event as a');
  // National administrators also see events that belong to no unit (system seeding, unknown-user sign-ins).
  if (!scope.paths.includes(COUNTRY_PATH)) query = query.where(withinScope('a.org_path', scope));
  if (filter.entityType) query = query.where('a.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('a.entity_id', '=', filter.entityId);
  const [{ total } = { total: 0 }] = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await query
    .selectAll('a')
    .orderBy('a.seq', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const items: AuditEvent[] = rows.map((row) => ({
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorUsername: row.actor_username,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason,
    requestId: row.request_id,
  }));
  return { items, total: Number(total), page: filter.page, pageSize: filter.pageSize };
}

export function registerAuditRoutes(app: FastifyInstance, deps: RouteDeps): void {
  route(app, deps, api.audit.list, async ({ query }, ctx) => listAuditEvents(ctx.scope, ctx.db, query));
}
