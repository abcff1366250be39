import type { Endpoint, EndpointBody, EndpointParams, EndpointQuery, EndpointResponse } from '@treem/shared';
import { ApiError } from './ApiError.ts';
import { buildUrl, parseErrorBody } from './request.ts';

/** A part of the input is required exactly when its schema has required keys. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type Part<Key extends string, Value> = {} extends Value ? { [K in Key]?: Value } : { [K in Key]: Value };

export type CallInput<E extends Endpoint> = Part<'params', EndpointParams<E>> &
  Part<'query', EndpointQuery<E>> &
  Part<'body', EndpointBody<E>> & { signal?: AbortSignal };

let csrfToken: string | undefined;

/** Set from `Me.csrfToken` whenever the session is (re)loaded; cleared on sign-out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The session's CSRF token, for the file helpers (./files.ts) that build their own requests. */
export function currentCsrfToken(): string | undefined {
  return csrfToken;
}

/** Sign-in calls run before any session exists, so they cannot carry a token. */
const csrfExempt = new Set(['/api/auth/login', '/api/auth/login/mfa']);

/**
 * Calls one endpoint of the shared contract. The response is checked against the contract's schema: a server
 * that drifts from it fails loudly here (BAD_RESPONSE) instead of as `undefined` deep inside a page.
 */
export async function call<E extends Endpoint>(
  endpoint: E,
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  ...[input]: {} extends CallInput<E> ? [CallInput<E>?] : [CallInput<E>]
): Promise<EndpointResponse<E>> {
  const { params, query, body, signal } = (input ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    signal?: AbortSignal;
  };
  const url = buildUrl(endpoint.path, params, query);
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method: endpoint.method, credentials: 'same-origin', headers };
  if (signal) init.signal = signal;
  if (endpoint.method !== 'GET') {
    // Always a JSON object, even for body-less actions: the server validates `{}` against an empty schema.
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
    if (csrfToken && !csrfExempt.has(endpoint.path)) headers['x-csrf-token'] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0 });
  }

  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }

  if (!response.ok) {
    throw new ApiError({ status: response.status, ...parseErrorBody(response.status, json) });
  }
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    console.error(
      `Response of ${endpoint.method} ${endpoint.path} does not match the contract`,
      parsed.error.issues,
    );
    throw new ApiError({ code: 'BAD_RESPONSE', status: response.status });
  }
  return parsed.data as EndpointResponse<E>;
}
