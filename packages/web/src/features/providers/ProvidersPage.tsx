import { useEffect, useId, useState } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { PlusOutlined, RadarChartOutlined } from '@ant-design/icons';
import { ecdDomainCodes, type Provider } from '@treem/shared';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  Button,
  ButtonLink,
  Card,
  DataTable,
  FieldFrame,
  Flex,
  Input,
  Page,
  Select,
  SidePanel,
  Tag,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { ecdDomainName } from '../ecd/catalogue.ts';
import { UnitFilter } from '../register/UnitFilter.tsx';
import {
  domainColour,
  levelName,
  levelOptions,
  sectorName,
  sectorOptions,
  serviceOptionGroups,
  telHref,
} from './catalogue.ts';
import { ProviderForm } from './ProviderForm.tsx';
import { ProviderPanel } from './ProviderPanel.tsx';
import { isFiltered, toProviderListQuery, type ProvidersSearch } from './providersSearch.ts';
import { useProviderList } from './queries.ts';

const route = getRouteApi('/app/providers');

/**
 * The directory of the referral network: who a commune can send a child to, by sector, level, service and area.
 * A provider opens in a side panel (kept in the URL); those who keep it edit it there.
 */
export function ProvidersPage() {
  const { t, language } = useI18n();
  const { can } = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const ids = { q: useId(), sector: useId(), level: useId(), service: useId(), status: useId() };
  const [nameText, setNameText] = useState(search.q ?? '');
  const [adding, setAdding] = useState(false);
  const list = useProviderList(toProviderListQuery(search));

  // The box follows the URL when it changes under it (back button, a link).
  useEffect(() => setNameText(search.q ?? ''), [search.q]);

  const go = (next: Partial<ProvidersSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }) });
  const openProvider = (id: string | undefined) =>
    void navigate({ search: (previous) => ({ ...previous, provider: id }) });

  const columns: DataColumns<Provider> = [
    {
      key: 'name',
      title: t.providers.columns.name,
      render: (_, provider) => (
        <Flex vertical gap={2}>
          <Button type="link" className="link-button" onClick={() => openProvider(provider.id)}>
            {provider.name}
          </Button>
          <Flex gap={4} wrap>
            {!provider.active && <Tag>{t.providers.statuses.inactive}</Tag>}
            {provider.open24Hours && <Tag color="blue">{t.providers.open24Hours}</Tag>}
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'sector',
      title: t.providers.columns.sector,
      render: (_, provider) => sectorName(provider.sector, language),
    },
    {
      key: 'level',
      title: t.providers.columns.level,
      responsive: ['md'],
      render: (_, provider) => levelName(provider.level, language),
    },
    {
      key: 'area',
      title: t.providers.columns.area,
      responsive: ['lg'],
      render: (_, provider) => (
        <span className="provider-area">{provider.coverage.map((unit) => unit.fullName).join(', ')}</span>
      ),
    },
    {
      key: 'domains',
      title: t.providers.columns.domains,
      responsive: ['md'],
      render: (_, provider) => (
        <Flex gap={4} wrap>
          {provider.domains.map((domain) => (
            <Tag key={domain} color={domainColour[domain]}>
              {ecdDomainName(domain, language)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'phone',
      title: t.providers.columns.phone,
      render: (_, provider) => (provider.phone ? <a href={telHref(provider.phone)}>{provider.phone}</a> : ''),
    },
  ];

  return (
    <Page
      title={t.providers.title}
      extra={
        <>
          {can('provider.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t.providers.add}
            </Button>
          )}
          <ButtonLink to="/providers/coverage" icon={<RadarChartOutlined />}>
            {t.providers.coverageLink}
          </ButtonLink>
        </>
      }
    >
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.providers.intro}
      </Typography.Paragraph>
      <Card>
        <Flex vertical gap="middle">
          <Flex gap="middle" wrap align="end">
            <div className="grow-field">
              <FieldFrame id={ids.q} label={t.providers.filters.search} hint={t.providers.filters.searchHint}>
                <Input.Search
                  id={ids.q}
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
              <UnitFilter
                label={t.providers.filters.area}
                unitId={search.area}
                onChange={(next) => go({ area: next })}
              />
            </div>
          </Flex>
          <Flex gap="middle" wrap align="end">
            <div className="filter-field">
              <FieldFrame id={ids.sector} label={t.providers.filters.sector}>
                <Select
                  id={ids.sector}
                  value={search.sector ?? ''}
                  onChange={(value: string) =>
                    go({ sector: sectorOptions(language).find((o) => o.value === value)?.value })
                  }
                  options={[{ value: '', label: t.common.all }, ...sectorOptions(language)]}
                  popupMatchSelectWidth={false}
                />
              </FieldFrame>
            </div>
            <div className="filter-field">
              <FieldFrame id={ids.level} label={t.providers.filters.level}>
                <Select
                  id={ids.level}
                  value={search.level ?? ''}
                  onChange={(value: string) =>
                    go({ level: levelOptions(language).find((o) => o.value === value)?.value })
                  }
                  options={[{ value: '', label: t.common.all }, ...levelOptions(language)]}
                />
              </FieldFrame>
            </div>
            <div className="filter-field">
              <FieldFrame id={ids.service} label={t.providers.filters.service}>
                <Select
                  id={ids.service}
                  value={search.service ?? (search.domain ? `domain:${search.domain}` : '')}
                  onChange={(value: string) => {
                    const domain = ecdDomainCodes.find((code) => value === `domain:${code}`);
                    const service = serviceOptionGroups(language)
                      .flatMap((group) => group.options)
                      .find((o) => o.value === value)?.value;
                    go({ domain, service });
                  }}
                  options={[
                    { value: '', label: t.common.all },
                    {
                      label: t.providers.filters.wholeDomain,
                      title: t.providers.filters.wholeDomain,
                      options: ecdDomainCodes.map((code) => ({
                        value: `domain:${code}`,
                        label: ecdDomainName(code, language),
                      })),
                    },
                    ...serviceOptionGroups(language),
                  ]}
                  showSearch={{ optionFilterProp: 'label' }}
                  popupMatchSelectWidth={false}
                />
              </FieldFrame>
            </div>
            <div className="filter-field">
              <FieldFrame id={ids.status} label={t.providers.filters.status}>
                <Select
                  id={ids.status}
                  value={search.status ?? 'active'}
                  onChange={(value: string) =>
                    go({ status: value === 'inactive' || value === 'all' ? value : undefined })
                  }
                  options={(['active', 'inactive', 'all'] as const).map((value) => ({
                    value,
                    label: t.providers.statuses[value],
                  }))}
                />
              </FieldFrame>
            </div>
          </Flex>
        </Flex>
      </Card>
      <DataTable<Provider>
        label={t.providers.title}
        columns={columns}
        data={list.data}
        rowKey={(provider) => provider.id}
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
        emptyText={isFiltered(search) ? t.providers.noMatch : t.providers.empty}
        emptyAction={
          !isFiltered(search) && can('provider.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t.providers.add}
            </Button>
          ) : undefined
        }
      />
      <ProviderPanel id={search.provider} onClose={() => openProvider(undefined)} />
      <SidePanel open={adding} title={t.providers.addTitle} onClose={() => setAdding(false)}>
        {adding && (
          <ProviderForm onDone={() => setAdding(false)} onSaved={(saved) => openProvider(saved.id)} />
        )}
      </SidePanel>
    </Page>
  );
}
