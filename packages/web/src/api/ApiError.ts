import type { FieldIssue } from '@treem/shared';
import type { ApiErrorCode } from './request.ts';

/** A failed API call with the server's stable code; the UI turns `code` into catalogue text. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    code: ApiErrorCode;
    status: number;
    issues?: FieldIssue[];
    details?: Record<string, unknown> | undefined;
    requestId?: string | undefined;
  }) {
    super(init.code);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.issues = init.issues ?? [];
    this.details = init.details;
    this.requestId = init.requestId;
  }

  /** The session is gone: the app must go back to the sign-in page. */
  get isSessionLost(): boolean {
    return this.code === 'UNAUTHENTICATED' || this.code === 'SESSION_EXPIRED';
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
