import { api } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import { route, type RouteDeps } from '../../http/route.ts';
import { getUser, listUsers } from './user.repo.ts';
import * as users from './user.service.ts';

export function registerUserRoutes(app: FastifyInstance, deps: RouteDeps): void {
  route(app, deps, api.users.list, async ({ query }, ctx) => listUsers(ctx.scope, ctx.db, query));
  route(app, deps, api.users.get, async ({ params }, ctx) => getUser(ctx.scope, ctx.db, params.id));
  route(app, deps, api.users.create, async ({ body }, ctx) => users.createUser(ctx, body));
  route(app, deps, api.users.update, async ({ params, body }, ctx) => users.updateUser(ctx, params.id, body));
  route(app, deps, api.users.disable, async ({ params, body }, ctx) =>
    users.setUserStatus(ctx, params.id, 'disabled', body.reason),
  );
  route(app, deps, api.users.enable, async ({ params }, ctx) =>
    users.setUserStatus(ctx, params.id, 'active', null),
  );
  route(app, deps, api.users.resetPassword, async ({ params, body }, ctx) => {
    await users.resetPassword(ctx, params.id, body.newPassword);
    return { ok: true as const };
  });
  route(app, deps, api.users.resetMfa, async ({ params }, ctx) => {
    await users.resetMfa(ctx, params.id);
    return { ok: true as const };
  });
}
