import '@fastify/cookie';
import { AppError, foldVietnamese, hasPermission, type Endpoint, type FileResult } from '@treem/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { lookupSession, SESSION_COOKIE } from '../modules/auth/session.repo.ts';
import type { AuthedContext, RequestContext, Session } from './context.ts';
import { zodIssues } from './errors.ts';

export interface RouteInput<E extends Endpoint> {
  params: z.output<E['params']>;
  query: z.output<E['query']>;
  body: z.output<E['body']>;
}

type Handler<E extends Endpoint, C> = (input: RouteInput<E>, ctx: C) => Promise<z.input<E['response']>>;

/** Public routes get a context that may lack a session; every other route is guaranteed one. */
type ContextFor<E extends Endpoint> = E['permission'] extends 'public' ? RequestContext : AuthedContext;

export interface RouteDeps {
  db: Kysely<DB>;
  config: Config;
  /** Every endpoint registered through `route()`, for the OpenAPI document and the permissions matrix test. */
  registry: Endpoint[];
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Largest uploaded file (an XLSX register of a large commune is a few MB). */
export const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

/** Content types accepted as a raw file upload on `bodyKind: 'binary'` routes. */
export const uploadContentTypes = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

function parseUpload(schema: z.ZodType, value: unknown): unknown {
  if (!(value instanceof Uint8Array)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('VALIDATION_FAILED', undefined, zodIssues(result.error, 'body'));
  return result.data;
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` so Vietnamese file names survive every browser. */
export function contentDisposition(fileName: string): string {
  const ascii =
    foldVietnamese(fileName.replace(/\.[^.]+$/, '')).replace(/ /g, '-') +
    (/\.[^.]+$/.exec(fileName)?.[0] ?? '');
  return `attachment; filename="${ascii.replace(/["\\]/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function sendFile(reply: FastifyReply, file: FileResult): FastifyReply {
  return reply
    .status(200)
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .send(Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength));
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  // No body at all reads as {}; an explicit JSON `null` is a malformed body and is rejected like any other.
  const result = schema.safeParse(value === undefined ? {} : value);
  if (!result.success) throw new AppError('VALIDATION_FAILED', undefined, zodIssues(result.error, where));
  return result.data;
}

/**
 * Resolves the caller's session for a non-public route: 401 without one, 403 without the permission, 403 on a
 * write without the session's CSRF token. Scope is applied later, inside each repository query.
 */
async function authorise(
  request: FastifyRequest,
  endpoint: Endpoint,
  deps: RouteDeps,
): Promise<Session | null> {
  const token = request.cookies[SESSION_COOKIE];
  const lookup = await lookupSession(deps.db, deps.config, token);
  if (endpoint.permission === 'public') return lookup.state === 'active' ? lookup.session : null;
  if (lookup.state === 'expired') throw new AppError('SESSION_EXPIRED');
  if (lookup.state !== 'active') throw new AppError('UNAUTHENTICATED');
  const session = lookup.session;
  if (writeMethods.has(endpoint.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
    throw new AppError('CSRF_TOKEN_INVALID');
  }
  if (endpoint.permission !== 'authenticated') {
    if (session.user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (!hasPermission(session.user.role, endpoint.permission)) throw new AppError('FORBIDDEN');
  }
  return session;
}

export function route<E extends Endpoint>(
  app: FastifyInstance,
  deps: RouteDeps,
  endpoint: E,
  handler: Handler<E, ContextFor<E>>,
  options: { rateLimit?: { max: number; timeWindow: string } } = {},
): void {
  deps.registry.push(endpoint);

  app.route({
    method: endpoint.method,
    url: endpoint.path,
    ...(options.rateLimit ? { config: { rateLimit: options.rateLimit } } : {}),
    // Uploaded files may be larger than any JSON body; only their own routes accept them.
    ...(endpoint.bodyKind === 'binary' ? { bodyLimit: UPLOAD_LIMIT_BYTES } : {}),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const session = await authorise(request, endpoint, deps);
      const input = {
        params: parse(endpoint.params, request.params, 'params'),
        query: parse(endpoint.query, request.query, 'query'),
        body:
          endpoint.bodyKind === 'binary'
            ? parseUpload(endpoint.body, request.body)
            : parse(endpoint.body, request.body, 'body'),
      } as RouteInput<E>;
      const ctx: RequestContext = {
        db: deps.db,
        config: deps.config,
        request,
        reply,
        session,
        actor: {
          userId: session?.user.id ?? null,
          username: session?.user.username ?? null,
          requestId: request.id,
          ip: request.ip,
        },
      };
      const fullContext = session ? { ...ctx, scope: session.scope, userId: session.user.id } : ctx;
      const result = await handler(input, fullContext as ContextFor<E>);
      if (endpoint.responseKind === 'file')
        return sendFile(reply, endpoint.response.parse(result) as FileResult);
      // Parsing the output strips anything the contract does not name (a password hash can never leak).
      const output = endpoint.response.parse(result);
      return reply.status(endpoint.successStatus ?? 200).send(output);
    },
  });
}
