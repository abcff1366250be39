import { api } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import { route, type RouteDeps } from '../../http/route.ts';
import { exportIndicatorLineage, indicatorLineage } from './lineage.ts';
import { catalogue, indicatorOverview, indicatorTrend, indicatorValues } from './indicators.service.ts';

/** Indicators: catalogue, values, trend, overview, lineage (docs/indicators.md). */
export function registerIndicatorRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const e = api.indicators;
  route(app, deps, e.catalogue, async () => catalogue());
  route(app, deps, e.overview, async ({ query }, ctx) => indicatorOverview(ctx, query));
  route(app, deps, e.values, async ({ params, query }, ctx) => indicatorValues(ctx, params.code, query));
  route(app, deps, e.trend, async ({ params, query }, ctx) => indicatorTrend(ctx, params.code, query));
  route(app, deps, e.lineage, async ({ params, query }, ctx) => indicatorLineage(ctx, params.code, query));
  route(app, deps, e.exportLineage, async ({ params, query }, ctx) =>
    exportIndicatorLineage(ctx, params.code, query),
  );
}
