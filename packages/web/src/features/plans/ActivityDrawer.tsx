import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import {
  ActivityDocumentInput,
  ActivityNoteInput,
  api,
  BudgetLineInput,
  BudgetSource,
  CampaignEventInput,
  todayInVietnam,
  type BudgetLine,
  type CampaignEvent,
  type PlanActivityDetail,
  type Training,
} from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  ConfirmButton,
  DataTable,
  DateField,
  Descriptions,
  Dialog,
  ErrorAlert,
  Flex,
  FormActions,
  List,
  Loading,
  NumberField,
  SelectField,
  SidePanel,
  SubmitButton,
  Tabs,
  TextAreaField,
  TextField,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { ActivityForm } from './ActivityForm.tsx';
import { spentShare, totalsOfLines, sourcesInUse } from './budget.ts';
import { ActivityStatusTag, applyPlanErrors, planResolver } from './display.tsx';
import { useActivity, useInvalidatePlans } from './queries.ts';
import { ParticipantsEditor, TrainingForm } from './TrainingForms.tsx';

type Editable = { activity: PlanActivityDetail; canEdit: boolean };

function useSaved(message: string) {
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  return async () => {
    notify.success(message);
    await invalidate();
  };
}

function About({ activity, canEdit }: Editable) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const d = t.plans.drawer;
  const f = t.plans.activities.fields;
  return (
    <Flex vertical gap="middle">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={f.kind}>{t.plans.activityKinds[activity.kind]}</Descriptions.Item>
        <Descriptions.Item label={f.status}>
          <ActivityStatusTag status={activity.status} />
        </Descriptions.Item>
        <Descriptions.Item label={f.lead}>{activity.lead ?? ''}</Descriptions.Item>
        <Descriptions.Item label={d.partners}>{activity.partners.join('; ')}</Descriptions.Item>
        <Descriptions.Item label={t.plans.activities.columns.timeline}>
          {[formatDate(activity.startDate), formatDate(activity.endDate)].filter(Boolean).join(' – ')}
        </Descriptions.Item>
        {activity.purpose && <Descriptions.Item label={d.purpose}>{activity.purpose}</Descriptions.Item>}
      </Descriptions>
      {activity.details.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{d.details}</Typography.Text>}
          dataSource={activity.details}
          renderItem={(detail) => <List.Item>{detail}</List.Item>}
        />
      )}
      {canEdit && (
        <div>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t.common.edit}
          </Button>
        </div>
      )}
      <SidePanel open={editing} title={t.plans.activities.editTitle} onClose={() => setEditing(false)}>
        {editing && (
          <ActivityForm planId={activity.planId} activity={activity} onDone={() => setEditing(false)} />
        )}
      </SidePanel>
    </Flex>
  );
}

function Notes({ activity, canEdit }: Editable) {
  const { t } = useI18n();
  const saved = useSaved(t.plans.notes.added);
  const form = useForm<z.input<typeof ActivityNoteInput>, unknown, z.output<typeof ActivityNoteInput>>({
    resolver: planResolver(ActivityNoteInput, t),
    defaultValues: { notedOn: todayInVietnam(), text: '' },
  });
  const add = useMutation({
    mutationFn: (body: z.output<typeof ActivityNoteInput>) =>
      call(api.plans.addNote, { params: { id: activity.id }, body }),
    onSuccess: async () => {
      form.reset({ notedOn: todayInVietnam(), text: '' });
      await saved();
    },
    onError: (error) => applyPlanErrors(error, form.setError, t),
  });
  return (
    <Flex vertical gap="middle">
      {canEdit && (
        <AppForm label={t.plans.notes.add} onSubmit={form.handleSubmit((body) => add.mutate(body))}>
          <DateField control={form.control} name="notedOn" label={t.plans.notes.notedOn} />
          <TextAreaField control={form.control} name="text" label={t.plans.notes.text} />
          <ErrorAlert error={add.error} />
          <FormActions>
            <SubmitButton loading={add.isPending}>{t.plans.notes.add}</SubmitButton>
          </FormActions>
        </AppForm>
      )}
      <List
        dataSource={activity.notes}
        locale={{ emptyText: t.plans.notes.empty }}
        renderItem={(note) => (
          <List.Item>
            <List.Item.Meta
              title={format(t.plans.notes.by, {
                date: formatDate(note.notedOn),
                author: note.authorName ?? '',
              })}
              description={<span className="pre-line">{note.text}</span>}
            />
          </List.Item>
        )}
      />
    </Flex>
  );
}

