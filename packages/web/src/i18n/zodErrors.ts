import type { z } from 'zod';
import { format } from './format.ts';
import type { Messages } from './vi.ts';

type RawIssue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

/**
 * Turns a zod issue into catalogue text. Installed as zod's global `customError`, so form validation on the shared
 * schemas speaks the user's language without each schema naming its messages. Returns undefined (zod's default)
 * for issues that carry their own message, e.g. `refine(..., { message })`.
 */
export function zodIssueMessage(issue: RawIssue, t: Messages): string | undefined {
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  switch (issue.code) {
    case 'invalid_type':
      return empty ? t.validation.required : t.validation.invalidValue;
    case 'invalid_value':
    case 'invalid_union':
      return empty ? t.validation.requiredChoice : t.validation.invalidValue;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? t.validation.required : format(t.validation.tooShort, { min });
      if (issue.origin === 'array') return format(t.validation.tooFewItems, { min });
      return format(t.validation.tooSmall, { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return format(t.validation.tooLong, { max });
      if (issue.origin === 'array') return format(t.validation.tooManyItems, { max });
      return format(t.validation.tooBig, { max });
    }
    case 'invalid_format':
      if (empty) return t.validation.required;
      if (issue.format === 'email') return t.validation.invalidEmail;
      if (issue.format === 'date') return t.validation.invalidDate;
      return t.validation.invalidFormat;
    case 'custom':
      return undefined;
    case 'invalid_element':
    case 'invalid_key':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return t.validation.invalidValue;
  }
}
