import { Alert, Button } from 'antd';
import { isApiError } from '../api/ApiError.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errorText.ts';
import { format } from '../i18n/format.ts';

/** Shows any failure as catalogue text, with the request id for support. Never shows a stack trace. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error, t)}
      description={requestId ? format(t.common.requestId, { id: requestId }) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t.common.retry}
          </Button>
        ) : undefined
      }
    />
  );
}
