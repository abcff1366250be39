import { useMemo } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import {
  api,
  indicatorGroupNames,
  indicatorGroups,
  indicatorKinds,
  todayInVietnam,
  type IndicatorSummary,
} from '@treem/shared';
import { call } from '../../api/client.ts';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  Card,
  DataTable,
  Flex,
  Input,
  Page,
  Select,
  Tag,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import {
  defaultPeriod,
  formatIndicatorValue,
  indicatorMatches,
  periodFor,
  statusColour,
} from './indicatorFormat.ts';
import { useIndicatorOverview } from './queries.ts';
import { UnitPeriodBar } from './UnitPeriodBar.tsx';

const route = getRouteApi('/app/indicators');

/** The indicator catalogue, with each indicator's value, target and status for a unit and period. */
export function IndicatorsPage() {
  const { t, language } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { unit: working } = useWorkingUnit();
  const workingUnit =
    working && working.level !== 'country' && working.level !== 'district' ? working.orgUnitId : undefined;
  const unitId = search.unitId ?? workingUnit;
  const period = search.period ?? defaultPeriod(todayInVietnam());
  const catalogue = useQuery({
    queryKey: ['indicators', 'catalogue'],
    queryFn: ({ signal }) => call(api.indicators.catalogue, { signal }),
    staleTime: Infinity,
  });
  const overview = useIndicatorOverview(unitId ? { unitId, period } : null);
  const yearly = useIndicatorOverview(
    unitId && period.includes('H') ? { unitId, period: period.slice(0, 4) } : null,
  );
  const values = useMemo(() => {
    const byCode = new Map<string, NonNullable<typeof overview.data>['items'][number]>();
    for (const item of yearly.data?.items ?? []) byCode.set(item.code, item);
    for (const item of overview.data?.items ?? []) byCode.set(item.code, item);
    return byCode;
  }, [overview.data, yearly.data]);

  const items = (catalogue.data?.items ?? []).filter(
    (indicator) =>
      indicatorMatches(indicator, search.q ?? '', language) &&
      (!search.group || indicator.group === search.group) &&
      (!search.kind || indicator.kind === search.kind),
  );

  const columns: DataColumns<IndicatorSummary> = [
    { key: 'code', title: t.indicators.catalogue.code, width: 110, render: (_, row) => row.code },
    {
      key: 'name',
      title: t.indicators.catalogue.name,
      width: 520,
      render: (_, row) => (
        <Flex vertical gap={2} className="indicator-name-cell">
          <Link
            to="/indicators/$code"
            params={{ code: row.code }}
            search={{ ...(unitId ? { unitId } : {}), period: periodFor(row, period) }}
          >
            {row.name[language]}
          </Link>
          <Typography.Text type="secondary" className="indicator-meta">
            {indicatorGroupNames[row.group][language]} · {t.sectors[row.sector]}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t.indicators.catalogue.kind,
      width: 140,
      render: (_, row) => (
        <Tag color={row.kind === 'computed' ? 'blue' : row.kind === 'derived' ? 'purple' : 'default'}>
          {t.indicators.kinds[row.kind]}
        </Tag>
      ),
    },
    {
      key: 'value',
      title: t.indicators.catalogue.value,
      align: 'right',
      width: 120,
      render: (_, row) => formatIndicatorValue(values.get(row.code)?.cell.value ?? null, row.unit, language),
    },
    {
      key: 'target',
      title: t.indicators.catalogue.target,
      align: 'right',
      width: 120,
      render: (_, row) => {
        const target = values.get(row.code)?.target;
        return target
          ? `${target.comparator.replace('>=', '≥').replace('<=', '≤')} ${formatIndicatorValue(target.value, row.unit, language)}`
          : '—';
      },
    },
    {
      key: 'status',
      title: t.indicators.catalogue.status,
      width: 170,
      render: (_, row) => {
        const status = values.get(row.code)?.status;
        return status ? <Tag color={statusColour[status]}>{t.indicators.statuses[status]}</Tag> : null;
      },
    },
  ];

  const setSearch = (patch: Record<string, string | undefined>) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }) });

  return (
    <Page title={t.indicators.catalogue.title}>
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.indicators.catalogue.intro}
      </Typography.Paragraph>
      <Card>
        <Flex vertical gap="middle">
          <UnitPeriodBar
            unitId={unitId}
            period={period}
            onUnit={(id) => setSearch({ unitId: id })}
            onPeriod={(next) => setSearch({ period: next })}
          />
          <Flex gap="middle" wrap>
            <Input.Search
              aria-label={t.indicators.catalogue.search}
              placeholder={t.indicators.catalogue.searchPlaceholder}
              defaultValue={search.q}
              allowClear
              onSearch={(q) => setSearch({ q: q || undefined })}
              style={{ maxWidth: 360 }}
            />
            <Select
              aria-label={t.indicators.catalogue.group}
              value={search.group ?? ''}
              onChange={(group: string) => setSearch({ group: group || undefined })}
              options={[
                { value: '', label: t.indicators.catalogue.allGroups },
                ...indicatorGroups.map((group) => ({
                  value: group,
                  label: indicatorGroupNames[group][language],
                })),
              ]}
              style={{ minWidth: 220 }}
            />
            <Select
              aria-label={t.indicators.catalogue.kind}
              value={search.kind ?? ''}
              onChange={(kind: string) => setSearch({ kind: kind || undefined })}
              options={[
                { value: '', label: t.indicators.catalogue.allKinds },
                ...indicatorKinds.map((kind) => ({ value: kind, label: t.indicators.kinds[kind] })),
              ]}
              style={{ minWidth: 180 }}
            />
          </Flex>
          {!unitId && <Typography.Text type="secondary">{t.indicators.catalogue.chooseUnit}</Typography.Text>}
        </Flex>
      </Card>
      <Card>
        <Typography.Paragraph type="secondary">
          {format(t.indicators.catalogue.count, { count: items.length })}
        </Typography.Paragraph>
        <DataTable
          label={t.indicators.catalogue.title}
          columns={columns}
          data={items}
          rowKey={(row) => row.code}
          loading={catalogue.isLoading || overview.isFetching}
          error={catalogue.error ?? overview.error}
          onRetry={() => void catalogue.refetch()}
          emptyText={t.indicators.catalogue.empty}
          size="small"
        />
      </Card>
    </Page>
  );
}
