import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../../api/ApiError.ts';
import { issuesByField } from '../../api/request.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { caseIssueText } from './actionForms.ts';

/**
 * Puts a failed submission's field issues (`body.reason` → `reason`) on the form, in the words of the case
 * catalogue (`in_past`, `user_cannot_receive_case`…) or the common ones. The form's ErrorAlert says the rest.
 */
export function useCaseServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly FieldPath<T>[],
) {
  const t = useT();
  return (error: unknown) => {
    if (!isApiError(error)) return;
    const known = new Set<string>(fields);
    for (const [field, issue] of issuesByField(error.issues)) {
      if (known.has(field))
        setError(field as FieldPath<T>, { type: 'server', message: caseIssueText(issue.code, t) });
    }
  };
}
