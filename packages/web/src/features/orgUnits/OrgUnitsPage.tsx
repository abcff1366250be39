import { useEffect, useId, useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import type { OrgUnitsSearch } from '../../app/search.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Button, ButtonLink, Card, FieldFrame, Flex, Input, Page, Switch } from '../../ui/index.ts';
import { CodeLookup } from './CodeLookup.tsx';
import { OrgUnitTable } from './OrgUnitTable.tsx';
import { useOrgUnitDetail, useOrgUnitList, useOrgUnitRoots } from './queries.ts';
import { canHoldVillages } from './unitDisplay.tsx';
import { CreateVillageButton } from './VillageActions.tsx';

const route = getRouteApi('/app/org-units');

/**
 * The administrative-unit browser: drill down from the working unit (or the scope roots), or search by name
 * across the whole scope. Location lives in the URL so the back button and shared links work.
 */
export function OrgUnitsPage() {
  const t = useT();
  const { can } = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { unit: workingUnit } = useWorkingUnit();
  const [pageSize, setPageSize] = useState(50);
  const [searchText, setSearchText] = useState(search.q ?? '');
  const searchId = useId();
  const historyId = useId();
  const closedId = useId();

  useEffect(() => setSearchText(search.q ?? ''), [search.q]);

  const go = (next: Partial<OrgUnitsSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }) });

  const parentId = search.parent === 'roots' ? undefined : (search.parent ?? workingUnit?.orgUnitId);
  const mode = search.q ? 'search' : parentId ? 'children' : 'roots';
  const filters = {
    includeHistory: search.history ? ('true' as const) : undefined,
    includeClosed: search.closed ? ('true' as const) : undefined,
    page: search.page ?? 1,
    pageSize,
  };

  const roots = useOrgUnitRoots(mode === 'roots');
  const list = useOrgUnitList(
    mode === 'search' ? { search: search.q, ...filters } : { parentId, ...filters },
    mode !== 'roots',
  );
  const parent = useOrgUnitDetail(mode === 'children' ? parentId : undefined);
  const parentUnit = parent.data?.unit;

  const crumbs = [
    <Link key="roots" to="/org-units" search={{ parent: 'roots' }}>
      {t.orgUnits.myScope}
    </Link>,
    ...(mode === 'children' && parent.data
      ? parent.data.ancestors.map((crumb) => (
          <Link key={crumb.id} to="/org-units" search={{ parent: crumb.id }}>
            {crumb.name}
          </Link>
        ))
      : []),
    ...(mode === 'children' && parentUnit ? [<span key="current">{parentUnit.name}</span>] : []),
    ...(mode === 'search' ? [<span key="search">{t.orgUnits.searchResults}</span>] : []),
  ];

  const table = mode === 'roots' ? roots : list;
  return (
    <Page
      title={mode === 'children' && parentUnit ? parentUnit.fullName : t.orgUnits.title}
      breadcrumbs={crumbs}
      extra={
        mode === 'children' && parentUnit ? (
          <>
            <ButtonLink to="/org-units/$id" params={{ id: parentUnit.id }}>
              {t.orgUnits.openDetail}
            </ButtonLink>
            {can('orgUnit.manageVillages') && canHoldVillages(parentUnit) && (
              <CreateVillageButton commune={parentUnit} />
            )}
          </>
        ) : undefined
      }
    >
      <Card>
        <Flex gap="middle" wrap align="end">
          <div className="grow-field">
            <FieldFrame id={searchId} label={t.orgUnits.search} hint={t.orgUnits.searchHint}>
              <Input.Search
                id={searchId}
                value={searchText}
                onChange={(event) => setSearchText(event.target.value)}
                onSearch={(value) => go({ q: value.trim() || undefined })}
                enterButton={t.common.search}
                allowClear
              />
            </FieldFrame>
          </div>
          <Flex vertical gap="small" className="toggles">
            <Flex gap="small" align="center">
              <Switch
                id={historyId}
                size="small"
                checked={Boolean(search.history)}
                onChange={(on) => go({ history: on || undefined })}
              />
              <label htmlFor={historyId}>{t.orgUnits.includeHistory}</label>
            </Flex>
            <Flex gap="small" align="center">
              <Switch
                id={closedId}
                size="small"
                checked={Boolean(search.closed)}
                onChange={(on) => go({ closed: on || undefined })}
              />
              <label htmlFor={closedId}>{t.orgUnits.includeClosed}</label>
            </Flex>
          </Flex>
        </Flex>
      </Card>
      <OrgUnitTable
        label={mode === 'search' ? t.orgUnits.searchResults : t.orgUnits.children}
        data={mode === 'roots' ? roots.data?.items : list.data}
        loading={table.isFetching}
        error={table.error ?? (mode === 'children' ? parent.error : null)}
        onRetry={() => void table.refetch()}
        onPageChange={(page, size) => {
          setPageSize(size);
          void navigate({ search: (previous) => ({ ...previous, page: page > 1 ? page : undefined }) });
        }}
        emptyText={mode === 'search' ? t.orgUnits.noResults : t.orgUnits.noChildren}
        action={(unit) =>
          unit.childCount > 0 ? (
            <Button
              size="small"
              aria-label={`${t.orgUnits.openChildren}: ${unit.name}`}
              onClick={() => go({ parent: unit.id, q: undefined })}
            >
              {t.orgUnits.openChildren}
            </Button>
          ) : null
        }
      />
      <CodeLookup />
    </Page>
  );
}
