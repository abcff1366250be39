import { useEffect, useId, useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { PersonListItem } from '@treem/shared';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  Button,
  ButtonLink,
  Card,
  DataTable,
  FieldFrame,
  Flex,
  Grid,
  Input,
  InputNumber,
  Page,
  Select,
  Switch,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { useOrgUnitDetail } from '../orgUnits/queries.ts';
import {
  CircumstanceTags,
  circumstanceOptions,
  FlagTags,
  PersonStatusTag,
  useFlagNames,
} from './display.tsx';
import { ExportButton, VillageBookButton } from './FileButtons.tsx';
import { NewPersonButton } from './NewPersonButton.tsx';
import { formatBirthDate } from './personForm.ts';
import { usePersonList } from './queries.ts';
import {
  hasPersonFilters,
  personalIdFilter,
  sortFromTable,
  tableSortOrder,
  toPersonListQuery,
  type PersonsSearch,
} from './registerSearch.ts';
import { UnitFilter } from './UnitFilter.tsx';

const route = getRouteApi('/app/register');

/** The register: children (or everyone) in scope, filtered, sorted and paged on the server. */
export function PersonsPage() {
  const { t, formatNumber, language } = useI18n();
  const { can } = useSession();
  const screens = Grid.useBreakpoint();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [nameText, setNameText] = useState(search.q ?? '');
  const [idText, setIdText] = useState(search.pid ?? '');
  const [moreOpen, setMoreOpen] = useState(false);
  const ids = {
    name: useId(),
    personalId: useId(),
    sex: useId(),
    ageFrom: useId(),
    ageTo: useId(),
    circumstance: useId(),
    flag: useId(),
    kind: useId(),
    inactive: useId(),
    noId: useId(),
  };
  const flags = useFlagNames();
  const unit = useOrgUnitDetail(search.unit).data?.unit;

  useEffect(() => setNameText(search.q ?? ''), [search.q]);
  useEffect(() => setIdText(search.pid ?? ''), [search.pid]);

  const list = usePersonList(toPersonListQuery(search));
  const go = (next: Partial<PersonsSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }) });
  const filtered = hasPersonFilters(search);
  const extraFilters =
    search.sex !== undefined ||
    search.ageFrom !== undefined ||
    search.ageTo !== undefined ||
    search.circ !== undefined ||
    search.flag !== undefined ||
    search.kind !== undefined ||
    search.inactive !== undefined ||
    search.noId !== undefined;
  const showMore = moreOpen || extraFilters;
  const phone = !screens.md;

  const columns: DataColumns<PersonListItem> = [
    {
      key: 'name',
      title: t.register.columns.fullName,
      sorter: true,
      sortOrder: tableSortOrder(search, 'name'),
      render: (_, person) => (
        <div className="unit-name-cell">
          <Link to="/register/persons/$id" params={{ id: person.id }}>
            {person.fullName}
          </Link>
          {phone && (
            <Typography.Text type="secondary" className="unit-full-name">
              {t.sexes[person.sex]} · {formatBirthDate(person.birthDate, person.birthDatePrecision)} ·{' '}
              {person.villageName}
            </Typography.Text>
          )}
        </div>
      ),
    },
    ...(phone
      ? []
      : [
          {
            key: 'sex',
            title: t.register.columns.sex,
            render: (_: unknown, person: PersonListItem) => t.sexes[person.sex],
          },
        ]),
    // On a phone the date of birth is already under the name.
    ...(phone
      ? []
      : [
          {
            key: 'birthDate',
            title: t.register.columns.birthDate,
            sorter: true,
            sortOrder: tableSortOrder(search, 'birthDate'),
            render: (_: unknown, person: PersonListItem) =>
              formatBirthDate(person.birthDate, person.birthDatePrecision),
          },
        ]),
    {
      key: 'age',
      title: t.register.columns.age,
      align: 'right',
      render: (_, person) => formatNumber(person.age),
    },
    ...(phone
      ? []
      : ([
          {
            key: 'personalId',
            title: t.register.columns.personalId,
            render: (_: unknown, person: PersonListItem) =>
              person.personalId ?? (
                <Typography.Text type="secondary">{t.register.noPersonalId}</Typography.Text>
              ),
          },
          {
            key: 'household',
            title: t.register.columns.household,
            render: (_: unknown, person: PersonListItem) =>
              person.householdId ? (
                <Link to="/register/households/$id" params={{ id: person.householdId }}>
                  {person.householdHeadName ?? t.register.household.open}
                </Link>
              ) : (
                t.register.person.noHousehold
              ),
          },
          {
            key: 'village',
            title: t.register.columns.village,
            sorter: true,
            sortOrder: tableSortOrder(search, 'village'),
            render: (_: unknown, person: PersonListItem) => person.villageName,
          },
        ] satisfies DataColumns<PersonListItem>)),
    {
      key: 'circumstances',
      title: t.register.columns.circumstances,
      render: (_, person) => <CircumstanceTags circumstances={person.circumstances} />,
    },
    {
      key: 'flags',
      title: t.register.columns.flags,
      render: (_, person) => <FlagTags codes={person.flagCodes} />,
    },
    ...(search.inactive
      ? [
          {
            key: 'status',
            title: t.register.columns.status,
            render: (_: unknown, person: PersonListItem) => <PersonStatusTag status={person.status} />,
          },
        ]
      : []),
  ];

  const filterVillage = unit?.level === 'village' ? { id: unit.id, name: unit.fullName } : undefined;

  return (
    <Page
      title={t.register.title}
      extra={
        <>
          {can('register.write') && (
            <ButtonLink to="/register/new" buttonType="primary" icon={<PlusOutlined />}>
              {t.register.newHousehold}
            </ButtonLink>
          )}
          {can('register.write') && <NewPersonButton />}
          <ButtonLink to="/register/households" search={search.unit ? { unit: search.unit } : {}}>
            {t.register.households}
          </ButtonLink>
          {can('register.import') && (
            <ButtonLink to="/register/import" icon={<UploadOutlined />}>
              {t.register.import}
            </ButtonLink>
          )}
          {can('register.export') && <ExportButton search={search} />}
          {can('register.export') && <VillageBookButton village={filterVillage} />}
        </>
      }
    >
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.register.intro}
      </Typography.Paragraph>
      <Card>
        <Flex vertical gap="middle">
          <Flex gap="middle" wrap align="end">
            <div className="grow-field">
              <FieldFrame id={ids.name} label={t.register.filters.name} hint={t.register.filters.nameHint}>
                <Input.Search
                  id={ids.name}
                  value={nameText}
                  onChange={(event) => setNameText(event.target.value)}
                  onSearch={(value) => go({ q: value.trim() || undefined })}
                  enterButton={t.common.search}
                  allowClear
                  inputMode="search"
                />
              </FieldFrame>
            </div>
            <div className="filter-field">
              <FieldFrame
                id={ids.personalId}
                label={t.register.filters.personalId}
                hint={t.register.filters.personalIdHint}
              >
                <Input.Search
                  id={ids.personalId}
                  value={idText}
                  inputMode="numeric"
                  onChange={(event) => setIdText(event.target.value)}
                  onSearch={(value) => go({ pid: personalIdFilter(value) })}
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
          </Flex>
          {showMore && (
            <Flex gap="middle" wrap align="end">
              <div className="filter-field-narrow">
                <FieldFrame id={ids.sex} label={t.register.filters.sex}>
                  <Select
                    id={ids.sex}
                    value={search.sex ?? ''}
                    onChange={(value: string) =>
                      go({ sex: value === 'male' || value === 'female' ? value : undefined })
                    }
                    options={[
                      { value: '', label: t.common.all },
                      { value: 'male', label: t.sexes.male },
                      { value: 'female', label: t.sexes.female },
                    ]}
                  />
                </FieldFrame>
              </div>
              <div className="filter-field-narrow">
                <FieldFrame id={ids.ageFrom} label={t.register.filters.ageFrom}>
                  <InputNumber
                    id={ids.ageFrom}
                    min={0}
                    max={120}
                    precision={0}
                    value={search.ageFrom ?? null}
                    onChange={(value) => go({ ageFrom: typeof value === 'number' ? value : undefined })}
                    style={{ width: '100%' }}
                  />
                </FieldFrame>
              </div>
              <div className="filter-field-narrow">
                <FieldFrame id={ids.ageTo} label={t.register.filters.ageTo}>
                  <InputNumber
                    id={ids.ageTo}
                    min={0}
                    max={120}
                    precision={0}
                    value={search.ageTo ?? null}
                    onChange={(value) => go({ ageTo: typeof value === 'number' ? value : undefined })}
                    style={{ width: '100%' }}
                  />
                </FieldFrame>
              </div>
              <div className="filter-field">
                <FieldFrame id={ids.circumstance} label={t.register.filters.circumstance}>
                  <Select
                    id={ids.circumstance}
                    value={search.circ ?? ''}
                    onChange={(value: string) => go({ circ: value || undefined })}
                    options={[
                      { value: '', label: t.common.all },
                      { value: 'any', label: t.register.filters.anyCircumstance },
                      ...circumstanceOptions(language),
                    ]}
                    popupMatchSelectWidth={false}
                  />
                </FieldFrame>
              </div>
              <div className="filter-field">
                <FieldFrame id={ids.flag} label={t.register.filters.flag}>
                  <Select
                    id={ids.flag}
                    value={search.flag ?? ''}
                    onChange={(value: string) => go({ flag: value || undefined })}
                    options={[
                      { value: '', label: t.common.all },
                      { value: 'any', label: t.register.filters.anyFlag },
                      ...flags.options,
                    ]}
                    popupMatchSelectWidth={false}
                  />
                </FieldFrame>
              </div>
              <div className="filter-field">
                <FieldFrame id={ids.kind} label={t.register.filters.kind}>
                  <Select
                    id={ids.kind}
                    value={search.kind ?? 'child'}
                    onChange={(value: string) =>
                      go({ kind: value === 'adult' || value === 'all' ? value : undefined })
                    }
                    options={(['child', 'adult', 'all'] as const).map((value) => ({
                      value,
                      label: t.register.filters.kinds[value],
                    }))}
                    popupMatchSelectWidth={false}
                  />
                </FieldFrame>
              </div>
              <Flex vertical gap="small" className="toggles">
                <Flex gap="small" align="center">
                  <Switch
                    id={ids.inactive}
                    size="small"
                    checked={Boolean(search.inactive)}
                    onChange={(on) => go({ inactive: on || undefined })}
                  />
                  <label htmlFor={ids.inactive}>{t.register.filters.includeInactive}</label>
                </Flex>
                <Flex gap="small" align="center">
                  <Switch
                    id={ids.noId}
                    size="small"
                    checked={Boolean(search.noId)}
                    onChange={(on) => go({ noId: on || undefined })}
                  />
                  <label htmlFor={ids.noId}>{t.register.filters.missingId}</label>
                </Flex>
              </Flex>
            </Flex>
          )}
          <Flex gap="small" wrap>
            {!extraFilters && (
              <Button size="small" type="link" onClick={() => setMoreOpen(!moreOpen)}>
                {moreOpen ? t.register.filters.less : t.register.filters.more}
              </Button>
            )}
            {filtered && (
              <Button size="small" onClick={() => void navigate({ search: {} })}>
                {t.register.filters.clear}
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>
      <DataTable<PersonListItem>
        label={t.register.title}
        columns={columns}
        data={list.data}
        totalCapped={list.data?.totalCapped}
        rowKey={(person) => person.id}
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
        onSortChange={(column, order) => go(sortFromTable(column, order))}
        emptyText={filtered ? t.register.noMatches : t.register.emptyList}
      />
    </Page>
  );
}
