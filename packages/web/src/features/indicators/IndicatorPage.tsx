import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import {
  api,
  disaggregationNames,
  disaggregationValueNames,
  findIndicator,
  todayInVietnam,
  type Disaggregation,
  type IndicatorCell,
  type IndicatorSummary,
  type IndicatorUnitRef,
  type IndicatorStatus,
} from '@treem/shared';
import { call } from '../../api/client.ts';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDecimal, formatInstant } from '../../i18n/format.ts';
import {
  Alert,
  ButtonLink,
  Card,
  Checkbox,
  Col,
  DataTable,
  Descriptions,
  EmptyState,
  Flex,
  Loading,
  Page,
  Row,
  Section,
  Select,
  Tag,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { defaultPeriod, formatIndicatorValue, statusColour } from './indicatorFormat.ts';
import { filterKeyOf, LineagePanel, type LineageFilters } from './LineagePanel.tsx';
import { useIndicatorTrend, useIndicatorValues } from './queries.ts';
import { UnitPeriodBar } from './UnitPeriodBar.tsx';

/** A breakdown row's values as the lineage's filters (`age_group` → `ageGroup`). */
function cellFilters(dims: Record<string, string>): LineageFilters {
  const filters: Record<string, string> = {};
  for (const [dimension, value] of Object.entries(dims)) {
    const key = filterKeyOf[dimension];
    if (key) filters[key] = value;
  }
  return filters;
}

const TrendChart = lazy(() => import('./TrendChart.tsx'));
const route = getRouteApi('/app/indicators/$code');

interface AreaRow {
  unit: IndicatorUnitRef;
  cell: IndicatorCell;
  status: IndicatorStatus;
}

function StatusTag({ status }: { status: IndicatorStatus }) {
  const { t } = useI18n();
  return <Tag color={statusColour[status]}>{t.indicators.statuses[status]}</Tag>;
}

/**
 * One indicator for a unit and period: its value against the plan's target, the trend, each unit below it (a
 * province's communes), the breakdowns, and the children behind any number.
 */
export function IndicatorPage() {
  const { t, language, formatNumber } = useI18n();
  const { code } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useSession();
  const { unit: working } = useWorkingUnit();
  const workingUnit =
    working && working.level !== 'country' && working.level !== 'district' ? working.orgUnitId : undefined;
  const unitId = search.unitId ?? workingUnit;
  const definition = findIndicator(code);
  const period =
    search.period ??
    (definition && !definition.periodTypes.includes('half_year')
      ? todayInVietnam().slice(0, 4)
      : defaultPeriod(todayInVietnam()));
  const by = (search.by?.split(',') ?? []) as Disaggregation[];
  const catalogue = useQuery({
    queryKey: ['indicators', 'catalogue'],
    queryFn: ({ signal }) => call(api.indicators.catalogue, { signal }),
    staleTime: Infinity,
  });
  const indicator: IndicatorSummary | undefined = catalogue.data?.items.find((item) => item.code === code);
  const values = useIndicatorValues(
    code,
    unitId && indicator ? { unitId, period, ...(by.length ? { by: by.join(',') } : {}) } : null,
  );
  const trend = useIndicatorTrend(code, unitId && indicator ? { unitId, period, count: 6 } : null);
  const [filters, setFilters] = useState<LineageFilters>({});
  const [showEmpty, setShowEmpty] = useState(false);
  const lineageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (search.area) lineageRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [search.area]);

  const setSearch = (patch: Record<string, string | number | undefined>) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }) });

  if (catalogue.isLoading) return <Loading />;
  if (!indicator) {
    return (
      <Page title={t.indicators.catalogue.title}>
        <EmptyState description={t.notFound.title} />
      </Page>
    );
  }
  const data = values.data;
  // Units with numbers first, the largest denominators on top; units without any are hidden until asked for.
  const hasData = (row: AreaRow) =>
    (row.cell.denominator ?? 0) > 0 || (row.cell.numerator !== null && row.cell.numerator > 0);
  const areaRows = [...(data?.areas ?? [])]
    .filter((row) => showEmpty || hasData(row))
    .sort(
      (a, b) =>
        (b.cell.denominator ?? 0) - (a.cell.denominator ?? 0) || a.unit.name.localeCompare(b.unit.name, 'vi'),
    );
  const emptyAreas = (data?.areas ?? []).filter((row) => !hasData(row)).length;
  const computed = indicator.kind === 'computed';
  const show = (value: number | null) => formatIndicatorValue(value, indicator.unit, language);
  const count = (value: number | null) => (value === null ? '—' : formatNumber(value));
  const percent = (value: number | null) =>
    value === null ? '—' : `${formatDecimal(value * 100, language, 0)}%`;
  const areaName = (id: string) =>
    data?.areas.find((area) => area.unit.id === id)?.unit.name ??
    (data?.unit.id === id ? data.unit.name : '');

  const openChildren = (id: string, nextFilters: LineageFilters = {}) => {
    setFilters(nextFilters);
    setSearch({ area: id, page: undefined });
  };

  const areaColumns: DataColumns<AreaRow> = [
    {
      key: 'unit',
      title: t.indicators.page.area,
      render: (_, row) =>
        computed ? (
          <Typography.Link onClick={() => openChildren(row.unit.id)} data-testid="indicator-area">
            {row.unit.name}
          </Typography.Link>
        ) : (
          row.unit.name
        ),
    },
    {
      key: 'value',
      title: t.indicators.page.value,
      align: 'right',
      render: (_, row) => show(row.cell.value),
    },
    {
      key: 'numerator',
      title: t.indicators.page.numeratorShort,
      align: 'right',
      render: (_, row) => count(row.cell.numerator),
    },
    {
      key: 'denominator',
      title: t.indicators.page.denominatorShort,
      align: 'right',
      render: (_, row) => count(row.cell.denominator),
    },
    {
      key: 'completeness',
      title: t.indicators.page.completeness,
      align: 'right',
      render: (_, row) => percent(row.cell.completeness),
    },
    {
      key: 'status',
      title: t.indicators.catalogue.status,
      render: (_, row) => <StatusTag status={row.status} />,
    },
    {
      key: 'open',
      title: '',
      render: (_, row) =>
        row.unit.level !== 'village' ? (
          <Link
            to="/indicators/$code"
            params={{ code }}
            search={{ unitId: row.unit.id, period, ...(search.by ? { by: search.by } : {}) }}
          >
            {format(t.indicators.page.openUnit, { unit: row.unit.name })}
          </Link>
        ) : null,
    },
  ];

  type BreakdownRow = NonNullable<typeof data>['breakdown'][number];
  const breakdownColumns: DataColumns<BreakdownRow> = [
    ...by.map((dimension) => ({
      key: dimension,
      title: disaggregationNames[dimension]?.[language] ?? dimension,
      render: (_: unknown, row: BreakdownRow) => {
        const value = row.dims[dimension] ?? '';
        return disaggregationValueNames[dimension]?.[value]?.[language] ?? value;
      },
    })),
    {
      key: 'value',
      title: t.indicators.page.value,
      align: 'right',
      render: (_, row) => show(row.cell.value),
    },
    {
      key: 'numerator',
      title: t.indicators.page.numeratorShort,
      align: 'right',
      render: (_, row) => count(row.cell.numerator),
    },
    {
      key: 'denominator',
      title: t.indicators.page.denominatorShort,
      align: 'right',
      render: (_, row) => count(row.cell.denominator),
    },
    ...(computed && unitId
      ? [
          {
            key: 'children',
            title: '',
            render: (_: unknown, row: BreakdownRow) => (
              <Typography.Link onClick={() => openChildren(unitId, cellFilters(row.dims))}>
                {t.indicators.page.showChildren}
              </Typography.Link>
            ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={indicator.name[language]}
      breadcrumbs={[
        <Link key="catalogue" to="/indicators" search={{ ...(unitId ? { unitId } : {}), period }}>
          {t.indicators.page.back}
        </Link>,
        indicator.code,
      ]}
      extra={
        !computed && can('aggregate.enter') ? (
          <ButtonLink to="/data-entry" search={{ ...(unitId ? { unitId } : {}), period }}>
            {t.indicators.page.enterData}
          </ButtonLink>
        ) : undefined
      }
    >
      <Card>
        <UnitPeriodBar
          unitId={unitId}
          period={period}
          onUnit={(id) => setSearch({ unitId: id, area: undefined, page: undefined })}
          onPeriod={(next) => setSearch({ period: next, area: undefined, page: undefined })}
        />
      </Card>
      {!unitId ? (
        <Card>
          <EmptyState description={t.indicators.catalogue.chooseUnit} />
        </Card>
      ) : values.error ? (
        <Alert type="error" showIcon message={t.errors.INTERNAL_ERROR} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={10}>
              <Card>
                <Flex vertical gap="small" data-testid="indicator-summary">
                  <Typography.Text type="secondary">{data.unit.name}</Typography.Text>
                  <Typography.Title level={2} style={{ margin: 0 }} data-testid="indicator-value">
                    {show(data.total.value)}
                  </Typography.Title>
                  <Typography.Text>
                    {t.indicators.page.numeratorShort}: {count(data.total.numerator)} ·{' '}
                    {t.indicators.page.denominatorShort}: {count(data.total.denominator)}
                  </Typography.Text>
                  <Flex gap="small" align="center" wrap>
                    <StatusTag status={data.status} />
                    {data.target ? (
                      <Typography.Text>
                        {format(t.indicators.page.target, { year: data.target.year })}:{' '}
                        {data.target.comparator.replace('>=', '≥').replace('<=', '≤')}{' '}
                        {show(data.target.value)} (
                        {format(t.indicators.page.targetFrom, { plan: data.target.planTitle })})
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="secondary">{t.indicators.page.noTarget}</Typography.Text>
                    )}
                  </Flex>
                  {data.total.completeness !== null && (
                    <Typography.Text title={t.indicators.page.completenessHelp}>
                      {t.indicators.page.completeness}: {percent(data.total.completeness)}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" className="indicator-meta">
                    {format(t.indicators.page.computedIn, {
                      time: formatInstant(data.computedAt),
                      ms: data.durationMs,
                    })}
                  </Typography.Text>
                </Flex>
              </Card>
            </Col>
            <Col xs={24} md={14}>
              <Card title={t.indicators.page.trend}>
                {trend.data ? (
                  <Suspense fallback={<Loading />}>
                    <TrendChart trend={trend.data} unit={indicator.unit} />
                  </Suspense>
                ) : (
                  <Loading />
                )}
              </Card>
            </Col>
          </Row>
          <Section title={t.indicators.page.areas}>
            {computed && (
              <Typography.Paragraph type="secondary">{t.indicators.page.areasHelp}</Typography.Paragraph>
            )}
            {emptyAreas > 0 && (
              <Checkbox checked={showEmpty} onChange={(event) => setShowEmpty(event.target.checked)}>
                {format(t.indicators.page.showEmptyAreas, { count: emptyAreas })}
              </Checkbox>
            )}
            <DataTable
              label={t.indicators.page.areas}
              columns={areaColumns}
              data={areaRows}
              rowKey={(row) => row.unit.id}
              loading={values.isFetching}
              emptyText={t.indicators.page.noAreas}
              size="small"
            />
          </Section>
          <Section title={t.indicators.page.breakdown}>
            {indicator.disaggregations.length === 0 ? (
              <Typography.Text type="secondary">{t.indicators.page.noBreakdown}</Typography.Text>
            ) : (
              <Flex vertical gap="middle">
                <Select
                  mode="multiple"
                  aria-label={t.indicators.page.by}
                  placeholder={t.indicators.page.chooseBy}
                  value={by}
                  maxCount={2}
                  style={{ minWidth: 320 }}
                  options={indicator.disaggregations.map((dimension) => ({
                    value: dimension,
                    label: disaggregationNames[dimension]?.[language] ?? dimension,
                  }))}
                  onChange={(next: Disaggregation[]) =>
                    setSearch({ by: next.length ? next.join(',') : undefined })
                  }
                />
                {by.length > 0 && (
                  <DataTable
                    label={t.indicators.page.breakdown}
                    columns={breakdownColumns}
                    data={data.breakdown}
                    rowKey={(row) => JSON.stringify(row.dims)}
                    loading={values.isFetching}
                    size="small"
                  />
                )}
              </Flex>
            )}
          </Section>
          {!computed && <Alert type="info" showIcon message={t.indicators.page.aggregateNote} />}
          {computed && search.area && (
            <div ref={lineageRef}>
              {indicator.confidential && (
                <Alert type="warning" showIcon message={t.indicators.page.confidential} />
              )}
              <LineagePanel
                code={code}
                unitId={search.area}
                unitName={areaName(search.area)}
                period={period}
                filters={filters}
                part={search.part ?? 'numerator'}
                page={search.page ?? 1}
                onPart={(part) => setSearch({ part, page: undefined })}
                onPage={(page) => setSearch({ page: page > 1 ? page : undefined })}
                onClose={() => {
                  setFilters({});
                  setSearch({ area: undefined, page: undefined, part: undefined });
                }}
              />
            </div>
          )}
          <Card title={t.indicators.page.definition}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t.indicators.page.definition}>
                {indicator.definition[language]}
              </Descriptions.Item>
              <Descriptions.Item label={t.indicators.page.numerator}>
                {indicator.numeratorText[language]}
              </Descriptions.Item>
              <Descriptions.Item label={t.indicators.page.denominator}>
                {indicator.denominatorText[language]}
              </Descriptions.Item>
              <Descriptions.Item label={t.indicators.page.unit}>
                {t.indicators.units[indicator.unit]}
              </Descriptions.Item>
              <Descriptions.Item label={t.indicators.page.direction}>
                {t.indicators.directions[indicator.direction]}
              </Descriptions.Item>
              <Descriptions.Item label={t.indicators.page.kind}>
                {t.indicators.kinds[indicator.kind]}
              </Descriptions.Item>
              <Descriptions.Item label={t.indicators.page.sector}>
                {t.sectors[indicator.sector]}
              </Descriptions.Item>
              <Descriptions.Item label={t.indicators.page.references}>
                <ul className="indicator-references">
                  {indicator.references.map((reference) => (
                    <li key={`${reference.document}${reference.item}`}>
                      {reference.document}: {reference.item}
                    </li>
                  ))}
                </ul>
                <Typography.Text type="secondary">
                  {t.indicators.confidence[indicator.confidence]}
                </Typography.Text>
              </Descriptions.Item>
              {indicator.note && (
                <Descriptions.Item label={t.indicators.page.note}>{indicator.note}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </>
      )}
    </Page>
  );
}
