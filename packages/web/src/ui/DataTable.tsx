import type { Key, ReactNode } from 'react';
import { Table, type TableColumnsType, type TableProps } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { format } from '../i18n/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { EmptyState } from './States.tsx';

export type DataColumns<T> = TableColumnsType<T>;

export interface PageResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

interface DataTableProps<T> {
  columns: DataColumns<T>;
  /** A page of a server list, or a plain array shown without pagination. */
  data: PageResult<T> | readonly T[] | undefined;
  rowKey: (row: T) => Key;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  onPageChange?: (page: number, pageSize: number) => void;
  emptyText?: string;
  emptyAction?: ReactNode;
  expandable?: TableProps<T>['expandable'];
  label?: string;
  /** The server stopped counting at `total`: there are more rows than it says ("hơn 5.000"). */
  totalCapped?: boolean;
  /** Server-side sorting: columns declare `sorter: true` and their `sortOrder`; a header click lands here. */
  onSortChange?: (columnKey: string | undefined, order: 'ascend' | 'descend' | null | undefined) => void;
  /** A class for some rows (a row to look at, a row with an error). */
  rowClassName?: (row: T) => string;
  size?: 'small' | 'middle';
}

function isPage<T>(data: PageResult<T> | readonly T[]): data is PageResult<T> {
  return !Array.isArray(data);
}

/** antd Table with server-side pagination, the catalogue's texts, and error and empty states. */
export function DataTable<T extends object>({
  columns,
  data,
  rowKey,
  loading,
  error,
  onRetry,
  onPageChange,
  emptyText,
  emptyAction,
  expandable,
  label,
  totalCapped = false,
  onSortChange,
  rowClassName,
  size = 'middle',
}: DataTableProps<T>) {
  const { t, formatNumber } = useI18n();
  if (error && !data) return <ErrorAlert error={error} onRetry={onRetry} />;
  const rows = data ? (isPage(data) ? data.items : data) : [];
  const page = data && isPage(data) ? data : undefined;
  return (
    <>
      {Boolean(error) && <ErrorAlert error={error} onRetry={onRetry} />}
      <Table<T>
        aria-label={label}
        columns={columns}
        dataSource={rows}
        rowKey={rowKey}
        loading={loading}
        expandable={expandable}
        size={size}
        rowClassName={rowClassName ? (row) => rowClassName(row) : undefined}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState description={emptyText}>{emptyAction}</EmptyState> }}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action !== 'sort' || !onSortChange) return;
          const first = Array.isArray(sorter) ? sorter[0] : sorter;
          onSortChange(
            first?.columnKey === undefined ? undefined : String(first.columnKey),
            first?.order ?? null,
          );
        }}
        pagination={
          page
            ? {
                current: page.page,
                pageSize: page.pageSize,
                total: page.total,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50, 100],
                showTotal: (total, [start, end]) =>
                  format(totalCapped ? t.common.rangeCapped : t.common.range, {
                    start: formatNumber(start),
                    end: formatNumber(end),
                    total: formatNumber(total),
                  }),
                onChange: onPageChange,
              }
            : false
        }
      />
    </>
  );
}
