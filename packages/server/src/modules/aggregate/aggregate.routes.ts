import { api } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import { route, type RouteDeps } from '../../http/route.ts';
import { entryForm, entryHistory, saveEntries, saveEntry } from './aggregate.service.ts';
import { listLocks, lockPeriod, unlockPeriod } from './locks.ts';

/** Aggregate data entry and period locks (docs/aggregate-entry.md). */
export function registerAggregateRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const e = api.aggregate;
  route(app, deps, e.form, async ({ params, query }, ctx) =>
    entryForm(ctx.db, ctx.scope, params.unitId, query.period, query.sector),
  );
  route(app, deps, e.saveAll, async ({ params, body }, ctx) =>
    saveEntries(ctx, params.unitId, body.period, body.entries),
  );
  route(app, deps, e.save, async ({ params, body }, ctx) => saveEntry(ctx, params.unitId, body));
  route(app, deps, e.history, async ({ params, query }, ctx) => ({
    items: await entryHistory(ctx.db, ctx.scope, params.unitId, query.period, query.indicatorCode),
  }));
  route(app, deps, e.locks, async ({ params }, ctx) => ({
    items: await listLocks(ctx.db, ctx.scope, params.unitId),
  }));
  route(app, deps, e.lock, async ({ params, body }, ctx) =>
    lockPeriod(ctx.db, ctx, params.unitId, body.period, body.reason),
  );
  route(app, deps, e.unlock, async ({ params, body }, ctx) =>
    unlockPeriod(ctx.db, ctx, params.unitId, body.period, body.reason),
  );
}
