import { useForm } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import {
  ActivityKind,
  ActivityStatus,
  api,
  PlainDateString,
  type PlanActivity,
  type PlanActivityDetail,
} from '@treem/shared';
import { z } from 'zod';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  AppForm,
  Button,
  DateField,
  ErrorAlert,
  Flex,
  FormActions,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useNotify,
} from '../../ui/index.ts';
import { applyPlanErrors, planResolver } from './display.tsx';
import { linesOf, textOfLines } from './planForms.ts';
import { useInvalidatePlans } from './queries.ts';

export const ActivityFormSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/)
      .nullish()
      .or(z.literal('')),
    kind: ActivityKind,
    title: z.string().trim().min(1).max(1000),
    lead: z.string().trim().max(300).nullish(),
    partnersText: z.string().max(12_000).nullish(),
    detailsText: z.string().max(300_000).nullish(),
    purpose: z.string().trim().max(3000).nullish(),
    startDate: PlainDateString.nullish(),
    endDate: PlainDateString.nullish(),
    status: ActivityStatus,
  })
  .superRefine((value, context) => {
    if (value.startDate && value.endDate && value.endDate < value.startDate)
      context.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
  });
type Values = z.input<typeof ActivityFormSchema>;
type Output = z.output<typeof ActivityFormSchema>;

function defaults(activity: PlanActivity | undefined): Values {
  return activity
    ? {
        code: activity.code || null,
        kind: activity.kind,
        title: activity.title,
        lead: activity.lead,
        partnersText: textOfLines(activity.partners),
        detailsText: textOfLines(activity.details),
        purpose: activity.purpose,
        startDate: activity.startDate,
        endDate: activity.endDate,
        status: activity.status,
      }
    : {
        code: null,
        kind: 'communication',
        title: '',
        lead: null,
        partnersText: '',
        detailsText: '',
        purpose: null,
        startDate: null,
        endDate: null,
        status: 'planned',
      };
}

/** Add an activity to a plan (`activity` absent), or change one: kind, lead, partners, timeline, status. */
export function ActivityForm({
  planId,
  activity,
  onDone,
  onSaved,
}: {
  planId: string;
  activity?: PlanActivity;
  onDone: () => void;
  onSaved?: (saved: PlanActivityDetail) => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  const form = useForm<Values, unknown, Output>({
    resolver: planResolver(ActivityFormSchema, t),
    defaultValues: defaults(activity),
  });
  const save = useMutation({
    mutationFn: (values: Output) => {
      const body = {
        code: values.code || null,
        kind: values.kind,
        title: values.title,
        lead: values.lead || null,
        partners: linesOf(values.partnersText),
        details: linesOf(values.detailsText),
        purpose: values.purpose || null,
        startDate: values.startDate || null,
        endDate: values.endDate || null,
        status: values.status,
      };
      return activity
        ? call(api.plans.updateActivity, { params: { id: activity.id }, body })
        : call(api.plans.addActivity, { params: { id: planId }, body });
    },
    onSuccess: async (saved) => {
      notify.success(t.plans.activities.saved);
      await invalidate();
      onSaved?.(saved);
      onDone();
    },
    onError: (error) =>
      applyPlanErrors(error, form.setError, t, { partners: 'partnersText', details: 'detailsText' }),
  });
  const f = t.plans.activities.fields;
  return (
    <AppForm
      label={activity ? t.plans.activities.editTitle : t.plans.activities.addTitle}
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <TextField control={form.control} name="title" label={f.title} autoFocus={!activity} maxLength={1000} />
      <SelectField
        control={form.control}
        name="kind"
        label={f.kind}
        options={ActivityKind.options.map((kind) => ({ value: kind, label: t.plans.activityKinds[kind] }))}
      />
      <SelectField
        control={form.control}
        name="status"
        label={f.status}
        options={ActivityStatus.options.map((status) => ({
          value: status,
          label: t.plans.activityStatuses[status],
        }))}
      />
      <TextField control={form.control} name="code" label={f.code} emptyAs="null" maxLength={20} />
      <TextField control={form.control} name="lead" label={f.lead} emptyAs="null" />
      <TextAreaField control={form.control} name="partnersText" label={f.partners} hint={f.partnersHint} />
      <Flex gap="middle">
        <DateField control={form.control} name="startDate" label={f.startDate} />
        <DateField control={form.control} name="endDate" label={f.endDate} />
      </Flex>
      <TextAreaField control={form.control} name="purpose" label={f.purpose} hint={t.common.optional} />
      <TextAreaField control={form.control} name="detailsText" label={f.details} hint={f.detailsHint} />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}
