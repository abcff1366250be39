import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { api, type ActivityStatus, type PlanActivity, type PlanDetail } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate } from '../../i18n/format.ts';
import {
  Button,
  Card,
  DataTable,
  Dropdown,
  ErrorAlert,
  FieldFrame,
  Flex,
  Segmented,
  SidePanel,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { ActivityDrawer } from './ActivityDrawer.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { ActivityStatusTag } from './display.tsx';
import { kanbanColumns, moveTargets } from './kanban.ts';
import { useInvalidatePlans } from './queries.ts';

function timeline(activity: PlanActivity): string {
  return [formatDate(activity.startDate), formatDate(activity.endDate)].filter(Boolean).join(' – ');
}

/** A card of the kanban: the activity, its kind and figures, and where it can be moved. */
function KanbanCard({
  activity,
  canEdit,
  onOpen,
  onMove,
}: {
  activity: PlanActivity;
  canEdit: boolean;
  onOpen: () => void;
  onMove: (status: ActivityStatus) => void;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" className="kanban-card">
      <Flex vertical gap={4}>
        <Button type="link" className="link-button" onClick={onOpen}>
          {activity.code ? `${activity.code}. ` : ''}
          {activity.title}
        </Button>
        <Typography.Text type="secondary">{t.plans.activityKinds[activity.kind]}</Typography.Text>
        {timeline(activity) && <Typography.Text type="secondary">{timeline(activity)}</Typography.Text>}
        <Typography.Text type="secondary">
          {format(t.plans.activities.counts, activity.counts)}
        </Typography.Text>
        {canEdit && (
          <Dropdown
            menu={{
              items: moveTargets(activity.status).map((status) => ({
                key: status,
                label: t.plans.activityStatuses[status],
              })),
              onClick: ({ key }) => onMove(key as ActivityStatus),
            }}
          >
            <Button size="small">{t.plans.activities.moveTo}</Button>
          </Dropdown>
        )}
      </Flex>
    </Card>
  );
}

/** The plan's activities as a list or as a kanban by status; each opens in a side panel with its records. */
export function ActivitiesTab({ plan, canEdit }: { plan: PlanDetail; canEdit: boolean }) {
  const { t, formatNumber } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  const viewId = useId();
  const [view, setView] = useState<'table' | 'kanban'>('table');
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | undefined>();
  const move = useMutation({
    mutationFn: ({ id, status }: { id: string; status: ActivityStatus }) =>
      call(api.plans.setActivityStatus, { params: { id }, body: { status } }),
    onSuccess: async (saved) => {
      notify.success(format(t.plans.activities.moved, { status: t.plans.activityStatuses[saved.status] }));
      await invalidate();
    },
  });
  const c = t.plans.activities.columns;
  const columns: DataColumns<PlanActivity> = [
    { key: 'code', title: c.code, render: (_, activity) => activity.code },
    {
      key: 'title',
      title: c.title,
      render: (_, activity) => (
        <Button type="link" className="link-button" onClick={() => setOpen(activity.id)}>
          {activity.title}
        </Button>
      ),
    },
    { key: 'kind', title: c.kind, responsive: ['md'], render: (_, a) => t.plans.activityKinds[a.kind] },
    { key: 'lead', title: c.lead, responsive: ['lg'], render: (_, a) => a.lead ?? '' },
    { key: 'timeline', title: c.timeline, responsive: ['md'], render: (_, a) => timeline(a) },
    { key: 'status', title: c.status, render: (_, a) => <ActivityStatusTag status={a.status} /> },
    {
      key: 'budget',
      title: c.budget,
      align: 'right',
      responsive: ['lg'],
      render: (_, a) =>
        a.budget.planned || a.budget.spent
          ? `${formatNumber(a.budget.planned)} / ${formatNumber(a.budget.spent)}`
          : '',
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex gap="middle" wrap align="end" justify="space-between">
        <FieldFrame id={viewId} label={t.plans.activities.view}>
          <Segmented
            id={viewId}
            value={view}
            onChange={(value) => setView(value === 'kanban' ? 'kanban' : 'table')}
            options={[
              { value: 'table', label: t.plans.activities.table },
              { value: 'kanban', label: t.plans.activities.kanban },
            ]}
          />
        </FieldFrame>
        {canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t.plans.activities.add}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={move.error} />
      {view === 'table' ? (
        <DataTable<PlanActivity>
          label={t.plans.detail.tabs.activities}
          columns={columns}
          data={plan.activities}
          rowKey={(activity) => activity.id}
          emptyText={t.plans.activities.empty}
          size="small"
        />
      ) : (
        <div className="kanban" aria-label={t.plans.activities.kanban}>
          {kanbanColumns(plan.activities).map((column) => (
            <section
              key={column.status}
              className="kanban-column"
              aria-label={t.plans.activityStatuses[column.status]}
            >
              <Flex justify="space-between" align="center" className="kanban-column-header">
                <ActivityStatusTag status={column.status} />
                <Typography.Text type="secondary">{formatNumber(column.items.length)}</Typography.Text>
              </Flex>
              <Flex vertical gap="small">
                {column.items.map((activity) => (
                  <KanbanCard
                    key={activity.id}
                    activity={activity}
                    canEdit={canEdit}
                    onOpen={() => setOpen(activity.id)}
                    onMove={(status) => move.mutate({ id: activity.id, status })}
                  />
                ))}
              </Flex>
            </section>
          ))}
        </div>
      )}
      <ActivityDrawer id={open} onClose={() => setOpen(undefined)} />
      <SidePanel open={adding} title={t.plans.activities.addTitle} onClose={() => setAdding(false)}>
        {adding && (
          <ActivityForm
            planId={plan.id}
            onDone={() => setAdding(false)}
            onSaved={(saved) => setOpen(saved.id)}
          />
        )}
      </SidePanel>
    </Flex>
  );
}
