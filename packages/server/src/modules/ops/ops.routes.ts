import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { migrationStatus } from '../../db/migrate.ts';
import type { RouteDeps } from '../../http/route.ts';
import { createMetrics } from './metrics.ts';

/**
 * Health, readiness and metrics are for the operator's probes, not for users: they carry no personal data and sit
 * outside `route()` (no session, no permission). Readiness says whether the database answers and every migration
 * shipped with this build has been applied.
 */
export function registerOpsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const metrics = createMetrics();

  app.addHook('onResponse', async (request, reply) => {
    const routePattern = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route: routePattern, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      const status = await migrationStatus(deps.db);
      if (status.pending.length > 0) {
        return reply
          .status(503)
          .send({ status: 'not_ready', reason: 'migrations_pending', pending: status.pending });
      }
      return { status: 'ready', migrations: status.applied.length };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.status(503).send({ status: 'not_ready', reason: 'database_unavailable' });
    }
  });

  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
