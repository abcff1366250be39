import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import { ButtonLink, Page, Typography } from '../../ui/index.ts';
import { pagingSearch, toPagingQuery } from './caseSearch.ts';
import { CaseTable } from './CaseTable.tsx';
import { useCaseApprovals } from './queries.ts';

const route = getRouteApi('/app/cases/approvals');

/** The commune leader's queue: plans to approve and closures to decide, nearest deadline first. */
export function CaseApprovalsPage() {
  const t = useT();
  const search = route.useSearch();
  const navigate = useNavigate();
  const list = useCaseApprovals(toPagingQuery(search));
  return (
    <Page title={t.cases.approvals.title}>
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.cases.approvals.intro}
      </Typography.Paragraph>
      <CaseTable
        label={t.cases.approvals.title}
        data={list.data}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        onPageChange={(page, size) =>
          void navigate({ to: '/cases/approvals', search: pagingSearch(page, size) })
        }
        columns={['commune', 'step', 'risk', 'deadline']}
        emptyText={t.cases.approvals.empty}
        action={(item) => (
          <ButtonLink
            to="/cases/$id"
            params={{ id: item.id }}
            buttonType="primary"
            aria-label={format(t.cases.approvals.openFor, { caseNumber: item.caseNumber })}
          >
            {t.cases.approvals.open}
          </ButtonLink>
        )}
      />
    </Page>
  );
}
