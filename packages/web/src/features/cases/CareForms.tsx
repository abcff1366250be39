import {
  useForm,
  useWatch,
  type DefaultValues,
  type FieldPath,
  type FieldValues,
  type UseFormSetError,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import {
  api,
  CareDecision,
  carePlacementKindNames,
  carePlacementKinds,
  careWellbeings,
  todayInVietnam,
  type CarePlacement,
  type PersonDetail,
} from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  AppForm,
  Button,
  ChoiceField,
  DateField,
  ErrorAlert,
  FormActions,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useNotify,
} from '../../ui/index.ts';
import { withRuleMessages } from '../ecd/forms.ts';
import { optionsOf } from './catalogue.ts';
import type { CareAction } from './careRules.ts';
import { ProviderPickerField } from './ProviderPickerField.tsx';
import { useCareChanged, usePersonCases } from './queries.ts';
import { useCaseServerErrors } from './serverIssues.ts';

/**
 * Sends one change of a placement and puts the server's answer in place; field issues (`before_decision`,
 * `in_future`…) land on the form's fields in the case catalogue's words.
 */
function useCareSubmit<V extends FieldValues, B>(
  setError: UseFormSetError<V>,
  fields: readonly FieldPath<V>[],
  send: (body: B) => Promise<CarePlacement>,
  done: string,
  onDone: () => void,
) {
  const notify = useNotify();
  const changed = useCareChanged();
  const applyErrors = useCaseServerErrors(setError, fields);
  return useMutation({
    mutationFn: send,
    onSuccess: async (placement) => {
      notify.success(done);
      await changed(placement);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
}

function Footer({
  error,
  pending,
  submit,
  danger,
  onDone,
}: {
  error: unknown;
  pending: boolean;
  submit: string;
  danger?: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <ErrorAlert error={error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={pending} danger={danger}>
          {submit}
        </SubmitButton>
      </FormActions>
    </>
  );
}

type ProposeValues = z.input<typeof api.referrals.proposeCare.body>;
type ProposeOutput = z.output<typeof api.referrals.proposeCare.body>;

/**
 * The worker's proposal: the kind of care and who takes the child in — a social assistance facility of the
 * directory when it is an institution — optionally from one of the child's open cases. The leader decides.
 */
export function ProposeCareForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const { t, language } = useI18n();
  const c = t.cases.care;
  const form = useForm<ProposeValues, unknown, ProposeOutput>({
    resolver: withRuleMessages(zodResolver(api.referrals.proposeCare.body), t.cases.issues),
    defaultValues: {
      personId: person.id,
      caseId: null,
      carerName: '',
      carerRelation: null,
      carerAddress: null,
      carerPhone: null,
      providerId: null,
      note: null,
    },
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const cases = usePersonCases(person.id, true);
  const openCases = (cases.data?.cases ?? []).filter((item) => item.closedAt === null);
  const propose = useCareSubmit(
    form.setError,
    ['kind', 'carerName', 'carerRelation', 'carerAddress', 'carerPhone', 'providerId', 'caseId', 'note'],
    (body: ProposeOutput) => call(api.referrals.proposeCare, { body }),
    c.proposed,
    onDone,
  );
  return (
    <AppForm label={c.propose} onSubmit={form.handleSubmit((body) => propose.mutate(body))}>
      <SelectField
        control={form.control}
        name="kind"
        label={c.kind}
        options={optionsOf(carePlacementKindNames, carePlacementKinds, language)}
      />
      {kind === 'institution' && (
        <ProviderPickerField
          control={form.control}
          name="providerId"
          label={c.institution}
          hint={c.institutionHint}
          notFound={c.noInstitution}
          sector="social_assistance_facility"
          emptyValue={null}
        />
      )}
      <TextField control={form.control} name="carerName" label={c.carerName} hint={c.carerNameHint} />
      {kind !== 'institution' && (
        <TextField control={form.control} name="carerRelation" label={c.carerRelation} emptyAs="null" />
      )}
      <TextField control={form.control} name="carerAddress" label={c.carerAddress} emptyAs="null" />
      <TextField
        control={form.control}
        name="carerPhone"
        label={c.carerPhone}
        inputMode="tel"
        emptyAs="null"
      />
      {openCases.length > 0 && (
        <SelectField
          control={form.control}
          name="caseId"
          label={c.case}
          hint={c.caseHint}
          allowClear
          options={openCases.map((item) => ({ value: item.id, label: item.caseNumber }))}
        />
      )}
      <TextAreaField control={form.control} name="note" label={c.note} hint={t.common.optional} />
      <Footer error={propose.error} pending={propose.isPending} submit={c.propose} onDone={onDone} />
    </AppForm>
  );
}

const [Approval, Refusal] = CareDecision.options;
type ApprovalValues = z.input<typeof Approval>;
type RefusalValues = z.input<typeof Refusal>;

function ApproveForm({ placement, onDone }: { placement: CarePlacement; onDone: () => void }) {
  const { t } = useI18n();
  const c = t.cases.care;
  const today = todayInVietnam();
  const form = useForm<ApprovalValues>({
    resolver: zodResolver(Approval),
    defaultValues: { approved: true, decisionNumber: '', decidedOn: today },
  });
  const approve = useCareSubmit(
    form.setError,
    ['decisionNumber', 'decidedOn'],
    (body: ApprovalValues) => call(api.referrals.decideCare, { params: { id: placement.id }, body }),
    c.approved,
    onDone,
  );
  return (
    <AppForm label={c.approveTitle} onSubmit={form.handleSubmit((body) => approve.mutate(body))}>
      <TextField control={form.control} name="decisionNumber" label={c.decisionNumber} />
      <DateField control={form.control} name="decidedOn" label={c.decidedOn} notAfter={today} />
      <Footer error={approve.error} pending={approve.isPending} submit={c.approve} onDone={onDone} />
    </AppForm>
  );
}

function RefuseForm({ placement, onDone }: { placement: CarePlacement; onDone: () => void }) {
  const { t } = useI18n();
  const c = t.cases.care;
  const form = useForm<RefusalValues>({
    resolver: zodResolver(Refusal),
    defaultValues: { approved: false, reason: '' },
  });
  const refuse = useCareSubmit(
    form.setError,
    ['reason'],
    (body: RefusalValues) => call(api.referrals.decideCare, { params: { id: placement.id }, body }),
    c.refused,
    onDone,
  );
  return (
    <AppForm label={c.refuseTitle} onSubmit={form.handleSubmit((body) => refuse.mutate(body))}>
      <TextAreaField control={form.control} name="reason" label={c.refuseReason} />
      <Footer error={refuse.error} pending={refuse.isPending} submit={c.refuse} danger onDone={onDone} />
    </AppForm>
  );
}

type HandoverValues = z.input<typeof api.referrals.handOver.body>;

function HandOverForm({ placement, onDone }: { placement: CarePlacement; onDone: () => void }) {
  const { t } = useI18n();
  const c = t.cases.care;
  const today = todayInVietnam();
  const form = useForm<HandoverValues>({
    resolver: zodResolver(api.referrals.handOver.body),
    defaultValues: { handedOverOn: today },
  });
  const handOver = useCareSubmit(
    form.setError,
    ['handedOverOn'],
    (body: HandoverValues) => call(api.referrals.handOver, { params: { id: placement.id }, body }),
    c.handedOver,
    onDone,
  );
  return (
    <AppForm label={c.handOverTitle} onSubmit={form.handleSubmit((body) => handOver.mutate(body))}>
      <DateField control={form.control} name="handedOverOn" label={c.handedOverOn} notAfter={today} />
      <Footer error={handOver.error} pending={handOver.isPending} submit={c.handOver} onDone={onDone} />
    </AppForm>
  );
}

type VisitValues = z.input<typeof api.referrals.recordVisit.body>;

function VisitForm({ placement, onDone }: { placement: CarePlacement; onDone: () => void }) {
  const { t } = useI18n();
  const c = t.cases.care;
  const today = todayInVietnam();
  const defaults: DefaultValues<VisitValues> = { visitedOn: today, findings: '', nextVisitOn: null };
  const form = useForm<VisitValues>({
    resolver: zodResolver(api.referrals.recordVisit.body),
    defaultValues: defaults,
  });
  const visit = useCareSubmit(
    form.setError,
    ['visitedOn', 'wellbeing', 'findings', 'nextVisitOn'],
    (body: VisitValues) => call(api.referrals.recordVisit, { params: { id: placement.id }, body }),
    c.visited,
    onDone,
  );
  return (
    <AppForm label={c.visitTitle} onSubmit={form.handleSubmit((body) => visit.mutate(body))}>
      <DateField control={form.control} name="visitedOn" label={c.visitedOn} notAfter={today} />
      <ChoiceField
        control={form.control}
        name="wellbeing"
        label={c.wellbeing}
        options={careWellbeings.map((value) => ({ value, label: c.wellbeings[value] }))}
      />
      <TextAreaField control={form.control} name="findings" label={c.findings} />
      <DateField control={form.control} name="nextVisitOn" label={c.nextVisitOn} hint={t.common.optional} />
      <Footer error={visit.error} pending={visit.isPending} submit={c.visit} onDone={onDone} />
    </AppForm>
  );
}

type TerminationValues = z.input<typeof api.referrals.terminateCare.body>;

function TerminateForm({ placement, onDone }: { placement: CarePlacement; onDone: () => void }) {
  const { t } = useI18n();
  const c = t.cases.care;
  const today = todayInVietnam();
  const form = useForm<TerminationValues>({
    resolver: zodResolver(api.referrals.terminateCare.body),
    defaultValues: { terminatedOn: today, reason: '' },
  });
  const terminate = useCareSubmit(
    form.setError,
    ['terminatedOn', 'reason'],
    (body: TerminationValues) => call(api.referrals.terminateCare, { params: { id: placement.id }, body }),
    c.terminated,
    onDone,
  );
  return (
    <AppForm label={c.terminateTitle} onSubmit={form.handleSubmit((body) => terminate.mutate(body))}>
      <DateField control={form.control} name="terminatedOn" label={c.terminatedOn} notAfter={today} />
      <TextAreaField control={form.control} name="reason" label={c.terminateReason} />
      <Footer
        error={terminate.error}
        pending={terminate.isPending}
        submit={c.terminate}
        danger
        onDone={onDone}
      />
    </AppForm>
  );
}

/** The form of one action on a placement. */
export function CareActionForm({
  action,
  placement,
  onDone,
}: {
  action: CareAction;
  placement: CarePlacement;
  onDone: () => void;
}) {
  switch (action) {
    case 'approve':
      return <ApproveForm placement={placement} onDone={onDone} />;
    case 'refuse':
      return <RefuseForm placement={placement} onDone={onDone} />;
    case 'handOver':
      return <HandOverForm placement={placement} onDone={onDone} />;
    case 'visit':
      return <VisitForm placement={placement} onDone={onDone} />;
    case 'terminate':
      return <TerminateForm placement={placement} onDone={onDone} />;
  }
}