function Documents({ activity, canEdit }: Editable) {
  const { t } = useI18n();
  const saved = useSaved(t.plans.documents.added);
  const removedMessage = useSaved(t.plans.documents.removed);
  type Values = z.input<typeof ActivityDocumentInput>;
  const form = useForm<Values, unknown, z.output<typeof ActivityDocumentInput>>({
    resolver: planResolver(ActivityDocumentInput, t),
    defaultValues: { title: '', number: null, issuedOn: null, reference: null },
  });
  const add = useMutation({
    mutationFn: (body: z.output<typeof ActivityDocumentInput>) =>
      call(api.plans.addDocument, { params: { id: activity.id }, body }),
    onSuccess: async () => {
      form.reset();
      await saved();
    },
    onError: (error) => applyPlanErrors(error, form.setError, t),
  });
  const remove = useMutation({
    mutationFn: (documentId: string) =>
      call(api.plans.removeDocument, { params: { id: activity.id, documentId } }),
    onSuccess: removedMessage,
  });
  const d = t.plans.documents;
  return (
    <Flex vertical gap="middle">
      <List
        dataSource={activity.documents}
        locale={{ emptyText: d.empty }}
        renderItem={(document) => (
          <List.Item
            actions={
              canEdit
                ? [
                    <ConfirmButton
                      key="remove"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      question={format(d.removeConfirm, { title: document.title })}
                      onConfirm={() => remove.mutateAsync(document.id)}
                    >
                      {d.remove}
                    </ConfirmButton>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={document.title}
              description={
                <Flex vertical gap={0}>
                  <span>{[document.number, formatDate(document.issuedOn)].filter(Boolean).join(' · ')}</span>
                  {document.reference &&
                    (/^https?:\/\//.test(document.reference) ? (
                      <a href={document.reference} target="_blank" rel="noreferrer noopener">
                        {document.reference}
                      </a>
                    ) : (
                      <span>{document.reference}</span>
                    ))}
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      <ErrorAlert error={remove.error} />
      {canEdit && (
        <AppForm label={d.add} onSubmit={form.handleSubmit((body) => add.mutate(body))}>
          <TextField control={form.control} name="title" label={d.title} maxLength={500} />
          <Flex gap="middle">
            <TextField control={form.control} name="number" label={d.number} emptyAs="null" />
            <DateField control={form.control} name="issuedOn" label={d.issuedOn} />
          </Flex>
          <TextField
            control={form.control}
            name="reference"
            label={d.reference}
            hint={d.referenceHint}
            emptyAs="null"
          />
          <ErrorAlert error={add.error} />
          <FormActions>
            <SubmitButton loading={add.isPending}>{d.add}</SubmitButton>
          </FormActions>
        </AppForm>
      )}
    </Flex>
  );
}

function Events({ activity, canEdit }: Editable) {
  const { t, formatNumber } = useI18n();
  const saved = useSaved(t.plans.events.added);
  const removedMessage = useSaved(t.plans.events.removed);
  type Values = z.input<typeof CampaignEventInput>;
  const form = useForm<Values, unknown, z.output<typeof CampaignEventInput>>({
    resolver: planResolver(CampaignEventInput, t),
    defaultValues: { heldOn: todayInVietnam(), place: '', audience: '', note: null },
  });
  const add = useMutation({
    mutationFn: (body: z.output<typeof CampaignEventInput>) =>
      call(api.plans.addEvent, { params: { id: activity.id }, body }),
    onSuccess: async () => {
      form.reset({ heldOn: todayInVietnam(), place: '', audience: '', note: null });
      await saved();
    },
    onError: (error) => applyPlanErrors(error, form.setError, t),
  });
  const remove = useMutation({
    mutationFn: (eventId: string) => call(api.plans.removeEvent, { params: { id: activity.id, eventId } }),
    onSuccess: removedMessage,
  });
  const e = t.plans.events;
  const columns: DataColumns<CampaignEvent> = [
    { key: 'heldOn', title: e.heldOn, render: (_, event) => formatDate(event.heldOn) },
    { key: 'place', title: e.place, dataIndex: 'place' },
    { key: 'audience', title: e.audience, dataIndex: 'audience' },
    { key: 'reach', title: e.reach, align: 'right', render: (_, event) => formatNumber(event.reach) },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, event: CampaignEvent) => (
              <ConfirmButton
                size="small"
                danger
                icon={<DeleteOutlined />}
                question={format(e.removeConfirm, { date: formatDate(event.heldOn) })}
                onConfirm={() => remove.mutateAsync(event.id)}
              >
                {e.remove}
              </ConfirmButton>
            ),
          },
        ]
      : []),
  ];
  const reach = activity.events.reduce((sum, event) => sum + event.reach, 0);
  return (
    <Flex vertical gap="middle">
      <DataTable
        columns={columns}
        data={activity.events}
        rowKey={(event) => event.id}
        emptyText={e.empty}
        size="small"
      />
      {activity.events.length > 0 && (
        <Typography.Text>{format(e.total, { reach: formatNumber(reach) })}</Typography.Text>
      )}
      <ErrorAlert error={remove.error} />
      {canEdit && (
        <AppForm label={e.add} onSubmit={form.handleSubmit((body) => add.mutate(body))}>
          <DateField control={form.control} name="heldOn" label={e.heldOn} />
          <TextField control={form.control} name="place" label={e.place} />
          <TextField control={form.control} name="audience" label={e.audience} />
          <NumberField control={form.control} name="reach" label={e.reach} min={0} />
          <TextField control={form.control} name="note" label={e.note} emptyAs="null" />
          <ErrorAlert error={add.error} />
          <FormActions>
            <SubmitButton loading={add.isPending}>{e.add}</SubmitButton>
          </FormActions>
        </AppForm>
      )}
    </Flex>
  );
}

