/**
 * Stable, English error codes shared by the API and the web client.
 * The HTTP status of every code is declared here and nowhere else; the Vietnamese and English
 * messages live in the web catalogue (`packages/web/src/i18n`).
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BODY_TOO_LARGE: 400,
  UNSUPPORTED_MEDIA_TYPE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  MFA_REQUIRED: 401,
  INVALID_MFA_CODE: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  ROLE_NOT_GRANTABLE: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  ORG_UNIT_CODE_TAKEN: 409,
  VILLAGE_NAME_TAKEN: 409,
  ORG_UNIT_CLOSED: 409,
  ORG_UNIT_NOT_VILLAGE_PARENT: 422,
  ORG_UNIT_NOT_EDITABLE: 409,
  WEAK_PASSWORD: 422,
  PASSWORD_REUSED: 422,
  WRONG_CURRENT_PASSWORD: 422,
  MFA_ALREADY_ENABLED: 409,
  MFA_NOT_ENROLLING: 409,
  MFA_UNAVAILABLE: 409,
  ROLE_NEEDS_SECTOR: 422,
  ROLE_SCOPE_LEVEL_MISMATCH: 422,
  CANNOT_CHANGE_SELF: 409,
  POSSIBLE_DUPLICATE: 409,
  RECORD_NOT_ACTIVE: 409,
  INVALID_PERSON_FACTS: 422,
  INVALID_REFERENCE: 422,
  FLAG_TYPE_UNKNOWN: 422,
  SUB_GROUP_UNKNOWN: 422,
  ASSIGNMENT_ALREADY_ENDED: 409,
  CIRCUMSTANCE_ALREADY_OPEN: 409,
  MERGE_NOT_ALLOWED: 409,
  MOVE_NOT_ALLOWED: 409,
  IMPORT_FILE_UNREADABLE: 422,
  IMPORT_MAPPING_INCOMPLETE: 422,
  IMPORT_NOT_VALIDATED: 409,
  IMPORT_HAS_ERRORS: 409,
  IMPORT_BUSY: 409,
  EXPORT_TOO_LARGE: 422,
  ECD_DATE_INVALID: 422,
  FOLLOW_UP_NOT_OPEN: 409,
  PROVIDER_NOT_ACTIVE: 409,
  PROVIDER_ALREADY_ACTIVE: 409,
  CASE_STEP_CONFLICT: 409,
  CASE_ACTOR_NOT_ALLOWED: 403,
  CASE_ALREADY_ASSIGNED: 409,
  CASE_TRANSFER_PENDING: 409,
  CASE_NO_TRANSFER: 409,
  REFERRAL_STATE_CONFLICT: 409,
  CARE_STATE_CONFLICT: 409,
  DISAGGREGATION_NOT_ALLOWED: 400,
  PERIOD_TYPE_NOT_ALLOWED: 400,
  PERIOD_BEFORE_FACTS: 400,
  INDICATOR_NOT_COMPUTED: 400,
  AGGREGATE_INVALID: 422,
  AGGREGATE_WARNINGS_NEED_COMMENT: 422,
  AGGREGATE_NOT_YOUR_SECTOR: 403,
  AGGREGATE_WRONG_LEVEL: 400,
  PERIOD_LOCKED: 409,
  PERIOD_NOT_LOCKED: 409,
  PLAN_STATE_CONFLICT: 409,
  PLAN_UNIT_NOT_BELOW: 400,
  RATE_LIMITED: 429,
  NOT_READY: 503,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

/** One problem with one field of the input, addressed by its path (`body.scope.0.orgUnitId`). */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    requestId?: string;
    details?: Record<string, unknown>;
    issues?: FieldIssue[];
  };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, details?: Record<string, unknown>, issues?: FieldIssue[]) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.issues = issues;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
