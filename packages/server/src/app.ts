import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { AppError, type Endpoint } from '@treem/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import { registerErrorHandling, sendRouteNotFound } from './http/errors.ts';
import { buildOpenApi, renderApiDocs } from './http/openapi.ts';
import { uploadContentTypes, type RouteDeps } from './http/route.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerCaseRoutes } from './modules/cases/cases.routes.ts';
import { registerReferralRoutes } from './modules/referrals/referrals.routes.ts';
import { registerEcdRoutes } from './modules/ecd/ecd.routes.ts';
import { registerOpsRoutes } from './modules/ops/ops.routes.ts';
import { registerOrgUnitRoutes } from './modules/orgUnits/orgUnit.routes.ts';
import { registerProviderRoutes } from './modules/providers/provider.routes.ts';
import { registerRegisterFileRoutes } from './modules/register/files/files.routes.ts';
import { registerRegisterRoutes } from './modules/register/register.routes.ts';
import { registerUserRoutes } from './modules/users/user.routes.ts';
import { registerIndicatorRoutes } from './modules/indicators/indicators.routes.ts';
import { registerAggregateRoutes } from './modules/aggregate/aggregate.routes.ts';
import { registerPlanRoutes } from './modules/plans/plans.routes.ts';

export const VERSION = '0.1.0';

export const defaultWebDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface AppOptions {
  db: Kysely<DB>;
  config: Config;
  /** Pino logging; tests pass false. */
  logger?: boolean;
}

export interface TreemApp {
  app: FastifyInstance;
  /** Endpoints registered through `route()` (permission-checked). */
  endpoints: readonly Endpoint[];
  /** Every route Fastify serves, for the check that nothing bypasses `route()` unnoticed. */
  routes: readonly { method: string; url: string }[];
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(options: AppOptions): Promise<TreemApp> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
  });
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (options) => {
    for (const method of [options.method].flat()) routes.push({ method, url: options.url });
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  registerErrorHandling(app);
  // Raw file uploads (register imports). Only routes declared `bodyKind: 'binary'` accept them; elsewhere
  // the body fails the route's JSON schema like any other wrong body.
  app.addContentTypeParser(uploadContentTypes, { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });

  const deps: RouteDeps = { db: options.db, config, registry: [] };
  registerOpsRoutes(app, deps);
  registerAuthRoutes(app, deps, { max: config.loginRatePerMinute, timeWindow: '1 minute' });
  registerOrgUnitRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerRegisterRoutes(app, deps);
  registerRegisterFileRoutes(app, deps);
  registerEcdRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerReferralRoutes(app, deps);
  registerProviderRoutes(app, deps);
  registerIndicatorRoutes(app, deps);
  registerAggregateRoutes(app, deps);
  registerPlanRoutes(app, deps);

  app.get('/api/openapi.json', async () => buildOpenApi(deps.registry, VERSION));
  app.get('/api/docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderApiDocs(deps.registry)),
  );

  const webDir = config.webDir ? path.resolve(config.webDir) : defaultWebDir;
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, cacheControl: false });
    // Hashed assets may be cached forever; index.html never, so a new release is picked up at once.
    app.get('/assets/*', async (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .sendFile(path.join('assets', file));
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (url.startsWith('/api/') || url === '/api' || request.method !== 'GET' || !hasWeb) {
      return sendRouteNotFound(request, reply);
    }
    const file = url.slice(1);
    if (
      file &&
      !file.includes('..') &&
      fs.existsSync(path.join(webDir, file)) &&
      fs.statSync(path.join(webDir, file)).isFile()
    ) {
      return reply.sendFile(file);
    }
    // Client-side routes (/users, /org-units/…) all load the single-page app.
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });

  await app.ready();
  return { app, endpoints: deps.registry, routes };
}
