import { lazy, Suspense, useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { api, type EcdChild, type GrowthMeasurement, type PersonDetail } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate, formatDecimal } from '../../i18n/format.ts';
import {
  Button,
  Card,
  DataTable,
  EmptyState,
  ErrorAlert,
  Flex,
  Loading,
  Radio,
  SidePanel,
  Space,
  Tag,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { AgeText, ClassificationTags, ZScore } from './display.tsx';
import { DeleteWithReasonDialog } from './DeleteWithReasonDialog.tsx';
import { growthChartData, growthChartKinds, type GrowthChartChoice } from './growthChart.ts';
import { MeasurementForm } from './MeasurementForm.tsx';
import { useInvalidateChild, useMeasurements } from './queries.ts';

// ECharts is loaded only when a chart is shown: most pages never need it.
const GrowthChart = lazy(() => import('./GrowthChart.tsx'));

const chartUnits: Record<GrowthChartChoice, string> = {
  wfa: 'kg',
  lhfa: 'cm',
  wflh: 'kg',
  bmifa: 'kg/m²',
  hcfa: 'cm',
};

function GrowthChartCard({ child, items }: { child: EcdChild; items: readonly GrowthMeasurement[] }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<GrowthChartChoice>('wfa');
  const data = useMemo(() => growthChartData(kind, child.sex, items), [kind, child.sex, items]);
  const title =
    kind === 'wflh' && data.lengthTable
      ? t.ecd.chart.lengthTables[data.lengthTable]
      : t.ecd.chart.kinds[kind];
  return (
    <Card title={t.ecd.chart.title}>
      <Flex vertical gap="small">
        <Radio.Group
          aria-label={t.ecd.chart.choose}
          value={kind}
          onChange={(event) => setKind(event.target.value as GrowthChartChoice)}
          optionType="button"
          className="choice-field"
          options={growthChartKinds.map((value) => ({ value, label: t.ecd.chart.kinds[value] }))}
        />
        <Typography.Text type="secondary">
          {format(t.ecd.chart.caption, { chart: title, sex: t.sexes[child.sex] })}
        </Typography.Text>
        {data.points.length === 0 && (
          <Typography.Text type="secondary">{t.ecd.chart.noPoints}</Typography.Text>
        )}
        <Suspense fallback={<Loading />}>
          <GrowthChart
            data={data}
            childName={child.fullName}
            yUnit={chartUnits[kind]}
            label={`${title} – ${child.fullName}`}
          />
        </Suspense>
      </Flex>
    </Card>
  );
}

function Measure({ value, unit }: { value: number | null; unit: string }) {
  const { language } = useI18n();
  if (value === null) return <Typography.Text type="secondary">–</Typography.Text>;
  return (
    <>
      {formatDecimal(value, language, 1)} {unit}
    </>
  );
}

/** Growth: the WHO chart of the child's measurements, the table of every measurement, and the forms to add one. */
export function GrowthTab({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useMeasurements(person.id);
  const invalidateChild = useInvalidateChild();
  const [editing, setEditing] = useState<GrowthMeasurement | 'new' | null>(null);
  const [removing, setRemoving] = useState<GrowthMeasurement | null>(null);
  const writable = can('ecd.write') && person.status === 'active';

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const { child, items } = list.data;

  const columns: DataColumns<GrowthMeasurement> = [
    { key: 'measuredOn', title: t.ecd.growth.measuredOn, render: (_, m) => formatDate(m.measuredOn) },
    { key: 'age', title: t.ecd.growth.age, render: (_, m) => <AgeText ageDays={m.ageDays} /> },
    {
      key: 'weight',
      title: t.ecd.growth.weight,
      align: 'right',
      render: (_, m) => <Measure value={m.weightKg} unit="kg" />,
    },
    {
      key: 'length',
      title: t.ecd.growth.lengthHeight,
      align: 'right',
      render: (_, m) => (
        <>
          <Measure value={m.lengthHeightCm} unit="cm" />
          {m.lengthHeightCm !== null && m.position && (
            <Typography.Text type="secondary" className="cell-note">
              {t.ecd.growth.positionsShort[m.position]}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'head',
      title: t.ecd.growth.headCircumference,
      align: 'right',
      responsive: ['lg'],
      render: (_, m) => <Measure value={m.headCircumferenceCm} unit="cm" />,
    },
    {
      key: 'muac',
      title: t.ecd.growth.muac,
      align: 'right',
      responsive: ['lg'],
      render: (_, m) => <Measure value={m.muacCm} unit="cm" />,
    },
    {
      key: 'oedema',
      title: t.ecd.growth.oedemaShort,
      render: (_, m) => (m.oedema ? <Tag color="red">{t.common.yes}</Tag> : ''),
    },
    ...(['wfa', 'lhfa', 'wflh', 'bmifa'] as const).map((indicator) => ({
      key: indicator,
      title: t.ecd.growth.indicatorsShort[indicator],
      align: 'right' as const,
      render: (_: unknown, m: GrowthMeasurement) => (
        <ZScore value={m.z[indicator]} flagged={m.flags[indicator]} />
      ),
    })),
    {
      key: 'classification',
      title: t.ecd.growth.classification,
      render: (_, m) => <ClassificationTags classification={m.classification} flags={m.flags} empty="–" />,
    },
    {
      key: 'by',
      title: t.ecd.growth.measuredBy,
      responsive: ['xl'],
      render: (_, m) => [m.measuredBy, m.place].filter(Boolean).join(' · '),
    },
    ...(writable
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, m: GrowthMeasurement) => (
              <Space size="small">
                <Button
                  size="small"
                  onClick={() => setEditing(m)}
                  aria-label={`${t.ecd.growth.correct} ${formatDate(m.measuredOn)}`}
                >
                  {t.ecd.growth.correct}
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => setRemoving(m)}
                  aria-label={`${t.ecd.remove.button} ${formatDate(m.measuredOn)}`}
                >
                  {t.ecd.remove.button}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap="middle">
      {items.length > 0 ? (
        <GrowthChartCard child={child} items={items} />
      ) : (
        <Card>
          <EmptyState description={t.ecd.growth.empty}>
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t.ecd.growth.add}
              </Button>
            )}
          </EmptyState>
        </Card>
      )}
      {items.length > 0 && (
        <Card
          title={t.ecd.growth.tableTitle}
          extra={
            writable ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t.ecd.growth.add}
              </Button>
            ) : undefined
          }
        >
          <DataTable<GrowthMeasurement>
            label={t.ecd.growth.tableTitle}
            columns={columns}
            data={items}
            rowKey={(m) => m.id}
            loading={list.isFetching}
            emptyText={t.ecd.growth.empty}
          />
        </Card>
      )}
      <SidePanel
        open={editing !== null}
        title={
          editing === 'new'
            ? format(t.ecd.growth.addTitleFor, { name: child.fullName })
            : format(t.ecd.growth.editTitleFor, { date: editing ? formatDate(editing.measuredOn) : '' })
        }
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <MeasurementForm
            child={child}
            measurement={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </SidePanel>
      <DeleteWithReasonDialog
        open={removing !== null}
        title={t.ecd.growth.removeTitle}
        description={
          removing ? format(t.ecd.growth.removeQuestion, { date: formatDate(removing.measuredOn) }) : ''
        }
        done={t.ecd.growth.removed}
        onClose={() => setRemoving(null)}
        onDelete={async (reason) => {
          if (!removing) return;
          await call(api.ecd.deleteMeasurement, { params: { id: removing.id }, body: { reason } });
          await invalidateChild(child.id);
        }}
      />
    </Flex>
  );
}
