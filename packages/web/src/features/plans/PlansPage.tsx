import { useId, useState } from 'react';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import { PlanStatus, type PlanSummary } from '@treem/shared';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  Alert,
  Button,
  DataTable,
  FieldFrame,
  Flex,
  Page,
  Select,
  SidePanel,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { periodText, PlanStatusTag } from './display.tsx';
import { PlanForm } from './PlanForm.tsx';
import { usePlanList } from './queries.ts';
import { TemplateDialog } from './TemplateDialog.tsx';
import './plans.css';

const route = getRouteApi('/app/plans');

/**
 * The plans of the working unit: its own, those of the units under it, and those above it that it carries out.
 * New plans are made from one of the five seed plans or from scratch.
 */
export function PlansPage() {
  const { t, formatNumber } = useI18n();
  const { can } = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const goTo = useNavigate();
  const { unit: working } = useWorkingUnit();
  const statusId = useId();
  const [creating, setCreating] = useState<'template' | 'scratch' | null>(null);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const unitId = search.unitId ?? working?.orgUnitId;
  const list = usePlanList(
    unitId
      ? {
          unitId,
          page: page.page,
          pageSize: page.pageSize,
          ...(search.status ? { status: search.status } : {}),
        }
      : undefined,
  );
  const manage = can('plan.manage');
  const open = (id: string) => void goTo({ to: '/plans/$planId', params: { planId: id } });

  const columns: DataColumns<PlanSummary> = [
    {
      key: 'title',
      title: t.plans.list.columns.title,
      render: (_, plan) => (
        <Link to="/plans/$planId" params={{ planId: plan.id }}>
          {plan.title}
        </Link>
      ),
    },
    { key: 'unit', title: t.plans.list.columns.unit, render: (_, plan) => plan.unit.fullName },
    {
      key: 'number',
      title: t.plans.list.columns.number,
      responsive: ['md'],
      render: (_, plan) => plan.documentNumber ?? '',
    },
    {
      key: 'period',
      title: t.plans.list.columns.period,
      render: (_, plan) => periodText(plan.periodStart, plan.periodEnd, t),
    },
    {
      key: 'status',
      title: t.plans.list.columns.status,
      render: (_, plan) => <PlanStatusTag status={plan.status} />,
    },
    {
      key: 'targets',
      title: t.plans.list.columns.targets,
      align: 'right',
      responsive: ['lg'],
      render: (_, plan) => formatNumber(plan.targetCount),
    },
    {
      key: 'activities',
      title: t.plans.list.columns.activities,
      align: 'right',
      responsive: ['lg'],
      render: (_, plan) => formatNumber(plan.activityCount),
    },
  ];

  const createButtons = manage && (
    <>
      <Button type="primary" icon={<FileAddOutlined />} onClick={() => setCreating('template')}>
        {t.plans.list.fromTemplate}
      </Button>
      <Button icon={<PlusOutlined />} onClick={() => setCreating('scratch')}>
        {t.plans.list.create}
      </Button>
    </>
  );

  return (
    <Page title={t.plans.list.title} extra={createButtons}>
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.plans.list.intro}
      </Typography.Paragraph>
      {!unitId ? (
        <Alert type="info" showIcon title={t.plans.list.chooseUnit} />
      ) : (
        <>
          <Flex gap="middle" wrap align="end">
            <div className="filter-field">
              <FieldFrame id={statusId} label={t.plans.list.status}>
                <Select
                  id={statusId}
                  value={search.status ?? ''}
                  onChange={(value: string) => {
                    setPage((previous) => ({ ...previous, page: 1 }));
                    void navigate({
                      search: (previous) => ({
                        ...previous,
                        status: PlanStatus.options.find((option) => option === value),
                      }),
                    });
                  }}
                  options={[
                    { value: '', label: t.common.all },
                    ...PlanStatus.options.map((status) => ({
                      value: status,
                      label: t.plans.statuses[status],
                    })),
                  ]}
                />
              </FieldFrame>
            </div>
          </Flex>
          <DataTable<PlanSummary>
            label={t.plans.list.title}
            columns={columns}
            data={list.data}
            rowKey={(plan) => plan.id}
            loading={list.isFetching}
            error={list.error}
            onRetry={() => void list.refetch()}
            onPageChange={(next, pageSize) => setPage({ page: next, pageSize })}
            emptyText={search.status ? t.plans.list.emptyFiltered : t.plans.list.empty}
            emptyAction={search.status ? undefined : <Flex gap="small">{createButtons}</Flex>}
          />
        </>
      )}
      <SidePanel
        open={creating === 'template'}
        title={t.plans.template.title}
        onClose={() => setCreating(null)}
      >
        {creating === 'template' && (
          <TemplateDialog onDone={() => setCreating(null)} onCreated={(plan) => open(plan.id)} />
        )}
      </SidePanel>
      <SidePanel open={creating === 'scratch'} title={t.plans.create.title} onClose={() => setCreating(null)}>
        {creating === 'scratch' && (
          <PlanForm onDone={() => setCreating(null)} onSaved={(plan) => open(plan.id)} />
        )}
      </SidePanel>
    </Page>
  );
}
