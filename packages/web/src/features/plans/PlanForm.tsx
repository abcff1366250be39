import { useForm } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import { api, todayInVietnam, Uuid, type PlanDetail } from '@treem/shared';
import { z } from 'zod';
import { call } from '../../api/client.ts';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  AppForm,
  Button,
  DateField,
  ErrorAlert,
  Flex,
  FormActions,
  NumberField,
  SubmitButton,
  TextAreaField,
  TextField,
  useNotify,
} from '../../ui/index.ts';
import { OrgUnitPickerField } from '../orgUnits/OrgUnitPicker.tsx';
import { applyPlanErrors, planResolver } from './display.tsx';
import { planBody, PlanForm as PlanFormSchema, planFormValues } from './planForms.ts';
import { useInvalidatePlans } from './queries.ts';

const CreateForm = PlanFormSchema.and(z.object({ unitId: Uuid }));
type Values = z.input<typeof CreateForm>;
type Output = z.output<typeof CreateForm>;

const renamed = { legalBasis: 'legalBasisText', fundingSources: 'fundingSourcesText' };

/** A new plan from scratch (`plan` absent) or a plan's header fields, sent with the version they were read at. */
export function PlanForm({
  plan,
  onDone,
  onSaved,
}: {
  plan?: PlanDetail;
  onDone: () => void;
  onSaved?: (saved: PlanDetail) => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  const { unit: working } = useWorkingUnit();
  const owner =
    working && (working.level === 'province' || working.level === 'commune') ? working : undefined;
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const form = useForm<Values, unknown, Output>({
    resolver: planResolver(CreateForm, t),
    defaultValues: { ...planFormValues(plan, thisYear), unitId: plan?.unit.id ?? owner?.orgUnitId ?? '' },
  });
  const save = useMutation({
    mutationFn: async (values: Output) =>
      plan
        ? call(api.plans.update, {
            params: { id: plan.id },
            body: { ...planBody(values), version: plan.version },
          })
        : call(api.plans.create, { body: { ...planBody(values), unitId: values.unitId } }),
    onSuccess: async (saved) => {
      notify.success(plan ? t.plans.detail.saved : t.plans.create.created);
      await invalidate();
      onSaved?.(saved);
      onDone();
    },
    onError: (error) => applyPlanErrors(error, form.setError, t, renamed),
  });
  const f = t.plans.fields;

  return (
    <AppForm
      label={plan ? t.plans.detail.editTitle : t.plans.create.title}
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      {!plan && (
        <OrgUnitPickerField
          control={form.control}
          name="unitId"
          label={f.unit}
          hint={f.unitHint}
          allowedLevels={['province', 'commune']}
          known={
            owner
              ? [{ id: owner.orgUnitId, name: owner.name, fullName: owner.fullName, level: owner.level }]
              : []
          }
        />
      )}
      <TextField control={form.control} name="title" label={f.title} autoFocus maxLength={1000} />
      <TextField control={form.control} name="documentNumber" label={f.documentNumber} emptyAs="null" />
      <DateField control={form.control} name="issuedDate" label={f.issuedDate} />
      <TextField control={form.control} name="issuedBy" label={f.issuedBy} emptyAs="null" />
      <Flex gap="middle">
        <NumberField control={form.control} name="periodStart" label={f.periodStart} min={2000} max={2100} />
        <NumberField control={form.control} name="periodEnd" label={f.periodEnd} min={2000} max={2100} />
      </Flex>
      <TextAreaField
        control={form.control}
        name="legalBasisText"
        label={f.legalBasis}
        hint={f.legalBasisHint}
      />
      <TextAreaField
        control={form.control}
        name="generalGoal"
        label={f.generalGoal}
        hint={t.common.optional}
      />
      <TextAreaField
        control={form.control}
        name="fundingSourcesText"
        label={f.fundingSources}
        hint={f.fundingSourcesHint}
      />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}
