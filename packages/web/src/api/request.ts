import { errorCodes, type ErrorCode, type FieldIssue } from '@treem/shared';
import type { ClientErrorCode } from './clientErrors.ts';

/*
 * The pure part of the API client: building URLs and reading error bodies. No fetch, no DOM, so it is unit-tested
 * under Node.
 */

/** Substitutes `:name` segments of a Fastify-style path; a missing parameter is a programming error. */
export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_whole, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`Missing path parameter "${name}" for ${path}`);
    }
    return encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
  });
}

/** `?a=1&b=x` from a query object; undefined, null and empty strings are left out, arrays repeat the key. */
export function buildQueryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null || item === '') continue;
      search.append(
        key,
        typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean'
          ? String(item)
          : JSON.stringify(item),
      );
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function buildUrl(
  path: string,
  params: Record<string, unknown> | undefined,
  query: Record<string, unknown> | undefined,
): string {
  return buildPath(path, params) + buildQueryString(query);
}

export type ApiErrorCode = ErrorCode | ClientErrorCode;

export interface ParsedError {
  code: ApiErrorCode;
  requestId: string | undefined;
  details: Record<string, unknown> | undefined;
  issues: FieldIssue[];
}

const knownCodes = new Set<string>(errorCodes);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'ROUTE_NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'NOT_READY';
  if (status >= 500) return 'INTERNAL_ERROR';
  return 'UNKNOWN_ERROR';
}

/**
 * Reads `{ error: { code, requestId?, details?, issues? } }`. Anything else (a proxy's HTML page, an unknown code)
 * still yields a code the catalogue can show, chosen by HTTP status.
 */
export function parseErrorBody(status: number, body: unknown): ParsedError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code =
    error && typeof error.code === 'string' && knownCodes.has(error.code)
      ? (error.code as ErrorCode)
      : codeForStatus(status);
  const issues = Array.isArray(error?.issues)
    ? error.issues.filter(
        (issue): issue is FieldIssue =>
          isRecord(issue) && typeof issue.path === 'string' && typeof issue.code === 'string',
      )
    : [];
  return {
    code,
    requestId: typeof error?.requestId === 'string' ? error.requestId : undefined,
    details: isRecord(error?.details) ? error.details : undefined,
    issues,
  };
}

/**
 * Field issues addressed `body.scopeOrgUnitIds.0` → form field paths (`scopeOrgUnitIds`). Only body issues map
 * onto a form; the first issue per field wins. Numeric segments are dropped so an array's item error lands on the
 * array's field.
 */
export function issuesByField(issues: readonly FieldIssue[]): Map<string, FieldIssue> {
  const byField = new Map<string, FieldIssue>();
  for (const issue of issues) {
    const segments = issue.path.split('.');
    if (segments[0] !== 'body') continue;
    const field = segments
      .slice(1)
      .filter((segment) => !/^\d+$/.test(segment))
      .join('.');
    if (field && !byField.has(field)) byField.set(field, issue);
  }
  return byField;
}

/**
 * The file name of a download from its Content-Disposition header: the UTF-8 `filename*` form first (Vietnamese
 * names), then the plain `filename`; `fallback` when the header names none.
 */
export function fileNameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  return name || fallback;
}

const spreadsheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type an upload is sent with, chosen by the file's extension (the server also sniffs the bytes). */
export function uploadContentType(fileName: string): string {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'xlsx') return spreadsheetType;
  if (extension === 'csv') return 'text/csv';
  return 'application/octet-stream';
}
