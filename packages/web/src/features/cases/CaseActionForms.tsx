import { useState } from 'react';
import {
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type FieldPath,
  type FieldValues,
  type UseFormReturn,
} from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  api,
  closeReasons,
  closeReasonNames,
  reviewConclusions,
  riskItemIsCapacity,
  riskItems,
  riskLevelNames,
  riskLevels,
  todayInVietnam,
  type CaseAction,
  type CaseActionType,
  type CaseDetail,
  type RiskItem,
  type RiskLevel,
} from '@treem/shared';
import { call } from '../../api/client.ts';
import { isApiError } from '../../api/ApiError.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  AppForm,
  Button,
  Card,
  ChoiceField,
  DateField,
  ErrorAlert,
  Flex,
  FormActions,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  Typography,
  useNotify,
} from '../../ui/index.ts';
import {
  actionFormFields,
  caseActionResolver,
  checkAction,
  defaultActionValues,
  lastSubmittedPlan,
  serverActionIssues,
  type ActionValues,
  type FormContext,
} from './actionForms.ts';
import { actionName, optionsOf, riskItemName, serviceOptions } from './catalogue.ts';
import { useCaseChanged } from './queries.ts';

type Ratings = Partial<Record<RiskItem, RiskLevel>>;

interface FormProps {
  detail: CaseDetail;
  /** The case changed under the form (409 CASE_STEP_CONFLICT): the page reloads it. */
  onConflict: () => void;
  onDone: () => void;
}

const yesNo = (t: Messages) => [
  { value: true, label: t.common.yes },
  { value: false, label: t.common.no },
];

/**
 * Sends `{ version, action }`. A 409 means the case moved on since the form was filled: the page reloads the case
 * instead of showing the form's values against a step that no longer exists. Field issues from the server land
 * on the form's fields; others are listed under it.
 */
function useActionSubmit<V extends FieldValues>(
  type: CaseActionType,
  { detail, onConflict, onDone }: FormProps,
  form: UseFormReturn<V>,
) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const changed = useCaseChanged();
  const [other, setOther] = useState<string[]>([]);
  const mutation = useMutation({
    // Two doors: the worker acts through /actions, the leader decides through /decisions.
    mutationFn: (action: CaseAction) =>
      call(detail.relation === 'approver' ? api.cases.decide : api.cases.act, {
        params: { id: detail.id },
        body: { version: detail.version, action },
      }),
    onSuccess: async (next, action) => {
      notify.success(format(t.cases.next.done, { action: actionName(action.type, language) }));
      await changed(detail.id, next);
      onDone();
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.code === 'CASE_STEP_CONFLICT') {
        onConflict();
        return;
      }
      const fields = actionFormFields(type);
      const { placed, other: rest } = serverActionIssues(error.issues, t);
      for (const issue of placed) {
        if (fields.includes(issue.path.split('.')[0] ?? ''))
          form.setError(issue.path as FieldPath<V>, { type: 'server', message: issue.message });
        else rest.push(issue.message);
      }
      setOther(rest);
    },
  });
  return {
    submit: form.handleSubmit((values) => {
      setOther([]);
      // The resolver has checked the values: they make a whole action.
      const { action } = checkAction(type, values as unknown as ActionValues[typeof type], t);
      if (action) mutation.mutate(action);
    }),
    mutation,
    other,
  };
}

