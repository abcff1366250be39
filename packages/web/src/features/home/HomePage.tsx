import { useMe } from '../../auth/SessionProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import { Alert, ButtonLink, Card, Descriptions, Page, Tag, Typography } from '../../ui/index.ts';

/** The landing page: who is signed in, with what role and over which units. Dashboards come later. */
export function HomePage() {
  const t = useT();
  const { user } = useMe();
  return (
    <Page title={format(t.home.welcome, { name: user.fullName })}>
      {!user.mfaEnabled && (
        <Alert
          type="info"
          showIcon
          title={t.home.mfaReminder}
          action={
            <ButtonLink to="/account" size="small">
              {t.home.mfaReminderAction}
            </ButtonLink>
          }
        />
      )}
      <Card>
        <Descriptions
          column={1}
          items={[
            { key: 'role', label: t.home.role, children: t.roles[user.role] },
            ...(user.sector
              ? [{ key: 'sector', label: t.home.sector, children: t.sectors[user.sector] }]
              : []),
            {
              key: 'scope',
              label: t.home.scope,
              children: user.scope.length ? (
                <span className="scope-tags">
                  {user.scope.map((unit) => (
                    <Tag key={unit.orgUnitId}>
                      {unit.fullName} · {t.orgLevels[unit.level]}
                    </Tag>
                  ))}
                </span>
              ) : (
                t.common.none
              ),
            },
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary">{t.home.intro}</Typography.Paragraph>
    </Page>
  );
}
