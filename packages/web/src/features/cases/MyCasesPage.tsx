import { useEffect, useId, useState } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { CaseStep, caseSteps, RiskLevel } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button, Card, FieldFrame, Flex, Input, Page, Select, Typography } from '../../ui/index.ts';
import { riskOptions, stepName } from './catalogue.ts';
import { hasCaseFilters, pagingSearch, toCaseListQuery, type CasesSearch } from './caseSearch.ts';
import { CaseTable } from './CaseTable.tsx';
import { useMyCases } from './queries.ts';

const route = getRouteApi('/app/cases');

/** The cases the user works on, approves, supervises or was shared, with filters kept in the URL. */
export function MyCasesPage() {
  const { t, language } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const ids = { q: useId(), step: useId(), risk: useId(), due: useId(), status: useId() };
  useEffect(() => setText(search.q ?? ''), [search.q]);
  const list = useMyCases(toCaseListQuery(search));
  const go = (next: Partial<CasesSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }) });

  return (
    <Page title={t.cases.mine.title}>
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.cases.mine.intro}
      </Typography.Paragraph>
      <Card>
        <Flex gap="middle" wrap align="end">
          <div className="grow-field">
            <FieldFrame id={ids.q} label={t.cases.mine.search}>
              <Input.Search
                id={ids.q}
                value={text}
                onChange={(event) => setText(event.target.value)}
                onSearch={(value) => go({ q: value.trim() || undefined })}
                enterButton={t.common.search}
                allowClear
                inputMode="search"
              />
            </FieldFrame>
          </div>
          <div className="filter-field">
            <FieldFrame id={ids.step} label={t.cases.mine.step}>
              <Select
                id={ids.step}
                value={search.step ?? ''}
                onChange={(value: string) => {
                  const step = CaseStep.safeParse(value);
                  go({ step: step.success ? step.data : undefined });
                }}
                options={[
                  { value: '', label: t.common.all },
                  ...caseSteps.map((step) => ({ value: step, label: stepName(step, language) })),
                ]}
                popupMatchSelectWidth={false}
              />
            </FieldFrame>
          </div>
          <div className="filter-field">
            <FieldFrame id={ids.risk} label={t.cases.mine.risk}>
              <Select
                id={ids.risk}
                value={search.risk ?? ''}
                onChange={(value: string) => {
                  const risk = RiskLevel.safeParse(value);
                  go({ risk: risk.success ? risk.data : undefined });
                }}
                options={[{ value: '', label: t.common.all }, ...riskOptions(language)]}
              />
            </FieldFrame>
          </div>
          <div className="filter-field">
            <FieldFrame id={ids.due} label={t.cases.mine.due}>
              <Select
                id={ids.due}
                value={search.due ?? ''}
                onChange={(value: string) =>
                  go({ due: value === 'overdue' || value === 'due_soon' ? value : undefined })
                }
                options={[
                  { value: '', label: t.common.all },
                  { value: 'overdue', label: t.cases.mine.dueFilters.overdue },
                  { value: 'due_soon', label: t.cases.mine.dueFilters.due_soon },
                ]}
              />
            </FieldFrame>
          </div>
          <div className="filter-field">
            <FieldFrame id={ids.status} label={t.cases.mine.status}>
              <Select
                id={ids.status}
                value={search.status ?? 'open'}
                onChange={(value: string) =>
                  go({ status: value === 'closed' || value === 'all' ? value : undefined })
                }
                options={(['open', 'closed', 'all'] as const).map((value) => ({
                  value,
                  label: t.cases.mine.statuses[value],
                }))}
              />
            </FieldFrame>
          </div>
          {hasCaseFilters(search) && (
            <Button onClick={() => void navigate({ search: {} })}>{t.cases.mine.clear}</Button>
          )}
        </Flex>
      </Card>
      <CaseTable
        label={t.cases.mine.title}
        data={list.data}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        onPageChange={(page, size) =>
          void navigate({ search: (previous) => ({ ...previous, ...pagingSearch(page, size) }) })
        }
        columns={['commune', 'step', 'risk', 'deadline']}
        emptyText={t.cases.mine.empty}
      />
    </Page>
  );
}
