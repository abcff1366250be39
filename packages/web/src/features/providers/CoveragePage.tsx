import { useId, useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { CheckCircleFilled, CloseCircleFilled, UnorderedListOutlined } from '@ant-design/icons';
import { ecdDomainCodes, type CommuneCoverage, type DomainCoverage } from '@treem/shared';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  Button,
  ButtonLink,
  Card,
  DataTable,
  EmptyState,
  FieldFrame,
  Flex,
  Page,
  Progress,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { ecdDomainName } from '../ecd/catalogue.ts';
import { OrgUnitPickerDialog } from '../orgUnits/OrgUnitPicker.tsx';
import { useOrgUnitDetail } from '../orgUnits/queries.ts';
import { useProviderCoverage } from './queries.ts';

const route = getRouteApi('/app/providers/coverage');

/** ✓ with the count, or ✗: the cell opens the directory on the providers it counts. */
function DomainCell({ commune, cell }: { commune: CommuneCoverage; cell: DomainCoverage }) {
  const { t, language } = useI18n();
  const label = cell.covered
    ? format(t.providers.coverage.covered, { count: cell.providers })
    : t.providers.coverage.notCovered;
  const domain = ecdDomainName(cell.domain, language);
  return (
    <Link
      to="/providers"
      search={{ area: commune.commune.id, domain: cell.domain }}
      className={cell.covered ? 'coverage-cell coverage-yes' : 'coverage-cell coverage-no'}
      aria-label={`${commune.commune.fullName} – ${domain}: ${label}`}
      title={label}
    >
      {cell.covered ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
      <span>{cell.covered ? cell.providers : '0'}</span>
    </Link>
  );
}

/** The unit the grid is for: the working unit by default, or a province, commune or village picked. */
function UnitChoice({ unitId, onChange }: { unitId: string | undefined; onChange: (id: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const unit = useOrgUnitDetail(unitId).data?.unit;
  return (
    <FieldFrame id={id} label={t.providers.coverage.unit}>
      <Flex gap="small" align="center" wrap>
        <Typography.Text strong={Boolean(unit)} type={unitId ? undefined : 'secondary'}>
          {unitId
            ? unit
              ? `${unit.fullName} · ${t.orgLevels[unit.level]}`
              : t.common.loading
            : t.ecd.unit.none}
        </Typography.Text>
        <Button id={id} size="small" onClick={() => setOpen(true)}>
          {t.picker.pick}
        </Button>
      </Flex>
      <OrgUnitPickerDialog
        open={open}
        onClose={() => setOpen(false)}
        allowedLevels={['province', 'commune', 'village']}
        onPick={(picked) => {
          setOpen(false);
          onChange(picked.id);
        }}
      />
    </FieldFrame>
  );
}

/**
 * The referral network's coverage: for each commune, whether each of the six ECD domains has at least one active
 * provider covering the commune (or the whole province), and the share of communes with all six.
 */
export function CoveragePage() {
  const { t, language, formatNumber } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { unit: working } = useWorkingUnit();
  const workingUnit =
    working && working.level !== 'country' && working.level !== 'district' ? working.orgUnitId : undefined;
  const unitId = search.unit ?? workingUnit;
  const coverage = useProviderCoverage(unitId);
  const data = coverage.data;

  const columns: DataColumns<CommuneCoverage> = [
    {
      key: 'commune',
      title: t.providers.coverage.commune,
      fixed: 'left',
      render: (_, row) => row.commune.fullName,
    },
    ...ecdDomainCodes.map((domain, index) => ({
      key: domain,
      title: ecdDomainName(domain, language),
      align: 'center' as const,
      render: (_: unknown, row: CommuneCoverage) => <DomainCell commune={row} cell={row.domains[index]!} />,
    })),
    {
      key: 'fully',
      title: t.providers.coverage.fully,
      align: 'center',
      render: (_, row) =>
        row.fullyCovered ? (
          <CheckCircleFilled className="coverage-yes" aria-label={t.common.yes} />
        ) : (
          <CloseCircleFilled className="coverage-no" aria-label={t.common.no} />
        ),
    },
  ];

  return (
    <Page
      title={t.providers.coverage.title}
      extra={
        <ButtonLink to="/providers" icon={<UnorderedListOutlined />}>
          {t.providers.title}
        </ButtonLink>
      }
    >
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.providers.coverage.intro}
      </Typography.Paragraph>
      <Card>
        <UnitChoice unitId={unitId} onChange={(next) => void navigate({ search: { unit: next } })} />
      </Card>
      {!unitId ? (
        <Card>
          <EmptyState description={t.providers.coverage.chooseUnit} />
        </Card>
      ) : (
        <>
          {data && data.communeCount > 0 && (
            <Card>
              <Flex gap="middle" align="center" wrap>
                <Progress
                  type="circle"
                  size={72}
                  percent={Math.round((data.fullyCoveredShare ?? 0) * 100)}
                  aria-hidden
                />
                <Typography.Text>
                  {format(t.providers.coverage.summary, {
                    covered: formatNumber(data.fullyCoveredCount),
                    total: formatNumber(data.communeCount),
                    share: `${formatNumber(Math.round((data.fullyCoveredShare ?? 0) * 1000) / 10)}%`,
                  })}
                </Typography.Text>
              </Flex>
            </Card>
          )}
          <DataTable<CommuneCoverage>
            label={t.providers.coverage.gridLabel}
            columns={columns}
            data={data?.communes}
            rowKey={(row) => row.commune.id}
            loading={coverage.isFetching}
            error={coverage.error}
            onRetry={() => void coverage.refetch()}
            emptyText={t.providers.coverage.noCommunes}
            size="small"
          />
        </>
      )}
    </Page>
  );
}
