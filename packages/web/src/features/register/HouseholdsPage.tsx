import { useEffect, useId, useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PlusOutlined } from '@ant-design/icons';
import { PovertyStatus, type HouseholdSummary } from '@treem/shared';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  ButtonLink,
  Card,
  DataTable,
  FieldFrame,
  Flex,
  Input,
  Page,
  Select,
  Switch,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { useOrgUnitDetail } from '../orgUnits/queries.ts';
import { HouseholdStatusTag, PovertyTag } from './display.tsx';
import { VillageBookButton } from './FileButtons.tsx';
import { useHouseholdList } from './queries.ts';
import { toHouseholdListQuery, type HouseholdsSearch } from './registerSearch.ts';
import { UnitFilter } from './UnitFilter.tsx';

const route = getRouteApi('/app/register/households');

/** Households in scope (or in one unit), with their head, poverty status and how many children live there. */
export function HouseholdsPage() {
  const { t, formatNumber } = useI18n();
  const { can } = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [searchText, setSearchText] = useState(search.q ?? '');
  const ids = { search: useId(), poverty: useId(), inactive: useId() };
  const unit = useOrgUnitDetail(search.unit).data?.unit;

  useEffect(() => setSearchText(search.q ?? ''), [search.q]);

  const list = useHouseholdList(toHouseholdListQuery(search));
  const go = (next: Partial<HouseholdsSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }) });
  const filtered = Boolean(search.q || search.unit || search.poverty || search.inactive);

  const columns: DataColumns<HouseholdSummary> = [
    {
      key: 'head',
      title: t.register.household.head,
      render: (_, household) => (
        <div className="unit-name-cell">
          <Link to="/register/households/$id" params={{ id: household.id }}>
            {household.headName ?? t.register.household.noHead}
          </Link>
          <Typography.Text type="secondary" className="unit-full-name">
            {household.address}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'bookNumber', title: t.register.household.bookNumber, render: (_, h) => h.bookNumber ?? '' },
    { key: 'village', title: t.register.household.village, render: (_, h) => h.villageName },
    {
      key: 'poverty',
      title: t.register.household.povertyStatus,
      render: (_, h) => <PovertyTag status={h.povertyStatus} year={h.povertyYear} />,
    },
    {
      key: 'members',
      title: t.register.household.memberCount,
      align: 'right',
      render: (_, h) => formatNumber(h.memberCount),
    },
    {
      key: 'children',
      title: t.register.household.childCount,
      align: 'right',
      render: (_, h) => formatNumber(h.childCount),
    },
    ...(search.inactive
      ? [
          {
            key: 'status',
            title: t.register.household.status,
            render: (_: unknown, h: HouseholdSummary) => <HouseholdStatusTag status={h.status} />,
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t.register.household.listTitle}
      breadcrumbs={[
        <Link key="register" to="/register">
          {t.register.title}
        </Link>,
      ]}
      extra={
        <>
          {can('register.write') && (
            <ButtonLink to="/register/new" buttonType="primary" icon={<PlusOutlined />}>
              {t.register.newHousehold}
            </ButtonLink>
          )}
          {can('register.export') && (
            <VillageBookButton
              village={unit?.level === 'village' ? { id: unit.id, name: unit.fullName } : undefined}
            />
          )}
        </>
      }
    >
      <Card>
        <Flex gap="middle" wrap align="end">
          <div className="grow-field">
            <FieldFrame
              id={ids.search}
              label={t.register.household.search}
              hint={t.register.household.searchHint}
            >
              <Input.Search
                id={ids.search}
                value={searchText}
                onChange={(event) => setSearchText(event.target.value)}
                onSearch={(value) => go({ q: value.trim() || undefined })}
                enterButton={t.common.search}
                allowClear
              />
            </FieldFrame>
          </div>
          <div className="filter-field">
            <UnitFilter
              label={t.register.filters.unit}
              unitId={search.unit}
              onChange={(next) => go({ unit: next })}
            />
          </div>
          <div className="filter-field">
            <FieldFrame id={ids.poverty} label={t.register.household.poverty}>
              <Select
                id={ids.poverty}
                value={search.poverty ?? ''}
                onChange={(value: string) => go({ poverty: PovertyStatus.safeParse(value).data })}
                options={[
                  { value: '', label: t.common.all },
                  ...PovertyStatus.options.map((value) => ({ value, label: t.povertyStatuses[value] })),
                ]}
                popupMatchSelectWidth={false}
              />
            </FieldFrame>
          </div>
          <Flex gap="small" align="center" className="toggles">
            <Switch
              id={ids.inactive}
              size="small"
              checked={Boolean(search.inactive)}
              onChange={(on) => go({ inactive: on || undefined })}
            />
            <label htmlFor={ids.inactive}>{t.register.household.includeInactive}</label>
          </Flex>
        </Flex>
      </Card>
      <DataTable<HouseholdSummary>
        label={t.register.household.listTitle}
        columns={columns}
        data={list.data}
        rowKey={(household) => household.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        onPageChange={(page, size) =>
          void navigate({
            search: (previous) => ({
              ...previous,
              page: page > 1 ? page : undefined,
              size: size !== 20 ? size : undefined,
            }),
          })
        }
        emptyText={filtered ? t.register.household.noMatches : t.register.household.empty}
      />
    </Page>
  );
}
