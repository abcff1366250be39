import { AppError, errorStatus, type ErrorBody, type ErrorCode, type FieldIssue } from '@treem/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';

export function zodIssues(error: ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  extra: Partial<ErrorBody['error']> = {},
) {
  const body: ErrorBody = { error: { code, requestId: request.id, ...extra } };
  return reply.status(errorStatus[code]).type('application/json').send(body);
}

/** Maps a Fastify framework error to our code; undefined when it is not a client error we recognise. */
function frameworkCode(error: FastifyError): ErrorCode | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'MALFORMED_JSON';
    default:
      break;
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return 'MALFORMED_JSON';
  if (error.statusCode === 429) return 'RATE_LIMITED';
  if (error.statusCode === 413) return 'BODY_TOO_LARGE';
  if (error.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return undefined;
}

/** The one place errors become responses. A 500 never echoes internal text. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'application error');
      return send(reply, request, error.code, {
        ...(error.details ? { details: error.details } : {}),
        ...(error.issues ? { issues: error.issues } : {}),
      });
    }
    const code = frameworkCode(error);
    if (code) {
      request.log.info({ code, reason: error.message }, 'rejected request');
      return send(reply, request, code);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 'INTERNAL_ERROR');
  });
}

export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, 'ROUTE_NOT_FOUND');
}
