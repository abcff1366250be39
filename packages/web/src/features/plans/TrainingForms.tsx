import { useForm, useFieldArray, Controller } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  api,
  ParticipantRole,
  PlainDateString,
  TrainingKind,
  TrainingParticipantsInput,
  Uuid,
  type PlanActivityDetail,
  type Training,
  type TrainingDetail,
} from '@treem/shared';
import { z } from 'zod';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  Checkbox,
  DateField,
  ErrorAlert,
  Flex,
  FormActions,
  Input,
  Loading,
  Select,
  SelectField,
  SubmitButton,
  TextField,
  Typography,
  useNotify,
} from '../../ui/index.ts';
import { OrgUnitPickerField } from '../orgUnits/OrgUnitPicker.tsx';
import { applyPlanErrors, planResolver } from './display.tsx';
import { useInvalidatePlans, useTraining } from './queries.ts';

const CourseForm = z
  .object({
    kind: TrainingKind,
    topic: z.string().trim().min(1).max(500),
    trainer: z.string().trim().max(300).nullish(),
    startDate: PlainDateString,
    endDate: PlainDateString,
    place: z.string().trim().max(300).nullish(),
    unitId: Uuid.nullish(),
  })
  .superRefine((value, context) => {
    if (value.endDate < value.startDate)
      context.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
  });
type CourseValues = z.input<typeof CourseForm>;
type CourseOutput = z.output<typeof CourseForm>;

