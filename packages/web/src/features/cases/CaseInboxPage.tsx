import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { api, type CaseListItem } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import { Button, ErrorAlert, Page, Typography, useNotify } from '../../ui/index.ts';
import { pagingSearch, toPagingQuery } from './caseSearch.ts';
import { CaseTable } from './CaseTable.tsx';
import { useCaseChanged, useCaseInbox } from './queries.ts';

const route = getRouteApi('/app/cases/inbox');

/** The commune worker's inbox: new reports no worker has taken, the 12-hour clock of each, and "take". */
export function CaseInboxPage() {
  const t = useT();
  const notify = useNotify();
  const search = route.useSearch();
  const navigate = useNavigate();
  const list = useCaseInbox(toPagingQuery(search));
  const changed = useCaseChanged();
  const take = useMutation({
    mutationFn: (item: CaseListItem) => call(api.cases.take, { params: { id: item.id } }),
    onSuccess: async (_, item) => {
      notify.success(format(t.cases.inbox.taken, { caseNumber: item.caseNumber }));
      await changed(item.id);
      void navigate({ to: '/cases/$id', params: { id: item.id } });
    },
    // Another worker may have taken it first: the list then shows who is left.
    onError: () => void list.refetch(),
  });

  return (
    <Page title={t.cases.inbox.title}>
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.cases.inbox.intro}
      </Typography.Paragraph>
      <ErrorAlert error={take.error} />
      <CaseTable
        label={t.cases.inbox.title}
        data={list.data}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        onPageChange={(page, size) => void navigate({ to: '/cases/inbox', search: pagingSearch(page, size) })}
        columns={['concerns', 'received', 'deadline']}
        deadlineTitle={t.cases.columns.clock}
        emptyText={t.cases.inbox.empty}
        action={(item) => (
          <Button
            type="primary"
            loading={take.isPending && take.variables.id === item.id}
            disabled={take.isPending}
            aria-label={format(t.cases.inbox.takeFor, { caseNumber: item.caseNumber })}
            onClick={() => take.mutate(item)}
          >
            {t.cases.inbox.take}
          </Button>
        )}
      />
    </Page>
  );
}