function Trainings({ activity, canEdit }: Editable) {
  const { t } = useI18n();
  const removedMessage = useSaved(t.plans.trainings.removed);
  const [editing, setEditing] = useState<Training | 'new' | null>(null);
  const [sheet, setSheet] = useState<Training | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => call(api.plans.removeTraining, { params: { id } }),
    onSuccess: removedMessage,
  });
  const f = t.plans.trainings;
  const columns: DataColumns<Training> = [
    {
      key: 'topic',
      title: f.topic,
      render: (_, course) => (
        <Flex vertical gap={0}>
          <span>{course.topic}</span>
          <Typography.Text type="secondary">{t.plans.trainingKinds[course.kind]}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'dates',
      title: t.plans.activities.columns.timeline,
      render: (_, course) =>
        course.startDate === course.endDate
          ? formatDate(course.startDate)
          : `${formatDate(course.startDate)} – ${formatDate(course.endDate)}`,
    },
    { key: 'unit', title: f.unit, render: (_, course) => course.unit.fullName },
    {
      key: 'attendance',
      title: f.attended,
      render: (_, course) =>
        format(f.attendance, { attended: course.attendedCount, total: course.participantCount }),
    },
    {
      key: 'actions',
      title: t.common.actions,
      render: (_, course) => (
        <Flex gap={4} wrap>
          <Button size="small" icon={<TeamOutlined />} onClick={() => setSheet(course)}>
            {f.open}
          </Button>
          {canEdit && (
            <>
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(course)}>
                {t.common.edit}
              </Button>
              <ConfirmButton
                size="small"
                danger
                icon={<DeleteOutlined />}
                question={format(f.removeConfirm, { topic: course.topic })}
                onConfirm={() => remove.mutateAsync(course.id)}
              >
                {f.remove}
              </ConfirmButton>
            </>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap="middle">
      {canEdit && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {f.add}
          </Button>
        </div>
      )}
      <DataTable
        columns={columns}
        data={activity.trainings}
        rowKey={(course) => course.id}
        emptyText={f.empty}
        size="small"
      />
      <ErrorAlert error={remove.error} />
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? f.addTitle : f.editTitle}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <TrainingForm
            activity={activity}
            training={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
      <Dialog
        open={sheet !== null}
        title={sheet ? format(f.participantsTitle, { topic: sheet.topic }) : ''}
        onClose={() => setSheet(null)}
        width={960}
      >
        {sheet && <ParticipantsEditor courseId={sheet.id} onDone={() => setSheet(null)} />}
      </Dialog>
    </Flex>
  );
}

function BudgetLineForm({
  activity,
  line,
  onDone,
}: {
  activity: PlanActivityDetail;
  line?: BudgetLine;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const saved = useSaved(t.plans.budget.saved);
  type Values = z.input<typeof BudgetLineInput>;
  const form = useForm<Values, unknown, z.output<typeof BudgetLineInput>>({
    resolver: planResolver(BudgetLineInput, t),
    defaultValues: line
      ? {
          source: line.source,
          year: line.year,
          plannedVnd: line.plannedVnd,
          spentVnd: line.spentVnd,
          note: line.note,
        }
      : {
          year: Math.min(
            Math.max(Number(todayInVietnam().slice(0, 4)), activity.planPeriodStart),
            activity.planPeriodEnd,
          ),
          spentVnd: 0,
          note: null,
        },
  });
  const save = useMutation({
    mutationFn: (body: z.output<typeof BudgetLineInput>) =>
      line
        ? call(api.plans.updateBudgetLine, { params: { id: line.id }, body })
        : call(api.plans.addBudgetLine, { params: { id: activity.id }, body }),
    onSuccess: async () => {
      await saved();
      onDone();
    },
    onError: (error) => applyPlanErrors(error, form.setError, t),
  });
  const b = t.plans.budget;
  return (
    <AppForm
      label={line ? b.editTitle : b.addTitle}
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
    >
      <SelectField
        control={form.control}
        name="source"
        label={b.source}
        options={BudgetSource.options.map((source) => ({
          value: source,
          label: t.plans.budgetSources[source],
        }))}
      />
      <NumberField
        control={form.control}
        name="year"
        label={b.year}
        min={activity.planPeriodStart}
        max={activity.planPeriodEnd}
      />
      <NumberField control={form.control} name="plannedVnd" label={b.planned} min={0} />
      <NumberField control={form.control} name="spentVnd" label={b.spent} min={0} />
      <TextField control={form.control} name="note" label={b.note} emptyAs="null" />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function Budget({ activity, canEdit }: Editable) {
  const { t, formatNumber } = useI18n();
  const removedMessage = useSaved(t.plans.budget.removed);
  const [editing, setEditing] = useState<BudgetLine | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => call(api.plans.removeBudgetLine, { params: { id } }),
    onSuccess: removedMessage,
  });
  const b = t.plans.budget;
  const totals = totalsOfLines(activity.budgetLines);
  const share = (planned: number, spent: number) => {
    const value = spentShare({ planned, spent });
    return value === null ? '' : `${formatNumber(Math.round(value * 1000) / 10)}%`;
  };
  const columns: DataColumns<BudgetLine> = [
    { key: 'source', title: b.source, render: (_, line) => t.plans.budgetSources[line.source] },
    { key: 'year', title: b.year, dataIndex: 'year' },
    { key: 'planned', title: b.planned, align: 'right', render: (_, line) => formatNumber(line.plannedVnd) },
    { key: 'spent', title: b.spent, align: 'right', render: (_, line) => formatNumber(line.spentVnd) },
    { key: 'note', title: b.note, render: (_, line) => line.note ?? '' },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, line: BudgetLine) => (
              <Flex gap={4}>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(line)}>
                  {t.common.edit}
                </Button>
                <ConfirmButton
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  question={b.removeConfirm}
                  onConfirm={() => remove.mutateAsync(line.id)}
                >
                  {b.remove}
                </ConfirmButton>
              </Flex>
            ),
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap="middle">
      {canEdit && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {b.add}
          </Button>
        </div>
      )}
      <DataTable
        columns={columns}
        data={activity.budgetLines}
        rowKey={(line) => line.id}
        emptyText={b.empty}
        size="small"
      />
      {activity.budgetLines.length > 0 && (
        <Descriptions column={1} size="small" bordered title={b.bySource}>
          {sourcesInUse(totals.bySource).map((row) => (
            <Descriptions.Item key={row.source} label={t.plans.budgetSources[row.source]}>
              {formatNumber(row.planned)} / {formatNumber(row.spent)} {share(row.planned, row.spent)}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={b.total}>
            <strong>
              {formatNumber(totals.total.planned)} / {formatNumber(totals.total.spent)}{' '}
              {share(totals.total.planned, totals.total.spent)}
            </strong>
          </Descriptions.Item>
        </Descriptions>
      )}
      <ErrorAlert error={remove.error} />
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? b.addTitle : b.editTitle}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <BudgetLineForm
            activity={activity}
            line={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
    </Flex>
  );
}

/** One activity in a side panel: what it is, and everything that records its progress, each on its own tab. */
export function ActivityDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const query = useActivity(id);
  const activity = query.data;
  const canEdit = Boolean(activity?.editable && activity.planStatus !== 'closed');
  const d = t.plans.drawer.tabs;
  return (
    <SidePanel open={Boolean(id)} title={activity?.title ?? t.common.loading} onClose={onClose}>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        activity && (
          <Tabs
            items={[
              { key: 'about', label: d.about, children: <About activity={activity} canEdit={canEdit} /> },
              {
                key: 'notes',
                label: d.notes,
                children: <Notes activity={activity} canEdit={canEdit} />,
              },
              {
                key: 'documents',
                label: d.documents,
                children: <Documents activity={activity} canEdit={canEdit} />,
              },
              {
                key: 'events',
                label: d.events,
                children: <Events activity={activity} canEdit={canEdit} />,
              },
              {
                key: 'trainings',
                label: d.trainings,
                children: <Trainings activity={activity} canEdit={canEdit} />,
              },
              { key: 'budget', label: d.budget, children: <Budget activity={activity} canEdit={canEdit} /> },
            ]}
          />
        )
      )}
    </SidePanel>
  );
}
