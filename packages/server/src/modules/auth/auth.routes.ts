import { api, AppError } from '@treem/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { route, type RouteDeps } from '../../http/route.ts';
import * as auth from './auth.service.ts';
import { lookupSession, SESSION_COOKIE, type NewSession } from './session.repo.ts';

function setSessionCookie(
  deps: RouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  session: NewSession,
) {
  const secure =
    deps.config.secureCookies === 'auto'
      ? request.protocol === 'https'
      : deps.config.secureCookies === 'true';
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
}

function clientInfo(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  loginRateLimit: { max: number; timeWindow: string },
): void {
  // Throttling: a bounded number of sign-in attempts per client address and minute, on top of the lockout.
  const throttled = { rateLimit: loginRateLimit };
  route(
    app,
    deps,
    api.auth.login,
    async ({ body }, ctx) => {
      const outcome = await auth.login(ctx.db, ctx.config, body, clientInfo(ctx.request), ctx.actor);
      setSessionCookie(deps, ctx.request, ctx.reply, outcome.session);
      return outcome.result;
    },
    throttled,
  );
  route(
    app,
    deps,
    api.auth.loginMfa,
    async ({ body }, ctx) => {
      const lookup = await lookupSession(ctx.db, ctx.config, ctx.request.cookies[SESSION_COOKIE]);
      if (lookup.state === 'expired') throw new AppError('SESSION_EXPIRED');
      if (lookup.state !== 'mfa_pending') throw new AppError('UNAUTHENTICATED');
      const { me, session } = await auth.completeMfaLogin(
        ctx.db,
        ctx.config,
        lookup,
        body.code,
        clientInfo(ctx.request),
        ctx.actor,
      );
      setSessionCookie(deps, ctx.request, ctx.reply, session);
      return me;
    },
    throttled,
  );

  route(app, deps, api.auth.logout, async (_input, ctx) => {
    await auth.logout(ctx);
    ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
  route(app, deps, api.auth.me, async (_input, ctx) => auth.me(ctx));
  route(app, deps, api.auth.changePassword, async ({ body }, ctx) => {
    await auth.changePassword(ctx, body);
    return { ok: true as const };
  });
  route(app, deps, api.auth.mfaEnrol, async (_input, ctx) => auth.startMfaEnrolment(ctx));
  route(app, deps, api.auth.mfaConfirm, async ({ body }, ctx) => ({
    recoveryCodes: await auth.confirmMfaEnrolment(ctx, body.code),
  }));
  route(app, deps, api.auth.mfaDisable, async ({ body }, ctx) => {
    await auth.disableMfa(ctx, body.password);
    return { ok: true as const };
  });
}
