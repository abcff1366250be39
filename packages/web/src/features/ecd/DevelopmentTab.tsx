import { useEffect, useId, useState } from 'react';
import { useController, useForm, useWatch, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import {
  addMonthsToPlainDate,
  api,
  FollowUpDone,
  milestoneDomainCodes,
  screeningResultCodes,
  ScreeningInput,
  screeningToolCodes,
  todayInVietnam,
  type MilestoneAnswer,
  type PersonDetail,
  type Screening,
} from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate } from '../../i18n/format.ts';
import {
  Alert,
  AppForm,
  Button,
  Card,
  Checkbox,
  ChoiceField,
  DataTable,
  DateField,
  Dialog,
  ErrorAlert,
  FieldFrame,
  Flex,
  FormActions,
  List,
  Loading,
  Radio,
  SelectField,
  SidePanel,
  Space,
  SubmitButton,
  Tag,
  TextAreaField,
  TextField,
  Tooltip,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { milestoneDomainName, screeningResultName, screeningToolName } from './catalogue.ts';
import { DeleteWithReasonDialog } from './DeleteWithReasonDialog.tsx';
import { ScreeningResultTag } from './display.tsx';
import { ecdKeys, useInvalidateChild, useScreenings } from './queries.ts';
import { checklistState, milestoneOf } from './screening.ts';

type Values = z.input<typeof ScreeningInput>;
type Output = z.output<typeof ScreeningInput>;

const answerCodes: readonly MilestoneAnswer[] = ['yes', 'not_sure', 'not_yet'];

function DomainsField({ control, label }: { control: Control<Values>; label: string }) {
  const { language } = useI18n();
  const id = useId();
  const { field, fieldState } = useController({ control, name: 'domains' });
  return (
    <FieldFrame id={id} label={label} error={fieldState.error?.message}>
      <Checkbox.Group
        aria-label={label}
        className="choice-list"
        value={field.value}
        onChange={(next) => field.onChange(next)}
        options={milestoneDomainCodes.map((code) => ({
          value: code,
          label: milestoneDomainName(code, language),
        }))}
      />
    </FieldFrame>
  );
}

function ScreeningForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const invalidateChild = useInvalidateChild();
  const [answers, setAnswers] = useState<Record<string, MilestoneAnswer>>({});
  const today = todayInVietnam();
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(ScreeningInput),
    defaultValues: {
      screenedOn: today,
      tool: 'checklist',
      domains: [],
      result: 'needs_follow_up',
      milestonesNotMet: [],
      followUpOn: addMonthsToPlainDate(today, 1),
      screenedBy: null,
      note: null,
    },
  });
  const [screenedOn, tool, result] = useWatch({
    control: form.control,
    name: ['screenedOn', 'tool', 'result'],
  });
  const checklist = checklistState(person.birthDate, screenedOn || today, answers);
  const usesChecklist = tool === 'checklist';

  // The checklist decides what was assessed and what was not met; the result follows its suggestion until the
  // worker chooses one (e.g. "referred", which only a person can decide).
  useEffect(() => {
    if (!usesChecklist) return;
    form.setValue('domains', checklist.domains);
    form.setValue('milestonesNotMet', checklist.notMet);
    if (checklist.suggested && !form.getFieldState('result').isDirty)
      form.setValue('result', checklist.suggested);
  }, [usesChecklist, checklist.domains.join(), checklist.notMet.join(), checklist.suggested, form]);

  const applyErrors = useServerErrors(form.setError, [
    'screenedOn',
    'tool',
    'domains',
    'result',
    'followUpOn',
    'screenedBy',
    'note',
  ]);
  const save = useMutation({
    mutationFn: (body: Output) =>
      call(api.ecd.createScreening, {
        params: { id: person.id },
        body: {
          ...body,
          milestonesNotMet: usesChecklist ? body.milestonesNotMet : [],
          followUpOn: body.result === 'on_track' ? null : body.followUpOn,
        },
      }),
    onSuccess: async () => {
      notify.success(t.ecd.screening.created);
      await invalidateChild(person.id);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });

  return (
    <AppForm label={t.ecd.screening.addTitle} onSubmit={form.handleSubmit((body) => save.mutate(body))}>
      <DateField
        control={form.control}
        name="screenedOn"
        label={t.ecd.screening.screenedOn}
        notAfter={today}
      />
      <SelectField
        control={form.control}
        name="tool"
        label={t.ecd.screening.tool}
        options={screeningToolCodes.map((code) => ({
          value: code,
          label: screeningToolName(code, language),
        }))}
      />
      {usesChecklist ? (
        checklist.band === null ? (
          <Alert type="warning" showIcon title={t.ecd.screening.noBand} />
        ) : (
          <Card
            size="small"
            title={format(t.ecd.screening.checklistTitle, { band: checklist.band })}
            className="milestone-checklist"
          >
            <Typography.Paragraph type="secondary">{t.ecd.screening.checklistHint}</Typography.Paragraph>
            <List
              dataSource={[...checklist.milestones]}
              rowKey={(m) => m.code}
              renderItem={(m) => (
                <List.Item>
                  <Flex vertical gap={4} className="milestone">
                    <span>
                      <Tag>{milestoneDomainName(m.domain, language)}</Tag>
                      {m[language]}
                    </span>
                    <Radio.Group
                      aria-label={m[language]}
                      optionType="button"
                      size="small"
                      className="choice-field"
                      value={answers[m.code]}
                      onChange={(event) =>
                        setAnswers((previous) => ({
                          ...previous,
                          [m.code]: event.target.value as MilestoneAnswer,
                        }))
                      }
                      options={answerCodes.map((code) => ({
                        value: code,
                        label: t.ecd.screening.answers[code],
                      }))}
                    />
                  </Flex>
                </List.Item>
              )}
            />
            {checklist.suggested && (
              <Alert
                type={checklist.suggested === 'on_track' ? 'success' : 'warning'}
                showIcon
                title={format(t.ecd.screening.suggested, {
                  result: screeningResultName(checklist.suggested, language),
                  answered: checklist.answered,
                  total: checklist.milestones.length,
                  notMet: checklist.notMet.length,
                })}
              />
            )}
          </Card>
        )
      ) : (
        <DomainsField control={form.control} label={t.ecd.screening.domains} />
      )}
      <ChoiceField
        control={form.control}
        name="result"
        label={t.ecd.screening.result}
        options={screeningResultCodes.map((code) => ({
          value: code,
          label: screeningResultName(code, language),
        }))}
      />
      {result !== 'on_track' && (
        <DateField
          control={form.control}
          name="followUpOn"
          label={t.ecd.screening.followUpOn}
          hint={t.ecd.screening.followUpHint}
        />
      )}
      <TextField
        control={form.control}
        name="screenedBy"
        label={t.ecd.screening.screenedBy}
        hint={t.common.optional}
        emptyAs="null"
      />
      <TextAreaField
        control={form.control}
        name="note"
        label={t.ecd.screening.note}
        hint={t.common.optional}
      />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending} disabled={usesChecklist && checklist.band === null}>
          {t.common.save}
        </SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function FollowUpDoneForm({ screening, onDone }: { screening: Screening; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const client = useQueryClient();
  const invalidateChild = useInvalidateChild();
  const form = useForm<z.input<typeof FollowUpDone>, unknown, z.output<typeof FollowUpDone>>({
    resolver: zodResolver(FollowUpDone),
    defaultValues: { doneOn: todayInVietnam(), note: null },
  });
  const applyErrors = useServerErrors(form.setError, ['doneOn', 'note']);
  const done = useMutation({
    mutationFn: (body: z.output<typeof FollowUpDone>) =>
      call(api.ecd.completeFollowUp, { params: { id: screening.id }, body }),
    onSuccess: async (saved) => {
      notify.success(t.ecd.screening.followUpClosed);
      client.setQueryData(
        ecdKeys.screenings(saved.personId),
        (previous: { items: Screening[] } | undefined) =>
          previous ? { items: previous.items.map((s) => (s.id === saved.id ? saved : s)) } : previous,
      );
      await invalidateChild(saved.personId);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.ecd.screening.followUpDone} onSubmit={form.handleSubmit((body) => done.mutate(body))}>
      <DateField
        control={form.control}
        name="doneOn"
        label={t.ecd.screening.doneOn}
        notAfter={todayInVietnam()}
      />
      <TextAreaField
        control={form.control}
        name="note"
        label={t.ecd.screening.note}
        hint={t.common.optional}
      />
      <ErrorAlert error={done.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={done.isPending}>{t.ecd.screening.followUpDone}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function FollowUpCell({ screening }: { screening: Screening }) {
  const { t } = useI18n();
  if (!screening.followUpOn) return null;
  if (screening.followUpDoneOn) {
    return (
      <Tag color="green">
        {format(t.ecd.screening.followUpDoneOnDate, { date: formatDate(screening.followUpDoneOn) })}
      </Tag>
    );
  }
  const late = screening.followUpOn < todayInVietnam();
  return (
    <Tag color={late ? 'red' : 'orange'}>
      {format(late ? t.ecd.screening.followUpLate : t.ecd.screening.followUpDue, {
        date: formatDate(screening.followUpOn),
      })}
    </Tag>
  );
}

/** Development: the child's screenings with the built-in CDC milestone checklist, and their follow-ups. */
export function DevelopmentTab({ person }: { person: PersonDetail }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const list = useScreenings(person.id);
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState<Screening | null>(null);
  const [removing, setRemoving] = useState<Screening | null>(null);
  const invalidateChild = useInvalidateChild();
  const writable = can('ecd.write') && person.status === 'active';

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;

  const columns: DataColumns<Screening> = [
    { key: 'screenedOn', title: t.ecd.screening.screenedOn, render: (_, s) => formatDate(s.screenedOn) },
    { key: 'tool', title: t.ecd.screening.tool, render: (_, s) => screeningToolName(s.tool, language) },
    {
      key: 'result',
      title: t.ecd.screening.result,
      render: (_, s) => <ScreeningResultTag result={s.result} />,
    },
    {
      key: 'domains',
      title: t.ecd.screening.domains,
      responsive: ['lg'],
      render: (_, s) => (
        <span className="wrap-cell">{s.domains.map((d) => milestoneDomainName(d, language)).join(', ')}</span>
      ),
    },
    {
      key: 'notMet',
      title: t.ecd.screening.notMet,
      render: (_, s) =>
        s.milestonesNotMet.length === 0 ? (
          ''
        ) : (
          <Tooltip
            title={
              <ul className="plain-list">
                {s.milestonesNotMet.map((code) => (
                  <li key={code}>{milestoneOf(code)?.[language] ?? code}</li>
                ))}
              </ul>
            }
          >
            <Typography.Text underline>
              {format(t.ecd.screening.notMetCount, { count: s.milestonesNotMet.length })}
            </Typography.Text>
          </Tooltip>
        ),
    },
    { key: 'followUp', title: t.ecd.screening.followUp, render: (_, s) => <FollowUpCell screening={s} /> },
    {
      key: 'by',
      title: t.ecd.screening.screenedBy,
      responsive: ['xl'],
      render: (_, s) => s.screenedBy ?? '',
    },
    {
      key: 'note',
      title: t.ecd.screening.note,
      responsive: ['xl'],
      render: (_, s) => <span className="wrap-cell">{s.note ?? ''}</span>,
    },
    ...(writable
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, s: Screening) => (
              <Space size="small" wrap>
                {s.followUpOn && !s.followUpDoneOn ? (
                  <Button size="small" onClick={() => setClosing(s)}>
                    {t.ecd.screening.followUpDone}
                  </Button>
                ) : null}
                <Button
                  size="small"
                  type="link"
                  danger
                  aria-label={`${t.ecd.remove.button}: ${t.ecd.screening.title} ${formatDate(s.screenedOn)}`}
                  onClick={() => setRemoving(s)}
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
      title={t.ecd.screening.title}
      extra={
        writable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t.ecd.screening.add}
          </Button>
        ) : undefined
      }
    >
      <DataTable<Screening>
        label={t.ecd.screening.title}
        columns={columns}
        data={list.data.items}
        rowKey={(s) => s.id}
        loading={list.isFetching}
        emptyText={t.ecd.screening.empty}
      />
      <SidePanel
        open={adding}
        title={format(t.ecd.screening.addTitleFor, { name: person.fullName })}
        onClose={() => setAdding(false)}
      >
        {adding && <ScreeningForm person={person} onDone={() => setAdding(false)} />}
      </SidePanel>
      <Dialog open={closing !== null} title={t.ecd.screening.followUpDone} onClose={() => setClosing(null)}>
        {closing && <FollowUpDoneForm screening={closing} onDone={() => setClosing(null)} />}
      </Dialog>
      <DeleteWithReasonDialog
        open={removing !== null}
        title={t.ecd.screening.removeTitle}
        description={
          removing ? format(t.ecd.screening.removeQuestion, { date: formatDate(removing.screenedOn) }) : ''
        }
        done={t.ecd.screening.removed}
        onClose={() => setRemoving(null)}
        onDelete={async (reason) => {
          if (!removing) return;
          await call(api.ecd.deleteScreening, { params: { id: removing.id }, body: { reason } });
          await invalidateChild(person.id);
        }}
      />
    </Card>
  );
}
