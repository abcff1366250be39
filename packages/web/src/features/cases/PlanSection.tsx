import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { api, todayInVietnam, type CaseDetail } from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  Card,
  DataTable,
  DateField,
  Dialog,
  ErrorAlert,
  Flex,
  FormActions,
  SubmitButton,
  Tag,
  TextAreaField,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { withRuleMessages } from '../ecd/forms.ts';
import { lastSubmittedPlan } from './actionForms.ts';
import { serviceName } from './catalogue.ts';
import { useCaseChanged } from './queries.ts';
import { useCaseServerErrors } from './serverIssues.ts';

type PlanAction = CaseDetail['planActions'][number];
type ProgressValues = z.input<typeof api.cases.updatePlanAction.body>;
type ProgressOutput = z.output<typeof api.cases.updatePlanAction.body>;

const statusColour: Record<PlanAction['status'], string> = {
  open: 'blue',
  done: 'green',
  cancelled: 'default',
};

function MarkDoneForm({
  detail,
  action,
  onDone,
}: {
  detail: CaseDetail;
  action: PlanAction;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const changed = useCaseChanged();
  const today = todayInVietnam();
  const form = useForm<ProgressValues, unknown, ProgressOutput>({
    resolver: withRuleMessages(zodResolver(api.cases.updatePlanAction.body), t.cases.issues),
    defaultValues: { status: 'done', doneOn: today, outcome: null },
  });
  const applyErrors = useCaseServerErrors(form.setError, ['doneOn', 'outcome']);
  const save = useMutation({
    mutationFn: (body: ProgressOutput) =>
      call(api.cases.updatePlanAction, { params: { id: detail.id, actionId: action.id }, body }),
    onSuccess: async () => {
      notify.success(t.cases.plan.saved);
      await changed(detail.id);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm
      label={format(t.cases.plan.markDoneFor, { action: action.description })}
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
    >
      <DateField control={form.control} name="doneOn" label={t.cases.plan.doneOn} notAfter={today} />
      <TextAreaField
        control={form.control}
        name="outcome"
        label={t.cases.plan.outcome}
        hint={t.common.optional}
      />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.cases.plan.markDone}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/** The plan in force: its goals, and its actions with their progress, marked done by the case's worker. */
export function PlanSection({ detail }: { detail: CaseDetail }) {
  const { t, language } = useI18n();
  const [marking, setMarking] = useState<PlanAction | null>(null);
  const plan = lastSubmittedPlan(detail.events);
  const editable = detail.relation === 'worker' && detail.step === 'implementing' && !detail.transfer;
  const planNumber = detail.planActions[0]?.planNumber;

  const columns: DataColumns<PlanAction> = [
    {
      key: 'description',
      title: t.cases.plan.description,
      render: (_, a) => <span className="case-text">{a.description}</span>,
    },
    { key: 'responsible', title: t.cases.plan.responsible, render: (_, a) => a.responsible },
    { key: 'dueOn', title: t.cases.plan.dueOn, render: (_, a) => formatDate(a.dueOn) },
    {
      key: 'service',
      title: t.cases.plan.service,
      responsive: ['md'],
      render: (_, a) => (a.serviceCode ? serviceName(a.serviceCode, language) : ''),
    },
    {
      key: 'status',
      title: t.cases.plan.status,
      render: (_, a) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={statusColour[a.status]}>{t.cases.plan.statuses[a.status]}</Tag>
          </span>
          {a.doneOn && <Typography.Text type="secondary">{formatDate(a.doneOn)}</Typography.Text>}
          {a.outcome && <span className="case-text">{a.outcome}</span>}
        </Flex>
      ),
    },
    ...(editable
      ? [
          {
            key: 'progress',
            title: t.common.actions,
            render: (_: unknown, a: PlanAction) =>
              a.status === 'open' ? (
                <Button
                  size="small"
                  aria-label={format(t.cases.plan.markDoneFor, { action: a.description })}
                  onClick={() => setMarking(a)}
                >
                  {t.cases.plan.markDone}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card
      title={
        planNumber && planNumber > 1
          ? `${t.cases.plan.title} · ${format(t.cases.plan.planNumber, { n: planNumber })}`
          : t.cases.plan.title
      }
    >
      <Flex vertical gap="middle">
        {plan && plan.goals.length > 0 && (
          <div>
            <Typography.Text strong>{t.cases.fields.goals}</Typography.Text>
            <ol className="timeline-lines">
              {plan.goals.map((goal, index) => (
                <li key={index}>{goal.text}</li>
              ))}
            </ol>
          </div>
        )}
        <DataTable<PlanAction>
          label={t.cases.plan.title}
          columns={columns}
          data={detail.planActions}
          rowKey={(a) => a.id}
          emptyText={t.cases.plan.empty}
          size="small"
        />
      </Flex>
      <Dialog
        open={marking !== null}
        title={marking ? format(t.cases.plan.markDoneFor, { action: marking.description }) : ''}
        onClose={() => setMarking(null)}
      >
        {marking && <MarkDoneForm detail={detail} action={marking} onDone={() => setMarking(null)} />}
      </Dialog>
    </Card>
  );
}
