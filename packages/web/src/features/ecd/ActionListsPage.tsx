import { useId, useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { CloudUploadOutlined, DownloadOutlined, PrinterOutlined, ScheduleOutlined } from '@ant-design/icons';
import { actionListKinds, api, type ActionListItem, type ActionListKind } from '@treem/shared';
import { downloadFile, saveFile } from '../../api/files.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  Button,
  ButtonLink,
  Card,
  DataTable,
  EmptyState,
  ErrorAlert,
  FieldFrame,
  Flex,
  Page,
  Select,
  Radio,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { doseNames } from './catalogue.ts';
import { ClassificationTags } from './display.tsx';
import { DoseImportDialog } from './DoseImportDialog.tsx';
import {
  actionListKindOf,
  defaultNotMeasuredMonths,
  profileTabForKind,
  toActionListQuery,
  type ActionListsSearch,
} from './ecdSearch.ts';
import { useActionList } from './queries.ts';
import { UnitChoice, useDefaultUnit } from './UnitChoice.tsx';

const route = getRouteApi('/app/ecd/action-lists');
const monthChoices = [1, 2, 3, 4, 6, 9, 12] as const;

function reasonText(kind: ActionListKind, item: ActionListItem, t: Messages): string {
  const since = formatDate(item.since);
  const reasons = t.ecd.actionLists.reasons;
  switch (kind) {
    case 'overdue_doses':
      return since ? format(reasons.overdueSince, { date: since }) : '';
    case 'due_this_month':
      return since ? format(reasons.dueOn, { date: since }) : '';
    case 'malnourished_under5':
      return since ? format(reasons.measuredOn, { date: since }) : '';
    case 'not_measured_under2':
      return since ? format(reasons.lastMeasured, { date: since }) : reasons.neverMeasured;
    case 'not_in_preschool_5y':
      return reasons.notEnrolled;
    case 'screening_follow_up':
      return since ? format(reasons.followUpOn, { date: since }) : '';
  }
}

function Reason({ kind, item }: { kind: ActionListKind; item: ActionListItem }) {
  const { t, language } = useI18n();
  const text = reasonText(kind, item, t);
  const doses = doseNames(item.doseIds, language);
  return (
    <div className="reason-cell">
      {doses.length > 0 && (
        <ul className="plain-list dose-list">
          {doses.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
      {item.classification && <ClassificationTags classification={item.classification} />}
      {text && <Typography.Text type="secondary">{text}</Typography.Text>}
    </div>
  );
}

/** Saves the list as a spreadsheet, or opens it as a PDF to print. */
function useListFile(kind: ActionListKind, unitId: string | undefined, months: number) {
  const { t } = useI18n();
  const notify = useNotify();
  return useMutation({
    mutationFn: async ({ fileFormat, target }: { fileFormat: 'xlsx' | 'pdf'; target: Window | null }) => {
      if (!unitId) throw new Error('no unit chosen');
      try {
        const file = await downloadFile(api.ecd.exportActionList, `danh-sach-tre-${kind}.${fileFormat}`, {
          params: { kind },
          query: { unitId, months, format: fileFormat },
        });
        if (target) {
          // The PDF opens in the tab opened on the click (a tab opened later would be blocked): print from there.
          const href = URL.createObjectURL(file.blob);
          target.location.href = href;
          // The tab has the document by then; the address need not live on.
          window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
        } else {
          saveFile(file);
        }
        return file;
      } catch (error) {
        target?.close();
        throw error;
      }
    },
    onSuccess: (file, { target }) => {
      if (!target) notify.success(format(t.ecd.actionLists.downloaded, { name: file.fileName }));
    },
  });
}

/**
 * The lists that tell a health station or commune which child to see next: overdue and due doses, malnourished
 * children, children not weighed, five-year-olds out of preschool and screening follow-ups. One village or a whole
 * commune; exportable and printable.
 */
export function ActionListsPage() {
  const { t, formatNumber } = useI18n();
  const { can } = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const monthsId = useId();
  const [importing, setImporting] = useState(false);
  const defaultUnit = useDefaultUnit(['commune', 'village']);
  const unitId = search.unit ?? defaultUnit;
  const kind = actionListKindOf(search);
  const months = search.months ?? defaultNotMeasuredMonths;
  const list = useActionList(kind, unitId ? toActionListQuery(search, unitId) : undefined);
  const file = useListFile(kind, unitId, months);

  const go = (next: Partial<ActionListsSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }) });

  const columns: DataColumns<ActionListItem> = [
    {
      key: 'name',
      title: t.ecd.actionLists.child,
      render: (_, item) => (
        <Link
          to="/register/persons/$id"
          params={{ id: item.personId }}
          search={{ tab: profileTabForKind(kind) }}
        >
          {item.fullName}
        </Link>
      ),
    },
    { key: 'sex', title: t.register.person.sex, responsive: ['md'], render: (_, item) => t.sexes[item.sex] },
    { key: 'birthDate', title: t.register.person.birthDate, render: (_, item) => formatDate(item.birthDate) },
    {
      key: 'village',
      title: t.register.person.village,
      responsive: ['md'],
      render: (_, item) => item.villageName,
    },
    {
      key: 'head',
      title: t.register.household.head,
      responsive: ['lg'],
      render: (_, item) => item.householdHeadName ?? '',
    },
    {
      key: 'reason',
      title: t.ecd.actionLists.reasons.title,
      render: (_, item) => <Reason kind={kind} item={item} />,
    },
  ];

  return (
    <Page
      title={t.ecd.actionLists.title}
      extra={
        <>
          {can('ecd.write') && (
            <ButtonLink to="/ecd/weighing-day" icon={<ScheduleOutlined />}>
              {t.nav.weighingDay}
            </ButtonLink>
          )}
          {can('ecd.write') && (
            <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)}>
              {t.ecd.doseImport.button}
            </Button>
          )}
          {can('ecd.export') && (
            <Button
              icon={<DownloadOutlined />}
              disabled={!unitId}
              loading={file.isPending && file.variables.fileFormat === 'xlsx'}
              onClick={() => file.mutate({ fileFormat: 'xlsx', target: null })}
            >
              {t.ecd.actionLists.exportXlsx}
            </Button>
          )}
          {can('ecd.export') && (
            <Button
              icon={<PrinterOutlined />}
              disabled={!unitId}
              loading={file.isPending && file.variables.fileFormat === 'pdf'}
              onClick={() => file.mutate({ fileFormat: 'pdf', target: window.open('', '_blank') })}
            >
              {t.ecd.actionLists.printPdf}
            </Button>
          )}
        </>
      }
    >
      <Typography.Paragraph className="page-intro" type="secondary">
        {t.ecd.actionLists.intro}
      </Typography.Paragraph>
      <Card>
        <Flex gap="middle" wrap align="end">
          <div className="grow-field">
            <UnitChoice
              label={t.ecd.unit.label}
              value={unitId}
              allowCommune
              onChange={(next) => go({ unit: next })}
            />
          </div>
          {kind === 'not_measured_under2' && (
            <div className="filter-field">
              <FieldFrame id={monthsId} label={t.ecd.actionLists.months}>
                <Select
                  id={monthsId}
                  value={months}
                  onChange={(value: number) =>
                    go({ months: value === defaultNotMeasuredMonths ? undefined : value })
                  }
                  options={monthChoices.map((value) => ({
                    value,
                    label: format(t.ecd.actionLists.monthsOption, { months: value }),
                  }))}
                />
              </FieldFrame>
            </div>
          )}
        </Flex>
      </Card>
      {file.error && <ErrorAlert error={file.error} />}
      <Radio.Group
        aria-label={t.ecd.actionLists.kindsLabel}
        value={kind}
        onChange={(event) => {
          const next = actionListKinds.find((value) => value === event.target.value) ?? 'overdue_doses';
          go({ kind: next === 'overdue_doses' ? undefined : next });
        }}
        optionType="button"
        buttonStyle="solid"
        className="list-kinds"
        options={actionListKinds.map((value) => ({ value, label: t.ecd.actionLists.kinds[value] }))}
      />
      {unitId ? (
        <>
          {list.data && (
            <Typography.Text type="secondary">
              {format(t.ecd.actionLists.summary, {
                count: formatNumber(list.data.total),
                date: formatDate(list.data.asOf),
              })}
            </Typography.Text>
          )}
          <DataTable<ActionListItem>
            label={t.ecd.actionLists.kinds[kind]}
            columns={columns}
            data={list.data}
            rowKey={(item) => item.personId}
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
            emptyText={t.ecd.actionLists.empty[kind]}
          />
        </>
      ) : (
        <Card>
          <EmptyState description={t.ecd.actionLists.chooseUnit} />
        </Card>
      )}
      <DoseImportDialog open={importing} unitId={unitId} onClose={() => setImporting(false)} />
    </Page>
  );
}
