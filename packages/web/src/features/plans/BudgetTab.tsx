import { PrinterOutlined } from '@ant-design/icons';
import { todayInVietnam, type PlanBudget, type PlanDetail } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate } from '../../i18n/format.ts';
import {
  Button,
  DataTable,
  ErrorAlert,
  Flex,
  Loading,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { spentShare } from './budget.ts';
import { periodText } from './display.tsx';
import { usePlanBudget } from './queries.ts';

type SourceRow = PlanBudget['totals']['bySource'][number];
type YearRow = PlanBudget['byYear'][number];
type LineRow = PlanBudget['lines'][number];

/**
 * The plan's money: totals by source and by year, planned against spent, and every line by activity. Printing
 * prints this tab alone, with the plan's name and the date.
 */
export function BudgetTab({ plan }: { plan: PlanDetail }) {
  const { t, formatNumber } = useI18n();
  const budget = usePlanBudget(plan.id, true);
  const b = t.plans.budget;
  const money = (value: number) => formatNumber(value);
  const share = (row: { planned: number; spent: number }) => {
    const value = spentShare(row);
    return value === null ? '' : `${formatNumber(Math.round(value * 1000) / 10)}%`;
  };
  if (budget.isPending) return <Loading />;
  if (budget.isError) return <ErrorAlert error={budget.error} onRetry={() => void budget.refetch()} />;
  const { totals, byYear, lines } = budget.data;
  const amountColumns = [
    {
      key: 'planned',
      title: b.planned,
      align: 'right' as const,
      render: (_: unknown, r: { planned: number; spent: number }) => money(r.planned),
    },
    {
      key: 'spent',
      title: b.spent,
      align: 'right' as const,
      render: (_: unknown, r: { planned: number; spent: number }) => money(r.spent),
    },
    {
      key: 'share',
      title: b.share,
      align: 'right' as const,
      render: (_: unknown, r: { planned: number; spent: number }) => share(r),
    },
  ];
  const sourceColumns: DataColumns<SourceRow | { source: 'total'; planned: number; spent: number }> = [
    {
      key: 'source',
      title: b.source,
      render: (_, row) =>
        row.source === 'total' ? <strong>{b.total}</strong> : t.plans.budgetSources[row.source],
    },
    ...amountColumns,
  ];
  const yearColumns: DataColumns<YearRow> = [
    { key: 'year', title: b.year, dataIndex: 'year' },
    ...amountColumns,
  ];
  const lineColumns: DataColumns<LineRow> = [
    {
      key: 'activity',
      title: b.activity,
      render: (_, line) => `${line.activityCode ? `${line.activityCode}. ` : ''}${line.activityTitle}`,
    },
    { key: 'source', title: b.source, render: (_, line) => t.plans.budgetSources[line.source] },
    { key: 'year', title: b.year, dataIndex: 'year' },
    { key: 'planned', title: b.planned, align: 'right', render: (_, line) => money(line.plannedVnd) },
    { key: 'spent', title: b.spent, align: 'right', render: (_, line) => money(line.spentVnd) },
    { key: 'note', title: b.note, render: (_, line) => line.note ?? '' },
  ];
  return (
    <div className="print-area plan-budget">
      <Flex vertical gap="middle">
        <div className="print-only">
          <Typography.Title level={2}>{format(b.printTitle, { title: plan.title })}</Typography.Title>
          <Typography.Paragraph>
            {plan.unit.fullName} · {periodText(plan.periodStart, plan.periodEnd, t)} ·{' '}
            {format(b.printedOn, { date: formatDate(todayInVietnam()) })}
          </Typography.Paragraph>
        </div>
        <Flex justify="end" className="no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {b.print}
          </Button>
        </Flex>
        {lines.length === 0 ? (
          <Typography.Text type="secondary">{b.empty}</Typography.Text>
        ) : (
          <>
            <Typography.Title level={3}>{b.bySource}</Typography.Title>
            <DataTable
              label={b.bySource}
              columns={sourceColumns}
              data={[...totals.bySource, { source: 'total' as const, ...totals.total }]}
              rowKey={(row) => row.source}
              size="small"
            />
            <Typography.Title level={3}>{b.byYear}</Typography.Title>
            <DataTable
              label={b.byYear}
              columns={yearColumns}
              data={byYear}
              rowKey={(row) => row.year}
              size="small"
            />
            <Typography.Title level={3}>{b.lines}</Typography.Title>
            <DataTable
              label={b.lines}
              columns={lineColumns}
              data={lines}
              rowKey={(line) => line.id}
              size="small"
            />
          </>
        )}
      </Flex>
    </div>
  );
}