function Footer({ error, other, pending }: { error: unknown; other: readonly string[]; pending: boolean }) {
  const { t } = useI18n();
  // A conflict reloads the case and says so above the form; repeating it here would only confuse.
  const shown = isApiError(error) && error.code === 'CASE_STEP_CONFLICT' ? null : error;
  return (
    <>
      <ErrorAlert error={shown} />
      {other.length > 0 && (
        <div>
          <Typography.Text type="danger">{t.cases.next.otherIssues}</Typography.Text>
          <ul className="plain-list">
            {other.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <FormActions>
        <SubmitButton loading={pending}>{t.cases.next.submit}</SubmitButton>
      </FormActions>
    </>
  );
}

function useFormContext(detail: CaseDetail): FormContext {
  return { today: todayInVietnam(), now: new Date(), previousPlan: lastSubmittedPlan(detail.events) };
}

/** One choice of Cao / Trung bình / Thấp per risk item of the assessment forms (Mẫu 02, 06). */
function RatingsField<T extends { ratings: Ratings }>({
  control,
  error,
}: {
  control: Control<T>;
  error: string | undefined;
}) {
  const { t, language } = useI18n();
  return (
    <fieldset className="plan-item">
      <legend>
        <Typography.Text strong>{t.cases.fields.ratings}</Typography.Text>
      </legend>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {riskItems.map((item) => (
        <ChoiceField
          key={item}
          control={control}
          name={`ratings.${item}` as FieldPath<T>}
          label={riskItemName(item, language)}
          // The child's capacity is rated as a capacity: "Cao" there is a low risk.
          hint={riskItemIsCapacity[item] ? t.cases.fields.capacityHint : undefined}
          options={optionsOf(riskLevelNames, riskLevels, language)}
        />
      ))}
    </fieldset>
  );
}

function rootError(errors: unknown): string | undefined {
  const message = (errors as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

function AssessInitialForm(props: FormProps) {
  const { detail } = props;
  const { t, language } = useI18n();
  const context = useFormContext(detail);
  const form = useForm<ActionValues['assess_initial']>({
    resolver: caseActionResolver('assess_initial', t),
    defaultValues: defaultActionValues('assess_initial', context),
  });
  const verified = useWatch({ control: form.control, name: 'verified' });
  const { submit, mutation, other } = useActionSubmit('assess_initial', props, form);
  return (
    <AppForm label={actionName('assess_initial', language)} onSubmit={submit}>
      <ChoiceField
        control={form.control}
        name="verified"
        label={t.cases.fields.verified}
        options={yesNo(t)}
      />
      {verified === true && (
        <>
          <ChoiceField
            control={form.control}
            name="urgent"
            label={t.cases.fields.urgent}
            hint={t.cases.fields.urgentHint}
            options={yesNo(t)}
          />
          <RatingsField control={form.control} error={rootError(form.formState.errors.ratings)} />
        </>
      )}
      <TextAreaField control={form.control} name="findings" label={t.cases.fields.findings} />
      <Footer error={mutation.error} other={other} pending={mutation.isPending} />
    </AppForm>
  );
}

function RecordEmergencyForm(props: FormProps) {
  const { detail } = props;
  const { t, language } = useI18n();
  const context = useFormContext(detail);
  const form = useForm<ActionValues['record_emergency']>({
    resolver: caseActionResolver('record_emergency', t),
    defaultValues: defaultActionValues('record_emergency', context),
  });
  const { submit, mutation, other } = useActionSubmit('record_emergency', props, form);
  return (
    <AppForm label={actionName('record_emergency', language)} onSubmit={submit}>
      <TextAreaField control={form.control} name="measures" label={t.cases.fields.measures} />
      <ChoiceField
        control={form.control}
        name="separated"
        label={t.cases.fields.separated}
        options={yesNo(t)}
      />
      <Flex gap="middle" wrap>
        <div className="filter-field">
          <DateField
            control={form.control}
            name="intervenedOn"
            label={t.cases.fields.intervenedOn}
            notAfter={context.today}
          />
        </div>
        <div className="filter-field">
          <TextField
            control={form.control}
            name="intervenedTime"
            label={t.cases.fields.intervenedTime}
            hint={t.cases.fields.intervenedTimeHint}
            maxLength={5}
          />
        </div>
      </Flex>
      <Footer error={mutation.error} other={other} pending={mutation.isPending} />
    </AppForm>
  );
}

function AssessSpecificForm(props: FormProps) {
  const { detail } = props;
  const { t, language } = useI18n();
  const context = useFormContext(detail);
  const form = useForm<ActionValues['assess_specific']>({
    resolver: caseActionResolver('assess_specific', t),
    defaultValues: defaultActionValues('assess_specific', context),
  });
  const { submit, mutation, other } = useActionSubmit('assess_specific', props, form);
  return (
    <AppForm label={actionName('assess_specific', language)} onSubmit={submit}>
      <TextAreaField control={form.control} name="needs" label={t.cases.fields.needs} />
      <DateField
        control={form.control}
        name="meetingOn"
        label={t.cases.fields.meetingOn}
        notAfter={context.today}
      />
      <TextAreaField
        control={form.control}
        name="meetingParticipants"
        label={t.cases.fields.meetingParticipants}
      />
      <TextAreaField control={form.control} name="conclusions" label={t.cases.fields.conclusions} />
      <Footer error={mutation.error} other={other} pending={mutation.isPending} />
    </AppForm>
  );
}

function SubmitPlanForm(props: FormProps) {
  const { detail } = props;
  const { t, language } = useI18n();
  const context = useFormContext(detail);
  const form = useForm<ActionValues['submit_plan']>({
    resolver: caseActionResolver('submit_plan', t),
    defaultValues: defaultActionValues('submit_plan', context),
  });
  const goals = useFieldArray({ control: form.control, name: 'goals' });
  const actions = useFieldArray({ control: form.control, name: 'actions' });
  const { submit, mutation, other } = useActionSubmit('submit_plan', props, form);
  const goalsError = rootError(form.formState.errors.goals);
  const actionsError = rootError(form.formState.errors.actions);
  return (
    <AppForm label={actionName('submit_plan', language)} onSubmit={submit}>
      <Typography.Title level={3} className="subsection-title">
        {t.cases.fields.goals}
      </Typography.Title>
      {goalsError && <Typography.Text type="danger">{goalsError}</Typography.Text>}
      {goals.fields.map((goal, index) => (
        <Flex key={goal.id} gap="small" align="start">
          <div className="grow-field">
            <TextField
              control={form.control}
              name={`goals.${index}.text`}
              label={format(t.cases.fields.goal, { n: index + 1 })}
            />
          </div>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={format(t.cases.fields.removeGoal, { n: index + 1 })}
            onClick={() => goals.remove(index)}
          />
        </Flex>
      ))}
      <div className="plan-item">
        <Button icon={<PlusOutlined />} onClick={() => goals.append({ text: '' })}>
          {t.cases.fields.addGoal}
        </Button>
      </div>

      <Typography.Title level={3} className="subsection-title">
        {t.cases.fields.actions}
      </Typography.Title>
      {actionsError && <Typography.Text type="danger">{actionsError}</Typography.Text>}
      {actions.fields.map((action, index) => {
        const n = index + 1;
        return (
          <Card
            key={action.id}
            size="small"
            className="plan-item"
            title={format(t.cases.fields.action, { n })}
            extra={
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={format(t.cases.fields.removeAction, { n })}
                onClick={() => actions.remove(index)}
              />
            }
          >
            <TextAreaField
              control={form.control}
              name={`actions.${index}.description`}
              label={format(t.cases.fields.actionDescription, { n })}
            />
            <TextField
              control={form.control}
              name={`actions.${index}.responsible`}
              label={format(t.cases.fields.responsible, { n })}
            />
            <DateField
              control={form.control}
              name={`actions.${index}.dueOn`}
              label={format(t.cases.fields.dueOn, { n })}
            />
            <SelectField
              control={form.control}
              name={`actions.${index}.serviceCode`}
              label={format(t.cases.fields.service, { n })}
              options={serviceOptions(language)}
              allowClear
            />
          </Card>
        );
      })}
      <div className="plan-item">
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            actions.append({ description: '', responsible: '', dueOn: undefined, serviceCode: null })
          }
        >
          {t.cases.fields.addAction}
        </Button>
      </div>
      <DateField control={form.control} name="reviewOn" label={t.cases.fields.reviewOn} />
      <Footer error={mutation.error} other={other} pending={mutation.isPending} />
    </AppForm>
  );
}

function ApprovePlanForm(props: FormProps) {
  const { detail } = props;
  const { t, language } = useI18n();
  const context = useFormContext(detail);
  const form = useForm<ActionValues['approve_plan']>({
    resolver: caseActionResolver('approve_plan', t),
    defaultValues: defaultActionValues('approve_plan', context),
  });
  const { submit, mutation, other } = useActionSubmit('approve_plan', props, form);
  return (
    <AppForm label={actionName('approve_plan', language)} onSubmit={submit}>
      <TextField control={form.control} name="decisionNumber" label={t.cases.fields.decisionNumber} />
      <DateField
        control={form.control}
        name="decidedOn"
        label={t.cases.fields.decidedOn}
        notAfter={context.today}
      />
      <Footer error={mutation.error} other={other} pending={mutation.isPending} />
    </AppForm>
  );
}

/** The actions whose whole form is a reason: return a plan, keep a case open, reopen it. */
function ReasonForm({
  type,
  label,
  ...props
}: FormProps & { type: 'return_plan' | 'keep_open' | 'reopen'; label: string }) {
  const { detail } = props;
  const { t, language } = useI18n();
  const context = useFormContext(detail);
  const form = useForm<ActionValues['return_plan']>({
    resolver: caseActionResolver(type, t),
    defaultValues: defaultActionValues(type, context),
  });
  const { submit, mutation, other } = useActionSubmit(type, props, form);
  return (
    <AppForm label={actionName(type, language)} onSubmit={submit}>
      <TextAreaField control={form.control} name="reason" label={label} />
      <Footer error={mutation.error} other={other} pending={mutation.isPending} />
    </AppForm>
  );
}

function ReviewForm(props: FormProps) {
  const { detail } = props;
  const { t, language } = useI18n();
  const context = useFormContext(detail);
  const form = useForm<ActionValues['review']>({
    resolver: caseActionResolver('review', t),
    defaultValues: defaultActionValues('review', context),
  });
  const conclusion = useWatch({ control: form.control, name: 'conclusion' });
  const { submit, mutation, other } = useActionSubmit('review', props, form);
  return (
    <AppForm label={actionName('review', language)} onSubmit={submit}>
      <RatingsField control={form.control} error={rootError(form.formState.errors.ratings)} />
      <TextAreaField control={form.control} name="findings" label={t.cases.fields.findings} />
      <ChoiceField
        control={form.control}
        name="conclusion"
        label={t.cases.fields.conclusion}
        options={reviewConclusions.map((value) => ({ value, label: t.cases.conclusions[value] }))}
      />
      {conclusion === 'continue' && (
        <DateField control={form.control} name="nextReviewOn" label={t.cases.fields.nextReviewOn} />
      )}
      <Footer error={mutation.error} other={other} pending={mutation.isPending} />
    </AppForm>
  );
}

function CloseForm(props: FormProps) {
  const { detail } = props;
  const { t, language } = useI18n();
  const context = useFormContext(detail);
  const form = useForm<ActionValues['close']>({
    resolver: caseActionResolver('close', t),
    defaultValues: defaultActionValues('close', context),
  });
  const { submit, mutation, other } = useActionSubmit('close', props, form);
  // "Not verified" closes a report at the initial assessment only (`caseActionIssues`).
  const reasons = closeReasons.filter((reason) => reason !== 'not_verified');
  return (
    <AppForm label={actionName('close', language)} onSubmit={submit}>
      <SelectField
        control={form.control}
        name="reason"
        label={t.cases.fields.closeReason}
        options={optionsOf(closeReasonNames, reasons, language)}
      />
      <TextAreaField
        control={form.control}
        name="note"
        label={t.cases.fields.closeNote}
        hint={t.common.optional}
      />
      <Footer error={mutation.error} other={other} pending={mutation.isPending} />
    </AppForm>
  );
}

/** The form of one action, with exactly the fields of its `CaseAction` schema. */
export function CaseActionForm({ type, ...props }: FormProps & { type: CaseActionType }) {
  const { t } = useI18n();
  switch (type) {
    case 'assess_initial':
      return <AssessInitialForm {...props} />;
    case 'record_emergency':
      return <RecordEmergencyForm {...props} />;
    case 'assess_specific':
      return <AssessSpecificForm {...props} />;
    case 'submit_plan':
      return <SubmitPlanForm {...props} />;
    case 'approve_plan':
      return <ApprovePlanForm {...props} />;
    case 'return_plan':
      return <ReasonForm {...props} type={type} label={t.cases.fields.returnReason} />;
    case 'review':
      return <ReviewForm {...props} />;
    case 'close':
      return <CloseForm {...props} />;
    case 'keep_open':
      return <ReasonForm {...props} type={type} label={t.cases.fields.keepOpenReason} />;
    case 'reopen':
      return <ReasonForm {...props} type={type} label={t.cases.fields.reopenReason} />;
  }
}
