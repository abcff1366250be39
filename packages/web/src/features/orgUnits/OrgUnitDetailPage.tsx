import { getRouteApi, Link } from '@tanstack/react-router';
import type { OrgUnitChange } from '@treem/shared';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import {
  ButtonLink,
  Card,
  DataTable,
  Descriptions,
  ErrorAlert,
  Loading,
  Page,
  type DataColumns,
} from '../../ui/index.ts';
import { LinkTable } from './CodeLookup.tsx';
import { useOrgUnitDetail } from './queries.ts';
import { canHoldVillages, isEditableVillage, StatusTag } from './unitDisplay.tsx';
import { CreateVillageButton, VillageActions } from './VillageActions.tsx';

const route = getRouteApi('/app/org-units/$id');

export function OrgUnitDetailPage() {
  const { t, formatNumber } = useI18n();
  const { id } = route.useParams();
  const { can } = useSession();
  const detail = useOrgUnitDetail(id);

  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    return (
      <Page title={t.orgUnits.title}>
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      </Page>
    );
  }
  const { unit, ancestors, successors, predecessors, changes } = detail.data;
  const manage = can('orgUnit.manageVillages');

  // Status changes are recorded as codes (active/closed); everything else is published text.
  const changeValue = (field: string, value: string | null) =>
    field === 'status' && value !== null && value in t.orgUnitStatuses
      ? t.orgUnitStatuses[value as keyof typeof t.orgUnitStatuses]
      : (value ?? '');

  const changeColumns: DataColumns<OrgUnitChange> = [
    { key: 'date', title: t.orgUnits.effectiveDate, render: (_, change) => formatDate(change.effectiveDate) },
    {
      key: 'field',
      title: t.orgUnits.changeField,
      render: (_, change) =>
        change.field in t.orgUnits.changeFields
          ? t.orgUnits.changeFields[change.field as keyof typeof t.orgUnits.changeFields]
          : change.field,
    },
    {
      key: 'old',
      title: t.orgUnits.oldValue,
      render: (_, change) => changeValue(change.field, change.oldValue),
    },
    {
      key: 'new',
      title: t.orgUnits.newValue,
      render: (_, change) => changeValue(change.field, change.newValue),
    },
    { key: 'reason', title: t.orgUnits.reason, render: (_, change) => change.reason ?? '' },
  ];

  return (
    <Page
      title={unit.fullName}
      breadcrumbs={[
        <Link key="roots" to="/org-units" search={{ parent: 'roots' }}>
          {t.orgUnits.myScope}
        </Link>,
        ...ancestors.map((crumb) => (
          <Link key={crumb.id} to="/org-units" search={{ parent: crumb.id }}>
            {crumb.name}
          </Link>
        )),
        <span key="current">{unit.name}</span>,
      ]}
      extra={
        <>
          {unit.childCount > 0 && (
            <ButtonLink to="/org-units" search={{ parent: unit.id }}>
              {t.orgUnits.openChildren}
            </ButtonLink>
          )}
          {manage && canHoldVillages(unit) && <CreateVillageButton commune={unit} />}
          {manage && isEditableVillage(unit) && <VillageActions village={unit} />}
        </>
      }
    >
      <Card>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'name', label: t.orgUnits.name, children: unit.name },
            { key: 'fullName', label: t.orgUnits.fullName, children: unit.fullName },
            { key: 'type', label: t.orgUnits.type, children: unit.type },
            { key: 'code', label: t.orgUnits.code, children: unit.code },
            { key: 'level', label: t.orgUnits.level, children: t.orgLevels[unit.level] },
            { key: 'generation', label: t.orgUnits.generation, children: t.orgGenerations[unit.generation] },
            { key: 'status', label: t.orgUnits.status, children: <StatusTag unit={unit} /> },
            { key: 'validFrom', label: t.orgUnits.validFrom, children: formatDate(unit.validFrom) },
            { key: 'validTo', label: t.orgUnits.validTo, children: formatDate(unit.validTo) },
            { key: 'children', label: t.orgUnits.childCount, children: formatNumber(unit.childCount) },
            ...(unit.provinceCode
              ? [{ key: 'province', label: t.orgUnits.provinceCode, children: unit.provinceCode }]
              : []),
          ]}
        />
      </Card>
      <Card title={t.orgUnits.successors}>
        <LinkTable links={successors} emptyText={t.orgUnits.noSuccessors} label={t.orgUnits.successors} />
      </Card>
      <Card title={t.orgUnits.predecessors}>
        <LinkTable
          links={predecessors}
          emptyText={t.orgUnits.noPredecessors}
          label={t.orgUnits.predecessors}
        />
      </Card>
      <Card title={t.orgUnits.changes}>
        <DataTable<OrgUnitChange>
          label={t.orgUnits.changes}
          columns={changeColumns}
          data={changes}
          rowKey={(change) => `${change.field}-${change.effectiveDate}-${change.newValue ?? ''}`}
          emptyText={t.orgUnits.noChanges}
        />
      </Card>
    </Page>
  );
}
