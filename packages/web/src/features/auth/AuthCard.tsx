import { useEffect, type ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Card, Flex, Typography } from '../../ui/index.ts';

/** The centred card with the treem brand that sign-in and the forced password change share. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t.app.name}`;
  }, [t, title]);
  return (
    <div className="login-page">
      <Card className="login-card">
        <Flex vertical gap="small">
          <div className="login-brand">
            <span className="brand-name">{t.app.name}</span>
            <span className="brand-subtitle">{t.app.subtitle}</span>
          </div>
          <Typography.Title level={1} className="page-title">
            {title}
          </Typography.Title>
          {children}
        </Flex>
      </Card>
    </div>
  );
}
