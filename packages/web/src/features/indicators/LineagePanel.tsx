import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DownloadOutlined } from '@ant-design/icons';
import {
  api,
  disaggregationNames,
  disaggregationValueNames,
  type IndicatorLineageQuery,
  type LineageChild,
  type LineagePart,
} from '@treem/shared';
import { downloadFile, saveFile } from '../../api/files.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate } from '../../i18n/format.ts';
import {
  Alert,
  Button,
  DataTable,
  Flex,
  Section,
  Segmented,
  Tag,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { useIndicatorLineage } from './queries.ts';

/** Breakdown cell filters as the lineage query names them. */
export type LineageFilters = Pick<
  IndicatorLineageQuery,
  'sex' | 'ageGroup' | 'ethnicityGroup' | 'ethnicity' | 'residence' | 'disability' | 'circumstanceGroup'
>;

export const filterKeyOf: Record<string, keyof LineageFilters> = {
  sex: 'sex',
  age_group: 'ageGroup',
  ethnicity_group: 'ethnicityGroup',
  ethnicity: 'ethnicity',
  residence: 'residence',
  disability: 'disability',
  circumstance_group: 'circumstanceGroup',
};

/** The children behind a number: the numerator or the denominator of a unit's cell, page by page, to download. */
export function LineagePanel({
  code,
  unitId,
  unitName,
  period,
  filters,
  part,
  page,
  onPart,
  onPage,
  onClose,
}: {
  code: string;
  unitId: string;
  unitName: string;
  period: string;
  filters: LineageFilters;
  part: LineagePart;
  page: number;
  onPart: (part: LineagePart) => void;
  onPage: (page: number) => void;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const [pageSize, setPageSize] = useState(50);
  const lineage = useIndicatorLineage(code, { unitId, period, part, page, pageSize, ...filters });
  const download = useMutation({
    mutationFn: async (fileFormat: 'xlsx' | 'csv') => {
      const file = await downloadFile(api.indicators.exportLineage, `chi-tieu-${code}.${fileFormat}`, {
        params: { code },
        query: { unitId, period, part, format: fileFormat, ...filters },
      });
      saveFile(file);
    },
  });
  const filterText = Object.entries(filters)
    .map(([key, value]) => {
      const dimension = Object.entries(filterKeyOf).find(([, k]) => k === key)?.[0] ?? key;
      const name = disaggregationNames[dimension]?.[language] ?? dimension;
      const valueName = disaggregationValueNames[dimension]?.[value ?? '']?.[language] ?? value;
      return `${name}: ${valueName}`;
    })
    .join(', ');

  const columns: DataColumns<LineageChild> = [
    {
      key: 'name',
      title: t.indicators.lineage.name,
      render: (_, row) => (
        <Link to="/register/persons/$id" params={{ id: row.personId }}>
          {row.fullName}
        </Link>
      ),
    },
    { key: 'sex', title: t.indicators.lineage.sex, width: 90, render: (_, row) => t.sexes[row.sex] },
    {
      key: 'birth',
      title: t.indicators.lineage.birthDate,
      width: 110,
      render: (_, row) => formatDate(row.birthDate),
    },
    {
      key: 'age',
      title: t.indicators.lineage.age,
      width: 90,
      align: 'right',
      render: (_, row) => row.ageMonths,
    },
    { key: 'commune', title: t.indicators.lineage.commune, render: (_, row) => row.communeName },
    { key: 'village', title: t.indicators.lineage.village, render: (_, row) => row.villageName },
    ...(part === 'denominator'
      ? [
          {
            key: 'in',
            title: t.indicators.lineage.inNumerator,
            width: 110,
            render: (_: unknown, row: LineageChild) =>
              row.inNumerator ? <Tag color="blue">{t.common.yes}</Tag> : t.common.no,
          },
        ]
      : []),
    { key: 'detail', title: t.indicators.lineage.detail, render: (_, row) => row.detail ?? '' },
  ];

  return (
    <Section
      title={format(t.indicators.lineage.title, { unit: unitName })}
      extra={
        <Flex gap="small" wrap>
          <Button
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() => download.mutate('xlsx')}
          >
            {t.indicators.lineage.exportXlsx}
          </Button>
          <Button onClick={() => download.mutate('csv')}>{t.indicators.lineage.exportCsv}</Button>
          <Button onClick={onClose}>{t.indicators.lineage.close}</Button>
        </Flex>
      }
    >
      <Flex vertical gap="middle" data-testid="indicator-lineage">
        <Segmented
          aria-label={t.indicators.lineage.part}
          value={part}
          onChange={(value) => onPart(value as LineagePart)}
          options={[
            { value: 'numerator', label: t.indicators.lineage.numerator },
            { value: 'denominator', label: t.indicators.lineage.denominator },
          ]}
        />
        {filterText && (
          <Typography.Text type="secondary">
            {format(t.indicators.lineage.filters, { filters: filterText })}
          </Typography.Text>
        )}
        {download.isError && <Alert type="error" showIcon message={t.indicators.lineage.exportFailed} />}
        {(lineage.data?.hidden ?? 0) > 0 && (
          <Alert
            type="info"
            showIcon
            message={format(t.indicators.lineage.hidden, { count: lineage.data!.hidden })}
          />
        )}
        <DataTable
          label={format(t.indicators.lineage.title, { unit: unitName })}
          columns={columns}
          data={lineage.data}
          rowKey={(row) => row.personId}
          loading={lineage.isFetching}
          error={lineage.error}
          onRetry={() => void lineage.refetch()}
          onPageChange={(nextPage, nextSize) => {
            if (nextSize !== pageSize) setPageSize(nextSize);
            onPage(nextPage);
          }}
          emptyText={t.indicators.lineage.empty}
          size="small"
        />
      </Flex>
    </Section>
  );
}
