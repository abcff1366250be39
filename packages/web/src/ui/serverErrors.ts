import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../api/ApiError.ts';
import { issuesByField, type ApiErrorCode } from '../api/request.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { errorText, issueText } from '../i18n/errorText.ts';

/**
 * Puts a failed submission's errors on the form's fields: the server's field issues (`body.username` →
 * `username`) and codes that concern one field (USERNAME_TAKEN → username). The form still shows the general
 * message in its ErrorAlert.
 */
export function useServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly FieldPath<T>[],
  fieldForCode: Partial<Record<ApiErrorCode, FieldPath<T>>> = {},
) {
  const t = useT();
  return (error: unknown) => {
    if (!isApiError(error)) return;
    const known = new Set<string>(fields);
    for (const [field, issue] of issuesByField(error.issues)) {
      if (known.has(field)) {
        setError(field as FieldPath<T>, { type: 'server', message: issueText(issue.code, t) });
      }
    }
    const field = fieldForCode[error.code];
    if (field) setError(field, { type: 'server', message: errorText(error, t) });
  };
}
