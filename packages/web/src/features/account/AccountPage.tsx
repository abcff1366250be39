import { useMe } from '../../auth/SessionProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Card, Col, Descriptions, Page, Row } from '../../ui/index.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { MfaSection } from './MfaSection.tsx';

export function AccountPage() {
  const t = useT();
  const me = useMe();
  const { user } = me;
  return (
    <Page title={t.account.title}>
      <Card title={t.account.profile}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'fullName', label: t.users.fullName, children: user.fullName },
            { key: 'username', label: t.users.username, children: user.username },
            { key: 'role', label: t.users.role, children: t.roles[user.role] },
            ...(user.sector
              ? [{ key: 'sector', label: t.users.sector, children: t.sectors[user.sector] }]
              : []),
            {
              key: 'scope',
              label: t.users.scope,
              children: user.scope.map((unit) => unit.fullName).join('; ') || t.common.none,
            },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t.password.changeTitle}>
            <ChangePasswordForm />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t.account.mfaTitle}>
            <MfaSection />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
