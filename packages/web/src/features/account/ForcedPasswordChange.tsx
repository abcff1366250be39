import { useEffect } from 'react';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Alert, Button, Card, Flex, Typography } from '../../ui/index.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** Shown instead of the whole app while the password is a temporary one set by an administrator. */
export function ForcedPasswordChange() {
  const t = useT();
  const { signOut } = useSession();
  useEffect(() => {
    document.title = `${t.password.mustChangeTitle} · ${t.app.name}`;
  }, [t]);
  return (
    <div className="login-page">
      <Card className="login-card">
        <Flex vertical gap="small">
          <div className="login-brand">
            <span className="brand-name">{t.app.name}</span>
            <span className="brand-subtitle">{t.app.subtitle}</span>
          </div>
          <Typography.Title level={1} className="page-title">
            {t.password.mustChangeTitle}
          </Typography.Title>
          <Alert type="info" showIcon title={t.password.mustChangeHint} />
          <ChangePasswordForm />
          <Button type="link" onClick={() => void signOut()}>
            {t.header.logout}
          </Button>
        </Flex>
      </Card>
    </div>
  );
}