/** A training course or parenting session of an activity: what, who taught, when, where, run by which unit. */
export function TrainingForm({
  activity,
  training,
  onDone,
}: {
  activity: PlanActivityDetail;
  training?: Training;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  const form = useForm<CourseValues, unknown, CourseOutput>({
    resolver: planResolver(CourseForm, t),
    defaultValues: training
      ? {
          kind: training.kind,
          topic: training.topic,
          trainer: training.trainer,
          startDate: training.startDate,
          endDate: training.endDate,
          place: training.place,
          unitId: training.unit.id === activity.planUnit.id ? null : training.unit.id,
        }
      : {
          kind: activity.kind === 'parenting_education' ? 'parenting_session' : 'training',
          topic: '',
          trainer: null,
          place: null,
          unitId: null,
        },
  });
  const save = useMutation({
    mutationFn: (values: CourseOutput) => {
      const body = {
        kind: values.kind,
        topic: values.topic,
        trainer: values.trainer || null,
        startDate: values.startDate,
        endDate: values.endDate,
        place: values.place || null,
        unitId: values.unitId || null,
      };
      return training
        ? call(api.plans.updateTraining, { params: { id: training.id }, body })
        : call(api.plans.addTraining, { params: { id: activity.id }, body });
    },
    onSuccess: async () => {
      notify.success(t.plans.trainings.saved);
      await invalidate();
      onDone();
    },
    onError: (error) => applyPlanErrors(error, form.setError, t),
  });
  const f = t.plans.trainings;
  return (
    <AppForm
      label={training ? f.editTitle : f.addTitle}
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <SelectField
        control={form.control}
        name="kind"
        label={f.kind}
        options={TrainingKind.options.map((kind) => ({ value: kind, label: t.plans.trainingKinds[kind] }))}
      />
      <TextField control={form.control} name="topic" label={f.topic} maxLength={500} />
      <TextField control={form.control} name="trainer" label={f.trainer} emptyAs="null" />
      <Flex gap="middle">
        <DateField control={form.control} name="startDate" label={f.startDate} />
        <DateField control={form.control} name="endDate" label={f.endDate} />
      </Flex>
      <TextField control={form.control} name="place" label={f.place} emptyAs="null" />
      <OrgUnitPickerField
        control={form.control}
        name="unitId"
        label={f.unit}
        hint={f.unitHint}
        allowedLevels={activity.planUnit.level === 'province' ? ['province', 'commune'] : ['commune']}
        known={training ? [training.unit] : []}
      />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

type SheetValues = z.input<typeof TrainingParticipantsInput>;
type SheetOutput = z.output<typeof TrainingParticipantsInput>;

function SheetEditor({ course, onDone }: { course: TrainingDetail; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  const form = useForm<SheetValues, unknown, SheetOutput>({
    resolver: zodResolver(TrainingParticipantsInput),
    defaultValues: {
      participants: course.participants.map((p) => ({
        fullName: p.fullName,
        role: p.role,
        sex: p.sex,
        unitName: p.unitName,
        attended: p.attended,
      })),
    },
  });
  const rows = useFieldArray({ control: form.control, name: 'participants' });
  const save = useMutation({
    mutationFn: (values: SheetOutput) =>
      call(api.plans.setParticipants, { params: { id: course.id }, body: values }),
    onSuccess: async () => {
      notify.success(t.plans.trainings.participantsSaved);
      await invalidate();
      onDone();
    },
    onError: (error) => applyPlanErrors(error, form.setError, t),
  });
  const f = t.plans.trainings;
  const editable = course.editable;
  return (
    <AppForm
      label={format(f.participantsTitle, { topic: course.topic })}
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <Typography.Paragraph type="secondary">{f.participantsHint}</Typography.Paragraph>
      {rows.fields.length === 0 && <Typography.Text type="secondary">{f.noParticipants}</Typography.Text>}
      <table className="participants-table">
        {rows.fields.length > 0 && (
          <thead>
            <tr>
              <th>{f.fullName}</th>
              <th>{f.role}</th>
              <th>{f.sex}</th>
              <th>{f.unitName}</th>
              <th>{f.attended}</th>
              {editable && <th />}
            </tr>
          </thead>
        )}
        <tbody>
          {rows.fields.map((row, index) => (
            <tr key={row.id}>
              <td>
                <Controller
                  control={form.control}
                  name={`participants.${index}.fullName`}
                  render={({ field, fieldState }) => (
                    <Input
                      {...field}
                      aria-label={f.fullName}
                      status={fieldState.invalid ? 'error' : undefined}
                      title={fieldState.error?.message}
                      disabled={!editable}
                    />
                  )}
                />
              </td>
              <td>
                <Controller
                  control={form.control}
                  name={`participants.${index}.role`}
                  render={({ field, fieldState }) => (
                    <Select
                      value={field.value}
                      onChange={field.onChange}
                      aria-label={f.role}
                      status={fieldState.invalid ? 'error' : undefined}
                      disabled={!editable}
                      popupMatchSelectWidth={false}
                      options={ParticipantRole.options.map((role) => ({
                        value: role,
                        label: t.plans.participantRoles[role],
                      }))}
                    />
                  )}
                />
              </td>
              <td>
                <Controller
                  control={form.control}
                  name={`participants.${index}.sex`}
                  render={({ field, fieldState }) => (
                    <Select
                      value={field.value}
                      onChange={field.onChange}
                      aria-label={f.sex}
                      status={fieldState.invalid ? 'error' : undefined}
                      disabled={!editable}
                      options={(['female', 'male'] as const).map((sex) => ({
                        value: sex,
                        label: t.plans.sexes[sex],
                      }))}
                    />
                  )}
                />
              </td>
              <td>
                <Controller
                  control={form.control}
                  name={`participants.${index}.unitName`}
                  render={({ field }) => (
                    <Input
                      value={field.value ?? ''}
                      onChange={(event) => field.onChange(event.target.value || null)}
                      aria-label={f.unitName}
                      disabled={!editable}
                    />
                  )}
                />
              </td>
              <td>
                <Controller
                  control={form.control}
                  name={`participants.${index}.attended`}
                  render={({ field }) => (
                    <Checkbox
                      checked={field.value}
                      onChange={(event) => field.onChange(event.target.checked)}
                      aria-label={f.attended}
                      disabled={!editable}
                    />
                  )}
                />
              </td>
              {editable && (
                <td>
                  <Button
                    size="small"
                    danger
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={f.removeParticipant}
                    onClick={() => rows.remove(index)}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <div>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              rows.append({
                fullName: '',
                role: course.kind === 'parenting_session' ? 'parent' : 'health_staff',
                sex: 'female',
                unitName: null,
                attended: true,
              })
            }
          >
            {f.addParticipant}
          </Button>
        </div>
      )}
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        {editable && <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>}
      </FormActions>
    </AppForm>
  );
}

/** A course's sign-in sheet: who came, in which role, present or not (replaced as a whole on save). */
export function ParticipantsEditor({ courseId, onDone }: { courseId: string; onDone: () => void }) {
  const course = useTraining(courseId);
  if (course.isPending) return <Loading />;
  if (course.isError) return <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />;
  return <SheetEditor course={course.data} onDone={onDone} />;
}
