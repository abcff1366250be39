import { useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { CheckCircleFilled, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  Button,
  ButtonLink,
  Card,
  ErrorAlert,
  Flex,
  LargeControls,
  List,
  Loading,
  Page,
  Steps,
  Typography,
} from '../../ui/index.ts';
import { HouseholdCreateForm } from './HouseholdForm.tsx';
import { householdTitle } from './HouseholdPage.tsx';
import { PersonForm } from './PersonForm.tsx';
import { formatBirthDate } from './personForm.ts';
import { useHousehold } from './queries.ts';

const route = getRouteApi('/app/register/new');

/**
 * The collaborator's flow, built for a phone: register the household, then its children one at a time. Once the
 * household exists its id is in the URL, so a reload (or a lost connection) resumes at the children.
 */
export function NewHouseholdPage() {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const household = useHousehold(search.household);
  const [adding, setAdding] = useState<'child' | 'adult' | null>('child');
  const step = search.household ? 1 : 0;

  const steps = (
    <Steps
      size="small"
      current={step}
      responsive={false}
      className="flow-steps"
      items={[{ title: t.register.mobile.stepHousehold }, { title: t.register.mobile.stepChildren }]}
    />
  );

  if (!search.household) {
    return (
      <Page
        title={t.register.mobile.title}
        breadcrumbs={[
          <Link key="register" to="/register">
            {t.register.title}
          </Link>,
        ]}
      >
        {steps}
        <Typography.Paragraph type="secondary">{t.register.mobile.householdIntro}</Typography.Paragraph>
        <Card className="flow-card">
          <LargeControls>
            <HouseholdCreateForm
              submitLabel={t.register.mobile.saveHousehold}
              onDone={(created) => {
                setAdding('child');
                void navigate({ search: { household: created.id } });
              }}
            />
          </LargeControls>
        </Card>
      </Page>
    );
  }

  if (household.isPending) return <Loading />;
  if (household.isError) {
    return (
      <Page title={t.register.mobile.title}>
        <ErrorAlert error={household.error} onRetry={() => void household.refetch()} />
      </Page>
    );
  }
  const data = household.data;
  const children = data.members.filter((member) => member.age < 16);
  const adults = data.members.filter((member) => member.age >= 16);

  return (
    <Page
      title={t.register.mobile.title}
      breadcrumbs={[
        <Link key="register" to="/register">
          {t.register.title}
        </Link>,
      ]}
    >
      {steps}
      <Card size="small" className="flow-card">
        <Typography.Text strong>{householdTitle(data, t)}</Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {data.address} · {data.villageName}
        </Typography.Text>
      </Card>
      <Card size="small" title={t.register.mobile.added} className="flow-card">
        {data.members.length === 0 ? (
          <Typography.Text type="secondary">{t.register.mobile.noChildrenYet}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={[...children, ...adults]}
            rowKey={(member) => member.id}
            renderItem={(member) => (
              <List.Item>
                <Flex gap="small" align="center">
                  <CheckCircleFilled className="done-icon" />
                  <Link to="/register/persons/$id" params={{ id: member.id }}>
                    {member.fullName}
                  </Link>
                  <Typography.Text type="secondary">
                    {t.sexes[member.sex]} · {formatBirthDate(member.birthDate, member.birthDatePrecision)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      {adding ? (
        <Card
          className="flow-card"
          title={
            adding === 'child'
              ? format(t.register.mobile.childNumber, { n: children.length + 1 })
              : t.register.mobile.addAdult
          }
        >
          <Typography.Paragraph type="secondary">{t.register.mobile.childrenIntro}</Typography.Paragraph>
          <LargeControls>
            <PersonForm
              key={`${adding}-${data.members.length}`}
              place={{ householdId: data.id }}
              household={data}
              defaults={{ relationshipToHead: adding === 'child' ? 'child' : null }}
              compact
              submitLabel={adding === 'child' ? t.register.mobile.saveChild : t.register.mobile.saveAdult}
              onCancel={() => setAdding(null)}
              onDone={() => setAdding(null)}
            />
          </LargeControls>
        </Card>
      ) : (
        <LargeControls>
          <Flex vertical gap="small" className="flow-actions">
            <Button type="primary" block icon={<PlusOutlined />} onClick={() => setAdding('child')}>
              {children.length > 0 ? t.register.mobile.addAnother : t.register.mobile.addChild}
            </Button>
            <Button block onClick={() => setAdding('adult')}>
              {t.register.mobile.addAdult}
            </Button>
            <ButtonLink block to="/register/households/$id" params={{ id: data.id }}>
              {t.register.mobile.finish}
            </ButtonLink>
          </Flex>
        </LargeControls>
      )}
    </Page>
  );
}
