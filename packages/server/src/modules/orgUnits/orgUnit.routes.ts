import { api } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import { route, type RouteDeps } from '../../http/route.ts';
import { getOrgUnitDetail, listOrgUnits, listScopeRoots, lookupByCode } from './orgUnit.repo.ts';
import * as villages from './village.service.ts';

export function registerOrgUnitRoutes(app: FastifyInstance, deps: RouteDeps): void {
  route(app, deps, api.orgUnits.roots, async (_input, ctx) => ({
    items: await listScopeRoots(ctx.scope, ctx.db),
  }));
  route(app, deps, api.orgUnits.list, async ({ query }, ctx) => listOrgUnits(ctx.scope, ctx.db, query));
  route(app, deps, api.orgUnits.lookup, async ({ query }, ctx) => ({
    items: await lookupByCode(ctx.scope, ctx.db, query.code),
  }));
  route(app, deps, api.orgUnits.get, async ({ params }, ctx) =>
    getOrgUnitDetail(ctx.scope, ctx.db, params.id),
  );
  route(app, deps, api.orgUnits.createVillage, async ({ params, body }, ctx) =>
    villages.createVillage(ctx, params.id, body),
  );
  route(app, deps, api.orgUnits.renameVillage, async ({ params, body }, ctx) =>
    villages.renameVillage(ctx, params.id, body),
  );
  route(app, deps, api.orgUnits.closeVillage, async ({ params, body }, ctx) =>
    villages.closeVillage(ctx, params.id, body),
  );
  route(app, deps, api.orgUnits.moveVillage, async ({ params, body }, ctx) =>
    villages.moveVillage(ctx, params.id, body),
  );
}
