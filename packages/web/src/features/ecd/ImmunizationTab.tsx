import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import {
  api,
  DoseInput,
  todayInVietnam,
  type DoseRecord,
  type ImmunizationCard,
  type PersonDetail,
  type VaccineCode,
} from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  Alert,
  AppForm,
  Button,
  Card,
  Col,
  DataTable,
  DateField,
  Dialog,
  ErrorAlert,
  Flex,
  FormActions,
  Loading,
  NumberField,
  Row,
  SelectField,
  SubmitButton,
  TextField,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { doseName, vaccineName, vaccineOptions } from './catalogue.ts';
import { DeleteWithReasonDialog } from './DeleteWithReasonDialog.tsx';
import { DoseStatusTag } from './display.tsx';
import { ecdKeys, useImmunizationCard, useInvalidateChild } from './queries.ts';

type ScheduledDose = ImmunizationCard['doses'][number];
type DoseValues = z.input<typeof DoseInput>;

function invalidReasonText(reason: string, t: Messages): string {
  const reasons = t.ecd.immunization.invalidReasons;
  return reason in reasons ? reasons[reason as keyof typeof reasons] : reason;
}

/** The answer of a dose write is the whole card: it replaces the cached one, and the lists are asked again. */
function useStoreCard(personId: string) {
  const client = useQueryClient();
  const invalidateChild = useInvalidateChild();
  return async (card: ImmunizationCard) => {
    client.setQueryData(ecdKeys.immunization(personId), card);
    await invalidateChild(personId);
  };
}

