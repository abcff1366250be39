import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import type { OrgUnit } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DataTable, Typography, type DataColumns, type PageResult } from '../../ui/index.ts';
import { StatusTag, validityText } from './unitDisplay.tsx';

interface OrgUnitTableProps {
  data: PageResult<OrgUnit> | readonly OrgUnit[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onPageChange?: (page: number, pageSize: number) => void;
  emptyText: string;
  /** The last column: drill-down, pick, … */
  action: (unit: OrgUnit) => ReactNode;
  /** Names link to the detail page (browser) or stay text (pickers). */
  linkNames?: boolean;
  /** Fewer columns, for narrow places such as the picker dialog. */
  compact?: boolean;
  label: string;
}

export function OrgUnitTable({
  data,
  action,
  linkNames = true,
  compact = false,
  ...rest
}: OrgUnitTableProps) {
  const { t, formatNumber } = useI18n();
  const columns: DataColumns<OrgUnit> = [
    {
      key: 'name',
      title: t.orgUnits.name,
      render: (_, unit) => (
        <div className="unit-name-cell">
          {linkNames ? (
            <Link to="/org-units/$id" params={{ id: unit.id }}>
              {unit.name}
            </Link>
          ) : (
            <Typography.Text strong>{unit.name}</Typography.Text>
          )}
          {unit.fullName !== unit.name && (
            <Typography.Text type="secondary" className="unit-full-name">
              {unit.fullName}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'type', title: t.orgUnits.type, dataIndex: 'type' },
    { key: 'code', title: t.orgUnits.code, dataIndex: 'code' },
    { key: 'status', title: t.orgUnits.status, render: (_, unit) => <StatusTag unit={unit} /> },
    { key: 'validity', title: t.orgUnits.validity, render: (_, unit) => validityText(unit) },
    {
      key: 'children',
      title: t.orgUnits.childCount,
      align: 'right',
      render: (_, unit) => formatNumber(unit.childCount),
    },
    { key: 'action', title: t.common.actions, render: (_, unit) => action(unit) },
  ];
  const shown = compact
    ? columns.filter((column) => !['validity', 'children', 'type'].includes(String(column.key)))
    : columns;
  return <DataTable<OrgUnit> columns={shown} data={data} rowKey={(unit) => unit.id} {...rest} />;
}
