import { useId, useState } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import {
  enteredIndicators,
  entrySectorsOf,
  isPeriodCode,
  todayInVietnam,
  type OrgLevel,
  type PeriodCode,
  type Sector,
} from '@treem/shared';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  ErrorAlert,
  FieldFrame,
  Flex,
  Loading,
  Page,
  Segmented,
  Select,
  Typography,
} from '../../ui/index.ts';
import { OrgUnitPickerDialog } from '../orgUnits/OrgUnitPicker.tsx';
import { defaultPeriod, periodCode, periodKinds, splitPeriod, type PeriodKind } from './dataEntry.ts';
import type { DataEntrySearch } from './dataEntrySearch.ts';
import { EntryTable } from './EntryTable.tsx';
import { LockBanner, LockButtons } from './PeriodLocks.tsx';
import { useEntryForm } from './queries.ts';
import './aggregate.css';

const route = getRouteApi('/app/data-entry');
const entryLevels: readonly OrgLevel[] = ['province', 'commune'];
/** The years offered: this one and the nine before it. */
const YEARS_BACK = 9;

function UnitChoice({ name, onChange }: { name: string | undefined; onChange: (unitId: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <FieldFrame id={id} label={t.aggregate.unit}>
      <Flex gap="small" align="center" wrap>
        <Typography.Text strong={Boolean(name)} type={name ? undefined : 'secondary'}>
          {name ?? t.aggregate.chooseUnit}
        </Typography.Text>
        <Button id={id} size="small" onClick={() => setOpen(true)}>
          {t.aggregate.pickUnit}
        </Button>
      </Flex>
      <OrgUnitPickerDialog
        open={open}
        onClose={() => setOpen(false)}
        allowedLevels={entryLevels}
        onPick={(picked) => {
          setOpen(false);
          onChange(picked.id);
        }}
      />
    </FieldFrame>
  );
}

function PeriodChoice({ value, onChange }: { value: PeriodCode; onChange: (period: PeriodCode) => void }) {
  const { t } = useI18n();
  const id = useId();
  const { year, kind } = splitPeriod(value);
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, index) => thisYear - index);
  if (!years.includes(year)) years.push(year);
  return (
    <FieldFrame id={id} label={t.aggregate.period}>
      <Flex gap="small" align="center" wrap>
        <Select<number>
          id={id}
          aria-label={t.aggregate.year}
          value={year}
          onChange={(next) => onChange(periodCode(next, kind))}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          className="period-year"
        />
        <Segmented<PeriodKind>
          aria-label={t.aggregate.period}
          value={kind}
          onChange={(next) => onChange(periodCode(year, next))}
          options={periodKinds.map((k) => ({ value: k, label: t.aggregate.periodKinds[k] }))}
        />
      </Flex>
    </FieldFrame>
  );
}

function SectorChoice({
  value,
  options,
  onChange,
}: {
  value: Sector | undefined;
  options: readonly Sector[];
  onChange: (sector: Sector | undefined) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <FieldFrame id={id} label={t.aggregate.sector}>
      <Select<Sector | 'all'>
        id={id}
        value={value ?? 'all'}
        onChange={(next) => onChange(next === 'all' ? undefined : next)}
        options={[
          { value: 'all', label: t.aggregate.allSectors },
          ...options.map((sector) => ({ value: sector, label: t.sectors[sector] })),
        ]}
        popupMatchSelectWidth={false}
        className="sector-choice"
      />
    </FieldFrame>
  );
}

/**
 * Aggregate data entry (docs/aggregate-entry.md): pick a province or commune (the working unit by default) and a
 * period, then enter the indicators of one's sector. A locked period shows read-only with its lock; those who lock
 * periods lock and unlock here.
 */
export function DataEntryPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { unit: working } = useWorkingUnit();
  const unitId =
    search.unitId ?? (working && entryLevels.includes(working.level) ? working.orgUnitId : undefined);
  const period =
    search.period && isPeriodCode(search.period) ? search.period : defaultPeriod(todayInVietnam());
  const sector = search.sector;
  const form = useEntryForm(unitId, period, sector);
  const go = (change: Partial<DataEntrySearch>) =>
    void navigate({ search: (previous: DataEntrySearch) => ({ ...previous, ...change }) });

  const mine = me ? entrySectorsOf(me.user.role, me.user.sector) : [];
  const sectorOptions: readonly Sector[] =
    mine.length > 0 ? mine : [...new Set(enteredIndicators.map((indicator) => indicator.sector))];
  const data = form.data;
  const unitName = !unitId
    ? undefined
    : data?.unit.id === unitId
      ? data.unit.fullName
      : working?.orgUnitId === unitId
        ? working.fullName
        : t.common.loading;
  const readOnly = data && !data.locked && data.rows.length > 0 && data.rows.every((row) => !row.editable);

  return (
    <Page
      title={t.aggregate.title}
      extra={data && can('aggregate.lock') ? <LockButtons form={data} /> : null}
    >
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.aggregate.intro}
      </Typography.Paragraph>
      <Card>
        <Flex gap="large" wrap>
          <UnitChoice name={unitName} onChange={(next) => go({ unitId: next })} />
          <PeriodChoice value={period} onChange={(next) => go({ period: next })} />
          {sectorOptions.length > 1 && (
            <SectorChoice value={sector} options={sectorOptions} onChange={(next) => go({ sector: next })} />
          )}
        </Flex>
      </Card>
      {!unitId ? (
        <Card>
          <EmptyState description={t.aggregate.chooseUnit} />
        </Card>
      ) : form.error && !data ? (
        <ErrorAlert error={form.error} onRetry={() => void form.refetch()} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <LockBanner form={data} />
          {readOnly && <Alert type="info" showIcon title={t.aggregate.readOnly} />}
          <EntryTable key={`${data.unit.id}:${data.period}:${sector ?? ''}`} form={data} />
        </>
      )}
    </Page>
  );
}