function DoseForm({
  personId,
  prefill,
  onDone,
}: {
  personId: string;
  prefill: { vaccineCode: VaccineCode; doseNumber: number } | null;
  onDone: () => void;
}) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const storeCard = useStoreCard(personId);
  const form = useForm<DoseValues, unknown, z.output<typeof DoseInput>>({
    resolver: zodResolver(DoseInput),
    defaultValues: {
      vaccineCode: prefill?.vaccineCode,
      doseNumber: prefill?.doseNumber ?? null,
      givenOn: todayInVietnam(),
      place: null,
      lot: null,
    },
  });
  const applyErrors = useServerErrors(form.setError, [
    'vaccineCode',
    'doseNumber',
    'givenOn',
    'place',
    'lot',
  ]);
  const record = useMutation({
    mutationFn: (body: z.output<typeof DoseInput>) =>
      call(api.ecd.recordDose, { params: { id: personId }, body }),
    onSuccess: async (card) => {
      notify.success(t.ecd.immunization.recorded);
      await storeCard(card);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm
      label={t.ecd.immunization.recordTitle}
      onSubmit={form.handleSubmit((body) => record.mutate(body))}
    >
      <SelectField
        control={form.control}
        name="vaccineCode"
        label={t.ecd.immunization.vaccine}
        options={vaccineOptions(language)}
      />
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <NumberField
            control={form.control}
            name="doseNumber"
            label={t.ecd.immunization.doseNumber}
            hint={t.ecd.immunization.doseNumberHint}
            min={1}
            max={9}
          />
        </Col>
        <Col xs={24} sm={14}>
          <DateField
            control={form.control}
            name="givenOn"
            label={t.ecd.immunization.givenOn}
            notAfter={todayInVietnam()}
          />
        </Col>
      </Row>
      <TextField
        control={form.control}
        name="place"
        label={t.ecd.immunization.place}
        hint={t.common.optional}
        emptyAs="null"
      />
      <TextField
        control={form.control}
        name="lot"
        label={t.ecd.immunization.lot}
        hint={t.common.optional}
        emptyAs="null"
      />
      <ErrorAlert error={record.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={record.isPending}>{t.ecd.immunization.record}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function FullyImmunized({ card }: { card: ImmunizationCard }) {
  const { t, language } = useI18n();
  const fact = card.fullyImmunizedUnder1;
  const missing = fact.missing.map((id) => doseName(id, language)).join('; ');
  if (fact.fully) {
    return (
      <Alert
        type="success"
        showIcon
        title={t.ecd.immunization.fullyTitle}
        description={fact.by ? format(t.ecd.immunization.fullyBy, { date: formatDate(fact.by) }) : undefined}
      />
    );
  }
  return (
    <Alert
      type={fact.settled ? 'warning' : 'info'}
      showIcon
      title={fact.settled ? t.ecd.immunization.notFully : t.ecd.immunization.notYetFully}
      description={missing ? format(t.ecd.immunization.missing, { doses: missing }) : undefined}
    />
  );
}

/**
 * The immunisation card: the EPI schedule with a status per dose as of today, the doses recorded, and the
 * "fully immunised under 1" fact. A dose given too early is kept but shown as not counting, with the reason.
 */
export function ImmunizationTab({ person }: { person: PersonDetail }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const card = useImmunizationCard(person.id);
  const storeCard = useStoreCard(person.id);
  const [recording, setRecording] = useState<{ vaccineCode: VaccineCode; doseNumber: number } | 'any' | null>(
    null,
  );
  const [removing, setRemoving] = useState<DoseRecord | null>(null);
  const writable = can('ecd.write') && person.status === 'active';

  if (card.isPending) return <Loading />;
  if (card.isError) return <ErrorAlert error={card.error} onRetry={() => void card.refetch()} />;
  const data = card.data;
  const overdue = data.doses.filter((d) => d.status === 'overdue').length;
  const due = data.doses.filter((d) => d.status === 'due').length;

  const scheduleColumns: DataColumns<ScheduledDose> = [
    { key: 'dose', title: t.ecd.immunization.dose, render: (_, d) => d[language] },
    {
      key: 'status',
      title: t.ecd.immunization.status,
      render: (_, d) => <DoseStatusTag status={d.status} />,
    },
    { key: 'due', title: t.ecd.immunization.dueDate, render: (_, d) => formatDate(d.dueDate) },
    {
      key: 'overdueFrom',
      title: t.ecd.immunization.overdueFrom,
      responsive: ['md'],
      render: (_, d) => formatDate(d.overdueFrom),
    },
    {
      key: 'expires',
      title: t.ecd.immunization.expiresOn,
      responsive: ['lg'],
      render: (_, d) => formatDate(d.expiresOn),
    },
    { key: 'given', title: t.ecd.immunization.givenOn, render: (_, d) => formatDate(d.givenOn) },
    {
      key: 'invalid',
      title: t.ecd.immunization.invalidDoses,
      render: (_, d) =>
        d.invalidDoses.length > 0 ? (
          <ul className="plain-list">
            {d.invalidDoses.map((invalid) => (
              <li key={`${invalid.givenOn}-${invalid.reason}`}>
                <Typography.Text type="warning">
                  {formatDate(invalid.givenOn)}: {invalidReasonText(invalid.reason, t)}
                </Typography.Text>
              </li>
            ))}
          </ul>
        ) : (
          ''
        ),
    },
    ...(writable
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, d: ScheduledDose) =>
              d.givenOn === null && d.status !== 'not_yet_due' ? (
                <Button
                  size="small"
                  type={d.status === 'overdue' ? 'primary' : 'default'}
                  aria-label={`${t.ecd.immunization.record}: ${d[language]}`}
                  onClick={() => setRecording({ vaccineCode: d.vaccineCode, doseNumber: d.doseNumber })}
                >
                  {t.ecd.immunization.record}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const recordColumns: DataColumns<DoseRecord> = [
    { key: 'givenOn', title: t.ecd.immunization.givenOn, render: (_, r) => formatDate(r.givenOn) },
    {
      key: 'vaccine',
      title: t.ecd.immunization.vaccine,
      render: (_, r) => vaccineName(r.vaccineCode, language),
    },
    {
      key: 'doseNumber',
      title: t.ecd.immunization.doseNumberShort,
      align: 'right',
      render: (_, r) => r.doseNumber ?? '–',
    },
    { key: 'place', title: t.ecd.immunization.place, render: (_, r) => r.place ?? '' },
    { key: 'lot', title: t.ecd.immunization.lot, responsive: ['md'], render: (_, r) => r.lot ?? '' },
    ...(writable
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, r: DoseRecord) => (
              <Button
                size="small"
                type="link"
                danger
                aria-label={`${t.ecd.remove.button}: ${vaccineName(r.vaccineCode, language)} ${formatDate(r.givenOn)}`}
                onClick={() => setRemoving(r)}
              >
                {t.ecd.remove.button}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap="middle">
      <FullyImmunized card={data} />
      <Card
        title={t.ecd.immunization.scheduleTitle}
        extra={
          writable ? (
            <Button icon={<PlusOutlined />} onClick={() => setRecording('any')}>
              {t.ecd.immunization.recordOther}
            </Button>
          ) : undefined
        }
      >
        <Flex vertical gap="small">
          <Typography.Text type="secondary">
            {format(t.ecd.immunization.asOf, { date: formatDate(data.asOf), overdue, due })}
          </Typography.Text>
          <DataTable<ScheduledDose>
            label={t.ecd.immunization.scheduleTitle}
            columns={scheduleColumns}
            data={data.doses}
            rowKey={(d) => d.doseId}
            loading={card.isFetching}
            emptyText={t.ecd.immunization.noSchedule}
          />
        </Flex>
      </Card>
      <Card title={t.ecd.immunization.recordsTitle}>
        <DataTable<DoseRecord>
          label={t.ecd.immunization.recordsTitle}
          columns={recordColumns}
          data={data.records}
          rowKey={(r) => r.id}
          emptyText={t.ecd.immunization.noRecords}
        />
      </Card>
      <Dialog
        open={recording !== null}
        title={format(t.ecd.immunization.recordTitleFor, { name: person.fullName })}
        onClose={() => setRecording(null)}
      >
        {recording !== null && (
          <DoseForm
            personId={person.id}
            prefill={recording === 'any' ? null : recording}
            onDone={() => setRecording(null)}
          />
        )}
      </Dialog>
      <DeleteWithReasonDialog
        open={removing !== null}
        title={t.ecd.immunization.removeTitle}
        description={
          removing
            ? format(t.ecd.immunization.removeQuestion, {
                vaccine: vaccineName(removing.vaccineCode, language),
                date: formatDate(removing.givenOn),
              })
            : ''
        }
        done={t.ecd.immunization.removed}
        onClose={() => setRemoving(null)}
        onDelete={async (reason) => {
          if (!removing) return;
          const next = await call(api.ecd.deleteDose, { params: { id: removing.id }, body: { reason } });
          await storeCard(next);
        }}
      />
    </Flex>
  );
}
