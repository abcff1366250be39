import { useT } from '../../i18n/I18nProvider.tsx';
import { Alert, Button, Flex, Typography, useNotify } from '../../ui/index.ts';

/** One-time display of the recovery codes, with copy and print. Printing shows only this block (see styles.css). */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      notify.success(t.common.copied);
    } catch {
      // Clipboard access can be refused (http, permissions); the codes stay on screen to be written down.
    }
  };
  return (
    <div className="recovery-codes print-area">
      <Typography.Title level={3}>{t.account.recoveryTitle}</Typography.Title>
      <Alert type="warning" showIcon title={t.account.recoveryHint} />
      <ol className="recovery-code-list" aria-label={t.account.recoveryTitle}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <Flex gap="small" wrap className="no-print">
        <Button onClick={() => void copy()}>{t.common.copy}</Button>
        <Button onClick={() => window.print()}>{t.common.print}</Button>
        <Button type="primary" onClick={onDone}>
          {t.account.recoveryDone}
        </Button>
      </Flex>
    </div>
  );
}
