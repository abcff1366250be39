import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import type { CaseList, CaseListItem } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatInstant } from '../../i18n/format.ts';
import { DataTable, Flex, Tag, type DataColumns } from '../../ui/index.ts';
import { ConcernTags, DueClock, RiskTag, StepTag } from './display.tsx';
import { useNow } from './useNow.ts';

export type CaseColumn = 'commune' | 'concerns' | 'step' | 'risk' | 'received' | 'deadline';

/** The case lists (inbox, my cases, approvals, transfers): one table, each list choosing its columns. */
export function CaseTable({
  label,
  data,
  loading,
  error,
  onRetry,
  onPageChange,
  columns: shown,
  deadlineTitle,
  communeTitle,
  emptyText,
  action,
}: {
  label: string;
  data: CaseList | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onPageChange: (page: number, size: number) => void;
  columns: readonly CaseColumn[];
  deadlineTitle?: string;
  communeTitle?: string;
  emptyText: string;
  action?: (item: CaseListItem) => ReactNode;
}) {
  const { t } = useI18n();
  const now = useNow();
  const has = (column: CaseColumn) => shown.includes(column);
  const columns: DataColumns<CaseListItem> = [
    {
      key: 'caseNumber',
      title: t.cases.columns.caseNumber,
      render: (_, item) => (
        <Link to="/cases/$id" params={{ id: item.id }}>
          {item.caseNumber}
        </Link>
      ),
    },
    {
      key: 'child',
      title: t.cases.columns.child,
      render: (_, item) => (
        <Flex vertical gap={2}>
          <span>{item.childName}</span>
          <span className="tag-group">
            {item.urgent && item.step !== 'closed' && <Tag color="red">{t.cases.markers.urgent}</Tag>}
            {item.transferPending && <Tag color="purple">{t.cases.markers.transferPending}</Tag>}
          </span>
        </Flex>
      ),
    },
    ...(has('commune')
      ? [
          {
            key: 'commune',
            title: communeTitle ?? t.cases.columns.commune,
            render: (_: unknown, item: CaseListItem) => item.communeName,
          },
        ]
      : []),
    ...(has('concerns')
      ? [
          {
            key: 'concerns',
            title: t.cases.columns.concerns,
            render: (_: unknown, item: CaseListItem) => <ConcernTags codes={item.concernTypes} />,
          },
        ]
      : []),
    ...(has('step')
      ? [
          {
            key: 'step',
            title: t.cases.columns.step,
            render: (_: unknown, item: CaseListItem) => <StepTag step={item.step} />,
          },
        ]
      : []),
    ...(has('risk')
      ? [
          {
            key: 'risk',
            title: t.cases.columns.risk,
            render: (_: unknown, item: CaseListItem) => <RiskTag level={item.riskLevel} />,
          },
        ]
      : []),
    ...(has('received')
      ? [
          {
            key: 'received',
            title: t.cases.columns.receivedAt,
            render: (_: unknown, item: CaseListItem) => formatInstant(item.receivedAt),
          },
        ]
      : []),
    ...(has('deadline')
      ? [
          {
            key: 'deadline',
            title: deadlineTitle ?? t.cases.columns.deadline,
            render: (_: unknown, item: CaseListItem) =>
              item.dueAt && item.dueState ? (
                <DueClock dueAt={item.dueAt} state={item.dueState} kind={item.dueKind} now={now} />
              ) : (
                t.cases.due.none
              ),
          },
        ]
      : []),
    ...(action
      ? [{ key: 'action', title: t.common.actions, render: (_: unknown, item: CaseListItem) => action(item) }]
      : []),
  ];
  return (
    <DataTable<CaseListItem>
      label={label}
      columns={columns}
      data={data}
      rowKey={(item) => item.id}
      loading={loading}
      error={error}
      onRetry={onRetry}
      onPageChange={onPageChange}
      emptyText={emptyText}
    />
  );
}
