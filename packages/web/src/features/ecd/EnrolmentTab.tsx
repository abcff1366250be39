import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import {
  api,
  EnrolmentInput,
  enrolmentSchoolLevelLabels,
  enrolmentSchoolLevels,
  EnrolmentStatus,
  todayInVietnam,
  type Enrolment,
  type PersonDetail,
} from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatInstant } from '../../i18n/format.ts';
import {
  Alert,
  AppForm,
  Button,
  Card,
  DataTable,
  Dialog,
  ErrorAlert,
  FormActions,
  Loading,
  SelectField,
  Space,
  SubmitButton,
  Tag,
  TextAreaField,
  TextField,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { schoolYearChoices, schoolYearOf } from './catalogue.ts';
import { DeleteWithReasonDialog } from './DeleteWithReasonDialog.tsx';
import { withRuleMessages } from './forms.ts';
import { useEnrolments, useInvalidateChild } from './queries.ts';

type Values = z.input<typeof EnrolmentInput>;
type Output = z.output<typeof EnrolmentInput>;

const statusColour: Record<EnrolmentStatus, string> = {
  enrolled: 'green',
  completed: 'blue',
  dropped_out: 'red',
  transferred: 'default',
};

function EnrolmentForm({
  person,
  existing,
  years,
  onDone,
}: {
  person: PersonDetail;
  existing: Enrolment | undefined;
  years: readonly Enrolment[];
  onDone: () => void;
}) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const invalidateChild = useInvalidateChild();
  const form = useForm<Values, unknown, Output>({
    resolver: withRuleMessages(zodResolver(EnrolmentInput), {
      school_year_invalid: t.ecd.enrolment.schoolYearInvalid,
    }),
    defaultValues: existing
      ? {
          schoolYear: existing.schoolYear,
          level: existing.level,
          schoolName: existing.schoolName,
          status: existing.status,
          note: existing.note,
        }
      : {
          schoolYear: schoolYearOf(todayInVietnam()),
          level: undefined,
          schoolName: '',
          status: 'enrolled',
          note: null,
        },
  });
  const schoolYear = useWatch({ control: form.control, name: 'schoolYear' });
  const replaces = !existing && years.some((e) => e.schoolYear === schoolYear);
  const applyErrors = useServerErrors(form.setError, ['schoolYear', 'level', 'schoolName', 'status', 'note']);
  const save = useMutation({
    mutationFn: (body: Output) => call(api.ecd.saveEnrolment, { params: { id: person.id }, body }),
    onSuccess: async () => {
      notify.success(t.ecd.enrolment.saved);
      await invalidateChild(person.id);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.ecd.enrolment.formTitle} onSubmit={form.handleSubmit((body) => save.mutate(body))}>
      <SelectField
        control={form.control}
        name="schoolYear"
        label={t.ecd.enrolment.schoolYear}
        disabled={Boolean(existing)}
        options={schoolYearChoices(todayInVietnam())
          // A school year cannot start before the child was born (the server refuses it too).
          .filter((year) => year.slice(0, 4) >= person.birthDate.slice(0, 4))
          .map((year) => ({ value: year, label: year.replace('-', '–') }))}
      />
      {replaces && <Alert type="info" showIcon title={t.ecd.enrolment.replaces} />}
      <SelectField
        control={form.control}
        name="level"
        label={t.ecd.enrolment.level}
        options={enrolmentSchoolLevels.map((level) => ({
          value: level,
          label: enrolmentSchoolLevelLabels[level][language],
        }))}
      />
      <TextField control={form.control} name="schoolName" label={t.ecd.enrolment.schoolName} />
      <SelectField
        control={form.control}
        name="status"
        label={t.ecd.enrolment.status}
        options={EnrolmentStatus.options.map((status) => ({
          value: status,
          label: t.ecd.enrolment.statuses[status],
        }))}
      />
      <TextAreaField
        control={form.control}
        name="note"
        label={t.ecd.enrolment.note}
        hint={t.common.optional}
      />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/** Preschool and school: one enrolment per school year (saving a year again replaces it). */
export function EnrolmentTab({ person }: { person: PersonDetail }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const list = useEnrolments(person.id);
  const [editing, setEditing] = useState<Enrolment | 'new' | null>(null);
  const [removing, setRemoving] = useState<Enrolment | null>(null);
  const invalidateChild = useInvalidateChild();
  const writable = can('ecd.write') && person.status === 'active';

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = [...list.data.items].sort((a, b) => (a.schoolYear < b.schoolYear ? 1 : -1));

  const columns: DataColumns<Enrolment> = [
    { key: 'year', title: t.ecd.enrolment.schoolYear, render: (_, e) => e.schoolYear.replace('-', '–') },
    {
      key: 'level',
      title: t.ecd.enrolment.level,
      render: (_, e) => enrolmentSchoolLevelLabels[e.level][language],
    },
    { key: 'school', title: t.ecd.enrolment.schoolName, render: (_, e) => e.schoolName },
    {
      key: 'status',
      title: t.ecd.enrolment.status,
      render: (_, e) => <Tag color={statusColour[e.status]}>{t.ecd.enrolment.statuses[e.status]}</Tag>,
    },
    { key: 'note', title: t.ecd.enrolment.note, responsive: ['md'], render: (_, e) => e.note ?? '' },
    {
      key: 'updatedAt',
      title: t.ecd.enrolment.updatedAt,
      responsive: ['lg'],
      render: (_, e) => formatInstant(e.updatedAt),
    },
    ...(writable
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, e: Enrolment) => (
              <Space size="small" wrap>
                <Button
                  size="small"
                  onClick={() => setEditing(e)}
                  aria-label={`${t.common.edit} ${e.schoolYear}`}
                >
                  {t.common.edit}
                </Button>
                <Button
                  size="small"
                  type="link"
                  danger
                  aria-label={`${t.ecd.remove.button} ${e.schoolYear}`}
                  onClick={() => setRemoving(e)}
                >
                  {t.ecd.remove.button}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t.ecd.enrolment.title}
      extra={
        writable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t.ecd.enrolment.add}
          </Button>
        ) : undefined
      }
    >
      <DataTable<Enrolment>
        label={t.ecd.enrolment.title}
        columns={columns}
        data={items}
        rowKey={(e) => e.id}
        loading={list.isFetching}
        emptyText={t.ecd.enrolment.empty}
      />
      <Dialog
        open={editing !== null}
        title={
          editing && editing !== 'new'
            ? format(t.ecd.enrolment.editTitle, { year: editing.schoolYear.replace('-', '–') })
            : format(t.ecd.enrolment.addTitleFor, { name: person.fullName })
        }
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <EnrolmentForm
            person={person}
            existing={editing === 'new' ? undefined : editing}
            years={items}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
      <DeleteWithReasonDialog
        open={removing !== null}
        title={t.ecd.enrolment.removeTitle}
        description={
          removing
            ? format(t.ecd.enrolment.removeQuestion, { year: removing.schoolYear.replace('-', '–') })
            : ''
        }
        done={t.ecd.enrolment.removed}
        onClose={() => setRemoving(null)}
        onDelete={async (reason) => {
          if (!removing) return;
          await call(api.ecd.deleteEnrolment, { params: { id: removing.id }, body: { reason } });
          await invalidateChild(person.id);
        }}
      />
    </Card>
  );
}
