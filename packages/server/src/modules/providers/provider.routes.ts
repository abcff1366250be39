import { api } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import { route, type RouteDeps } from '../../http/route.ts';
import { referralNetworkCoverage } from './coverage.ts';
import { getProvider, listProviders } from './provider.repo.ts';
import * as providers from './provider.service.ts';

export function registerProviderRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const e = api.providers;
  route(app, deps, e.list, async ({ query }, ctx) => listProviders(ctx.db, ctx.scope, query));
  route(app, deps, e.coverage, async ({ query }, ctx) =>
    referralNetworkCoverage(ctx.db, ctx.scope, query.unitId),
  );
  route(app, deps, e.get, async ({ params }, ctx) => getProvider(ctx.db, ctx.scope, params.id));
  route(app, deps, e.create, async ({ body }, ctx) => providers.createProvider(ctx, body));
  route(app, deps, e.update, async ({ params, body }, ctx) => providers.updateProvider(ctx, params.id, body));
  route(app, deps, e.deactivate, async ({ params, body }, ctx) =>
    providers.deactivateProvider(ctx, params.id, body.reason),
  );
  route(app, deps, e.reactivate, async ({ params }, ctx) => providers.reactivateProvider(ctx, params.id));
  route(app, deps, e.setCoverage, async ({ params, body }, ctx) =>
    providers.setProviderCoverage(ctx, params.id, body),
  );
  route(app, deps, e.setMembers, async ({ params, body }, ctx) =>
    providers.setProviderMembers(ctx, params.id, body),
  );
}
