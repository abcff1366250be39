import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { z } from 'zod';
import { api, type DuplicatePair, type PersonListItem } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Messages } from '../../i18n/vi.ts';
import {
  AppForm,
  Button,
  Card,
  ChoiceField,
  DataTable,
  Dialog,
  ErrorAlert,
  Flex,
  FormActions,
  Page,
  SubmitButton,
  Tag,
  TextAreaField,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { CircumstanceTags, ethnicityName, FlagTags, PersonStatusTag } from './display.tsx';
import { formatBirthDate } from './personForm.ts';
import { useDuplicateList, useInvalidateRegister } from './queries.ts';
import { UnitFilter } from './UnitFilter.tsx';

const route = getRouteApi('/app/register/duplicates');

/** The facts compared side by side; `text` decides whether the two records differ on the line. */
function comparedFields(t: Messages): {
  key: string;
  label: string;
  text: (p: PersonListItem) => string;
  node?: (p: PersonListItem) => ReactNode;
}[] {
  return [
    { key: 'fullName', label: t.register.person.fullName, text: (p) => p.fullName },
    { key: 'sex', label: t.register.person.sex, text: (p) => t.sexes[p.sex] },
    {
      key: 'birthDate',
      label: t.register.person.birthDate,
      text: (p) => formatBirthDate(p.birthDate, p.birthDatePrecision),
    },
    {
      key: 'personalId',
      label: t.register.person.personalId,
      text: (p) => p.personalId ?? t.register.noPersonalId,
    },
    { key: 'ethnicity', label: t.register.person.ethnicity, text: (p) => ethnicityName(p.ethnicityCode) },
    { key: 'head', label: t.register.household.head, text: (p) => p.householdHeadName ?? '' },
    {
      key: 'relationship',
      label: t.register.person.relationshipToHead,
      text: (p) => (p.relationshipToHead ? t.relationships[p.relationshipToHead] : ''),
    },
    { key: 'village', label: t.register.person.village, text: (p) => p.villageName },
    { key: 'commune', label: t.register.person.commune, text: (p) => p.communeName },
    {
      key: 'status',
      label: t.register.person.status,
      text: (p) => p.status,
      node: (p) => <PersonStatusTag status={p.status} />,
    },
    {
      key: 'circumstances',
      label: t.register.columns.circumstances,
      text: (p) => p.circumstances.map((c) => c.subGroupCode ?? c.groupCode).join(','),
      node: (p) => <CircumstanceTags circumstances={p.circumstances} />,
    },
    {
      key: 'flags',
      label: t.register.columns.flags,
      text: (p) => p.flagCodes.join(','),
      node: (p) => <FlagTags codes={p.flagCodes} />,
    },
  ];
}

function Comparison({ pair }: { pair: DuplicatePair }) {
  const { t } = useI18n();
  const rows = comparedFields(t).map((field) => ({
    ...field,
    differs: field.text(pair.a) !== field.text(pair.b),
  }));
  const cell = (field: (typeof rows)[number], person: PersonListItem) =>
    field.node ? field.node(person) : field.text(person);
  return (
    <div className="compare-table" role="table" aria-label={t.register.duplicatesPage.compareTitle}>
      <div role="row" className="compare-row compare-head">
        <span role="columnheader">{t.register.duplicatesPage.field}</span>
        <span role="columnheader">
          <Link to="/register/persons/$id" params={{ id: pair.a.id }} target="_blank">
            {t.register.duplicatesPage.recordA}
          </Link>
        </span>
        <span role="columnheader">
          <Link to="/register/persons/$id" params={{ id: pair.b.id }} target="_blank">
            {t.register.duplicatesPage.recordB}
          </Link>
        </span>
      </div>
      {rows.map((field) => (
        <div
          role="row"
          key={field.key}
          className={field.differs ? 'compare-row compare-differs' : 'compare-row'}
        >
          <span role="rowheader">
            {field.label}
            {field.differs && (
              <Tag color="orange" className="inline-tag">
                {t.register.duplicatesPage.differs}
              </Tag>
            )}
          </span>
          <span role="cell">{cell(field, pair.a)}</span>
          <span role="cell">{cell(field, pair.b)}</span>
        </div>
      ))}
    </div>
  );
}

const MergeForm = z.strictObject({ keep: z.enum(['a', 'b']), reason: z.string().trim().min(1).max(500) });
const DismissForm = z.strictObject({ reason: z.string().trim().min(1).max(500) });

function MergeAction({ pair, onDone }: { pair: DuplicatePair; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidateRegister();
  const form = useForm<z.input<typeof MergeForm>, unknown, z.output<typeof MergeForm>>({
    resolver: zodResolver(MergeForm),
    defaultValues: { keep: 'a', reason: '' },
  });
  const applyErrors = useServerErrors(form.setError, ['reason']);
  const merge = useMutation({
    mutationFn: ({ keep, reason }: z.output<typeof MergeForm>) =>
      call(api.register.mergePersons, {
        body: {
          keepId: keep === 'a' ? pair.a.id : pair.b.id,
          mergeId: keep === 'a' ? pair.b.id : pair.a.id,
          reason,
        },
      }),
    onSuccess: async () => {
      notify.success(t.register.duplicatesPage.merged);
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm
      label={t.register.duplicatesPage.mergeTitle}
      onSubmit={form.handleSubmit((values) => merge.mutate(values))}
    >
      <ChoiceField
        control={form.control}
        name="keep"
        label={t.register.duplicatesPage.keep}
        hint={t.register.duplicatesPage.keepHint}
        options={[
          { value: 'a', label: `${t.register.duplicatesPage.recordA}: ${pair.a.fullName}` },
          { value: 'b', label: `${t.register.duplicatesPage.recordB}: ${pair.b.fullName}` },
        ]}
      />
      <TextAreaField control={form.control} name="reason" label={t.register.duplicatesPage.reason} />
      <ErrorAlert error={merge.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton danger loading={merge.isPending}>
          {t.register.duplicatesPage.merge}
        </SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function DismissAction({ pair, onDone }: { pair: DuplicatePair; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidateRegister();
  const form = useForm<z.input<typeof DismissForm>, unknown, z.output<typeof DismissForm>>({
    resolver: zodResolver(DismissForm),
    defaultValues: { reason: '' },
  });
  const applyErrors = useServerErrors(form.setError, ['reason']);
  const dismiss = useMutation({
    mutationFn: ({ reason }: z.output<typeof DismissForm>) =>
      call(api.register.dismissDuplicate, { body: { personAId: pair.a.id, personBId: pair.b.id, reason } }),
    onSuccess: async () => {
      notify.success(t.register.duplicatesPage.dismissed);
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm
      label={t.register.duplicatesPage.dismissTitle}
      onSubmit={form.handleSubmit((values) => dismiss.mutate(values))}
    >
      <TextAreaField control={form.control} name="reason" label={t.register.duplicatesPage.reason} />
      <ErrorAlert error={dismiss.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={dismiss.isPending}>{t.register.duplicatesPage.dismiss}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

type Decision = 'compare' | 'merge' | 'dismiss';

/** The commune worker's review list: pairs that may be one person, compared, then merged or dismissed by hand. */
export function DuplicatesPage() {
  const { t, formatNumber } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<{ pair: DuplicatePair; decision: Decision } | null>(null);
  const list = useDuplicateList({ orgUnitId: search.unit, page: search.page ?? 1, pageSize });
  const close = () => setOpen(null);

  const personCell = (person: PersonListItem) => (
    <div className="unit-name-cell">
      <Link to="/register/persons/$id" params={{ id: person.id }}>
        {person.fullName}
      </Link>
      <Typography.Text type="secondary" className="unit-full-name">
        {formatBirthDate(person.birthDate, person.birthDatePrecision)} · {person.villageName}
        {person.personalId ? ` · ${person.personalId}` : ''}
      </Typography.Text>
    </div>
  );

  const columns: DataColumns<DuplicatePair> = [
    { key: 'a', title: t.register.duplicatesPage.recordA, render: (_, pair) => personCell(pair.a) },
    { key: 'b', title: t.register.duplicatesPage.recordB, render: (_, pair) => personCell(pair.b) },
    {
      key: 'reasons',
      title: t.register.duplicatesPage.reasons,
      render: (_, pair) => (
        <span className="tag-stack">
          {pair.reasons.map((reason) => (
            <Tag key={reason} color="orange">
              {t.duplicateReasons[reason]}
            </Tag>
          ))}
        </span>
      ),
    },
    {
      key: 'similarity',
      title: t.register.duplicatesPage.similarity,
      align: 'right',
      render: (_, pair) => `${formatNumber(Math.round(pair.similarity * 100))}%`,
    },
    {
      key: 'actions',
      title: t.common.actions,
      render: (_, pair) => (
        <Flex gap="small" wrap>
          <Button size="small" type="primary" onClick={() => setOpen({ pair, decision: 'compare' })}>
            {t.register.duplicatesPage.compare}
          </Button>
        </Flex>
      ),
    },
  ];

  const titles: Record<Decision, string> = {
    compare: t.register.duplicatesPage.compareTitle,
    merge: t.register.duplicatesPage.mergeTitle,
    dismiss: t.register.duplicatesPage.dismissTitle,
  };

  return (
    <Page
      title={t.register.duplicatesPage.title}
      breadcrumbs={[
        <Link key="register" to="/register">
          {t.register.title}
        </Link>,
      ]}
    >
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.register.duplicatesPage.intro}
      </Typography.Paragraph>
      <Card>
        <div className="filter-field">
          <UnitFilter
            label={t.register.filters.unit}
            unitId={search.unit}
            onChange={(unit) => void navigate({ search: { unit, page: undefined } })}
          />
        </div>
      </Card>
      <DataTable<DuplicatePair>
        label={t.register.duplicatesPage.title}
        columns={columns}
        data={list.data}
        rowKey={(pair) => `${pair.a.id}:${pair.b.id}`}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        onPageChange={(page, size) => {
          setPageSize(size);
          void navigate({ search: (previous) => ({ ...previous, page: page > 1 ? page : undefined }) });
        }}
        emptyText={t.register.duplicatesPage.empty}
      />
      <Dialog open={open !== null} title={open ? titles[open.decision] : ''} onClose={close} width={860}>
        {open?.decision === 'compare' && (
          <Flex vertical gap="middle">
            <Comparison pair={open.pair} />
            <span className="tag-group">
              {open.pair.reasons.map((reason) => (
                <Tag key={reason} color="orange">
                  {t.duplicateReasons[reason]}
                </Tag>
              ))}
            </span>
            <FormActions>
              <Button onClick={() => setOpen({ ...open, decision: 'dismiss' })}>
                {t.register.duplicatesPage.dismiss}
              </Button>
              <Button type="primary" danger onClick={() => setOpen({ ...open, decision: 'merge' })}>
                {t.register.duplicatesPage.merge}
              </Button>
            </FormActions>
          </Flex>
        )}
        {open?.decision === 'merge' && <MergeAction pair={open.pair} onDone={close} />}
        {open?.decision === 'dismiss' && <DismissAction pair={open.pair} onDone={close} />}
      </Dialog>
    </Page>
  );
}
