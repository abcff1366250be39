import { isApiError } from '../api/ApiError.ts';
import { format, formatInstant } from './format.ts';
import type { Messages } from './vi.ts';

/** The catalogue text for any thrown value. Never shows internal text: unknown failures get a generic message. */
export function errorText(error: unknown, t: Messages): string {
  if (!isApiError(error)) return t.errors.UNKNOWN_ERROR;
  const message = error.code in t.errors ? t.errors[error.code] : t.errors.UNKNOWN_ERROR;
  if (error.code === 'ACCOUNT_LOCKED') {
    const until = error.details?.lockedUntil;
    const when = typeof until === 'string' ? formatInstant(until) : '';
    if (when) return `${message} ${format(t.auth.lockedUntil, { until: when })}`;
  }
  return message;
}

/** Catalogue text for one field issue from the server (`{ path, code, message }`). */
export function issueText(code: string, t: Messages): string {
  if (code in t.errors) return t.errors[code as keyof Messages['errors']];
  // The register's person rules (`birth_date_in_future`, `personal_id_sex_mismatch`…) name their own problem.
  if (code in t.personRules) return t.personRules[code as keyof Messages['personRules']];
  // Early-childhood rules (`before_birth`, `dose_already_recorded`, `caregiver_required`…).
  if (code in t.ecd.issues) return t.ecd.issues[code as keyof Messages['ecd']['issues']];
  // The provider directory's rules (`unknown_unit`, `user_outside_province`…).
  if (code in t.providers.issues) return t.providers.issues[code as keyof Messages['providers']['issues']];
  switch (code) {
    case 'too_small':
    case 'invalid_type':
      return t.validation.required;
    case 'too_big':
      return t.validation.invalidValue;
    case 'invalid_format':
      return t.validation.invalidFormat;
    default:
      return t.validation.invalidValue;
  }
}
