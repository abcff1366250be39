import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { api, type OrgUnitLink } from '@treem/shared';
import { useT } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import {
  AppForm,
  Card,
  DataTable,
  EmptyState,
  ErrorAlert,
  Flex,
  Loading,
  SubmitButton,
  TextField,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { useOrgUnitLookup } from './queries.ts';
import { MergeTypeTag, StatusTag, validityText } from './unitDisplay.tsx';

const LookupQuery = api.orgUnits.lookup.query;

/** Successor links as a table: the new unit, whether it took the whole old unit or part of it, and when. */
export function LinkTable({
  links,
  emptyText,
  label,
}: {
  links: readonly OrgUnitLink[];
  emptyText: string;
  label: string;
}) {
  const t = useT();
  const columns: DataColumns<OrgUnitLink> = [
    {
      key: 'name',
      title: t.orgUnits.name,
      render: (_, link) => (
        <Link to="/org-units/$id" params={{ id: link.unit.id }}>
          {link.unit.fullName}
        </Link>
      ),
    },
    { key: 'code', title: t.orgUnits.code, render: (_, link) => link.unit.code },
    { key: 'type', title: t.orgUnits.type, render: (_, link) => link.unit.type },
    {
      key: 'merge',
      title: t.orgUnits.mergeType,
      render: (_, link) => <MergeTypeTag mergeType={link.mergeType} />,
    },
    { key: 'date', title: t.orgUnits.effectiveDate, render: (_, link) => formatDate(link.effectiveDate) },
  ];
  return (
    <DataTable<OrgUnitLink>
      label={label}
      columns={columns}
      data={links}
      rowKey={(link) => `${link.unit.id}-${link.effectiveDate}`}
      emptyText={emptyText}
    />
  );
}

/** "Tra cứu mã": a GSO code, old (2008) or new (2025), → the units that bore it and what replaced them. */
export function CodeLookup() {
  const t = useT();
  const [code, setCode] = useState<string | undefined>();
  const lookup = useOrgUnitLookup(code);
  const form = useForm({ resolver: zodResolver(LookupQuery), defaultValues: { code: '' } });
  return (
    <Card title={t.orgUnits.lookupTitle}>
      <AppForm label={t.orgUnits.lookupTitle} onSubmit={form.handleSubmit((value) => setCode(value.code))}>
        <Flex gap="small" align="start" wrap>
          <div className="lookup-field">
            <TextField
              control={form.control}
              name="code"
              label={t.orgUnits.lookupCode}
              hint={t.orgUnits.lookupHint}
              inputMode="numeric"
              formatMessage={t.validation.invalidLookupCode}
              maxLength={5}
            />
          </div>
          <div className="lookup-submit">
            <SubmitButton loading={lookup.isFetching}>{t.orgUnits.lookupSubmit}</SubmitButton>
          </div>
        </Flex>
      </AppForm>
      {code && lookup.isPending && <Loading />}
      <ErrorAlert error={lookup.error} onRetry={() => void lookup.refetch()} />
      {lookup.data && lookup.data.items.length === 0 && <EmptyState description={t.orgUnits.lookupNone} />}
      <Flex vertical gap="middle">
        {lookup.data?.items.map(({ unit, successors }) => (
          <Card
            key={unit.id}
            size="small"
            type="inner"
            title={
              <Link to="/org-units/$id" params={{ id: unit.id }}>
                {unit.fullName}
              </Link>
            }
          >
            <Flex gap="small" wrap align="center">
              <Typography.Text>
                {t.orgUnits.code}: {unit.code} · {unit.type}
              </Typography.Text>
              <StatusTag unit={unit} />
              <Typography.Text type="secondary">{validityText(unit)}</Typography.Text>
            </Flex>
            <Typography.Title level={4} className="subsection-title">
              {t.orgUnits.successors}
            </Typography.Title>
            <LinkTable links={successors} emptyText={t.orgUnits.noSuccessors} label={t.orgUnits.successors} />
          </Card>
        ))}
      </Flex>
    </Card>
  );
}
