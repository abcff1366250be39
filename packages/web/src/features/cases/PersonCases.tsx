import { Link } from '@tanstack/react-router';
import { AlertOutlined } from '@ant-design/icons';
import type { Me, PersonCaseSummary, PersonDetail } from '@treem/shared';
import type { z } from 'zod';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatInstant } from '../../i18n/format.ts';
import {
  Alert,
  ButtonLink,
  Card,
  DataTable,
  ErrorAlert,
  Flex,
  Loading,
  Tag,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { readsPlacementsByRole } from './careRules.ts';
import { StepTag } from './display.tsx';
import { PersonCarePanel } from './lazy.tsx';
import { usePersonCases } from './queries.ts';

type PersonCase = z.infer<typeof PersonCaseSummary>['cases'][number];

/** On the child's profile header: that the child has an open protection case, for the roles that need to know. */
export function OpenCaseTag({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const summary = usePersonCases(person.id, person.isChild && can('case.knowOpen'));
  if (!summary.data?.hasOpenCase) return null;
  return (
    <Tag color="red" icon={<AlertOutlined />}>
      {t.cases.profile.openCase}
    </Tag>
  );
}

/** "Report a concern about the child", from the child's profile. */
export function ReportConcernButton({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  if (!person.isChild || person.status !== 'active' || !can('case.intake')) return null;
  return (
    <ButtonLink to="/cases/report" search={{ person: person.id }} icon={<AlertOutlined />}>
      {t.cases.profile.report}
    </ButtonLink>
  );
}

/**
 * The profile's protection tab: whether the child has an open case (all that a health worker or a school may
 * know), and the cases the reader may open, with their history.
 */
export function PersonCasesPanel({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const knows = can('case.knowOpen');
  const summary = usePersonCases(person.id, knows);
  // A supervising officer follows cases from their lists; on the profile they see the child's alternative care.
  if (!knows) return null;
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  const columns: DataColumns<PersonCase> = [
    {
      key: 'caseNumber',
      title: t.cases.columns.caseNumber,
      render: (_, c) => (
        <Link to="/cases/$id" params={{ id: c.id }}>
          {c.caseNumber}
        </Link>
      ),
    },
    { key: 'step', title: t.cases.columns.step, render: (_, c) => <StepTag step={c.step} /> },
    { key: 'receivedAt', title: t.cases.columns.receivedAt, render: (_, c) => formatInstant(c.receivedAt) },
    { key: 'closedAt', title: t.cases.columns.closedAt, render: (_, c) => formatInstant(c.closedAt) },
  ];
  return (
    <Card title={t.cases.profile.history}>
      <Flex vertical gap="middle">
        {summary.data.hasOpenCase && (
          <Alert
            type="warning"
            showIcon
            title={t.cases.profile.openCase}
            description={summary.data.cases.length === 0 ? t.cases.profile.openCaseHint : undefined}
          />
        )}
        {summary.data.cases.length > 0 ? (
          <DataTable<PersonCase>
            label={t.cases.profile.history}
            columns={columns}
            data={summary.data.cases}
            rowKey={(c) => c.id}
            size="small"
          />
        ) : (
          !summary.data.hasOpenCase && (
            <Typography.Text type="secondary">{t.cases.profile.noCases}</Typography.Text>
          )
        )}
      </Flex>
    </Card>
  );
}

/**
 * Whether the profile has a protection tab: for those who may know of a child's case (`case.knowOpen`), and for
 * the province's child-protection officers, who read the child's alternative care there.
 */
export function showsProtectionTab(me: Me | null): boolean {
  if (!me) return false;
  return me.permissions.includes('case.knowOpen') || readsPlacementsByRole(me.user);
}

/** The profile's protection tab: the child's cases, then the child's alternative care. */
export function PersonProtectionTab({ person }: { person: PersonDetail }) {
  return (
    <Flex vertical gap="middle">
      <PersonCasesPanel person={person} />
      <PersonCarePanel person={person} />
    </Flex>
  );
}
