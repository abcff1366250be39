import { z } from 'zod';
import type { Access } from '../permissions.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API endpoint's contract: method, path, who may call it and the shapes in and out. The server registers a
 * handler for it with `route()`; the web client calls it through the same object, so both sides agree by type.
 */
export interface Endpoint<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Fastify-style path, e.g. `/api/org-units/:id`. */
  path: string;
  permission: Access;
  summary: string;
  tag: string;
  params: Params;
  query: Query;
  body: Body;
  response: Response;
  /** HTTP status of a successful call (default 200). */
  successStatus?: number;
  /** `binary`: the body is the raw bytes of an uploaded file (not JSON). */
  bodyKind?: 'json' | 'binary';
  /** `file`: the handler returns a FileResult, sent as a download. */
  responseKind?: 'json' | 'file';
}

const Nothing = z.strictObject({});

export function endpoint<
  Params extends z.ZodType = typeof Nothing,
  Query extends z.ZodType = typeof Nothing,
  Body extends z.ZodType = typeof Nothing,
  Response extends z.ZodType = z.ZodType,
>(definition: {
  method: HttpMethod;
  path: string;
  permission: Access;
  summary: string;
  tag: string;
  params?: Params;
  query?: Query;
  body?: Body;
  response: Response;
  successStatus?: number;
  bodyKind?: 'json' | 'binary';
  responseKind?: 'json' | 'file';
}): Endpoint<Params, Query, Body, Response> {
  return {
    ...definition,
    params: (definition.params ?? Nothing) as Params,
    query: (definition.query ?? Nothing) as Query,
    body: (definition.body ?? Nothing) as Body,
  };
}

export type EndpointParams<E extends Endpoint> = z.input<E['params']>;
export type EndpointQuery<E extends Endpoint> = z.input<E['query']>;
export type EndpointBody<E extends Endpoint> = z.input<E['body']>;
export type EndpointResponse<E extends Endpoint> = z.output<E['response']>;

export const Uuid = z.uuid();
export const PlainDateString = z.iso.date();

export const Page = z.coerce.number().int().min(1).max(100_000).default(1);
export const PageSize = z.coerce.number().int().min(1).max(200).default(50);

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

/** Query-string booleans arrive as text. */
export const QueryBoolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');
