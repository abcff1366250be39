import { useState } from 'react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import { Button, Flex, Page, Typography } from '../../ui/index.ts';
import { pagingSearch, toPagingQuery } from './caseSearch.ts';
import { CaseTable } from './CaseTable.tsx';
import { useCaseTransfersIn } from './queries.ts';
import { TransferDecisionDialog, type TransferTarget } from './TransferDecision.tsx';

const route = getRouteApi('/app/cases/transfers');

/** Cases other communes ask the worker's commune to take over: accept, or decline with a reason. */
export function CaseTransfersInPage() {
  const t = useT();
  const search = route.useSearch();
  const navigate = useNavigate();
  const list = useCaseTransfersIn(toPagingQuery(search));
  const [decision, setDecision] = useState<{ kind: 'accept' | 'decline'; target: TransferTarget } | null>(
    null,
  );
  return (
    <Page title={t.cases.transfers.title}>
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.cases.transfers.intro}
      </Typography.Paragraph>
      <CaseTable
        label={t.cases.transfers.title}
        data={list.data}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        onPageChange={(page, size) =>
          void navigate({ to: '/cases/transfers', search: pagingSearch(page, size) })
        }
        columns={['commune', 'step', 'risk', 'received']}
        communeTitle={t.cases.transfers.fromCommune}
        emptyText={t.cases.transfers.empty}
        action={(item) => (
          <Flex gap="small" wrap>
            <Button
              type="primary"
              aria-label={format(t.cases.transfers.acceptFor, { caseNumber: item.caseNumber })}
              onClick={() => setDecision({ kind: 'accept', target: item })}
            >
              {t.cases.transfers.accept}
            </Button>
            <Button
              danger
              aria-label={format(t.cases.transfers.declineFor, { caseNumber: item.caseNumber })}
              onClick={() => setDecision({ kind: 'decline', target: item })}
            >
              {t.cases.transfers.decline}
            </Button>
          </Flex>
        )}
      />
      <TransferDecisionDialog
        decision={decision?.kind ?? null}
        target={decision?.target ?? null}
        onDone={(decided) => {
          // Once accepted, the case is the worker's own: its page is where the work goes on.
          if (decided && decision?.kind === 'accept')
            void navigate({ to: '/cases/$id', params: { id: decision.target.id } });
          setDecision(null);
        }}
      />
    </Page>
  );
}
