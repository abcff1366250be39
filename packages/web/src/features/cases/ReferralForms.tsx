import { useEffect, useId, useRef } from 'react';
import { useController, useForm, useWatch, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  api,
  referralUrgencies,
  referralUrgencyNames,
  todayInVietnam,
  type CaseDetail,
  type Referral,
} from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { downloadFile, saveFile } from '../../api/files.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  Checkbox,
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
import { withRuleMessages } from '../ecd/forms.ts';
import { optionsOf, serviceOptions } from './catalogue.ts';
import { ProviderPickerField } from './ProviderPickerField.tsx';
import { useReferralChanged } from './queries.ts';
import type { RecordedAnswerStatus } from './referralRules.ts';
import { useCaseServerErrors } from './serverIssues.ts';

type ReferralValues = z.input<typeof api.referrals.createForCase.body>;
type ReferralOutput = z.output<typeof api.referrals.createForCase.body>;

function ConsentCheckbox({
  control,
  label,
  hint,
}: {
  control: Control<ReferralValues>;
  label: string;
  hint: string;
}) {
  const id = useId();
  const { field } = useController({ control, name: 'consentNoted' });
  return (
    <Flex vertical gap={2} className="plan-item">
      <Checkbox id={id} checked={field.value} onChange={(event) => field.onChange(event.target.checked)}>
        {label}
      </Checkbox>
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </Flex>
  );
}

/**
 * "Chuyển gửi": the service the child needs first, then a provider offering it — the directory is asked only for
 * those — the reason, the urgency and whether consent was obtained.
 */
/** Who is referred: the child of a case, or a young child for a need outside any case. */
export type ReferralTarget = { kind: 'case'; detail: CaseDetail } | { kind: 'child'; personId: string };

export function ReferralForm({ target, onDone }: { target: ReferralTarget; onDone: () => void }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const changed = useReferralChanged();
  const form = useForm<ReferralValues, unknown, ReferralOutput>({
    resolver: zodResolver(api.referrals.createForCase.body),
    defaultValues: {
      providerId: '',
      reason: '',
      urgency: target.kind === 'case' && target.detail.urgent ? 'urgent' : 'routine',
      consentNoted: false,
      consentNote: null,
    },
  });
  const service = useWatch({ control: form.control, name: 'serviceCode' });
  const consentNoted = useWatch({ control: form.control, name: 'consentNoted' });
  // A provider chosen for one service may not offer the next one chosen.
  const previousService = useRef(service);
  useEffect(() => {
    if (previousService.current !== service) form.setValue('providerId', '');
    previousService.current = service;
  }, [service, form]);
  const applyErrors = useCaseServerErrors(form.setError, [
    'providerId',
    'serviceCode',
    'reason',
    'urgency',
    'consentNote',
  ]);
  const send = useMutation({
    mutationFn: (body: ReferralOutput) =>
      target.kind === 'case'
        ? call(api.referrals.createForCase, { params: { id: target.detail.id }, body })
        : call(api.referrals.createForPerson, { params: { id: target.personId }, body }),
    onSuccess: async (referral) => {
      notify.success(format(t.cases.referrals.sent, { provider: referral.provider.name }));
      await changed(referral.caseId);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  const r = t.cases.referrals;
  return (
    <AppForm label={r.addTitle} onSubmit={form.handleSubmit((body) => send.mutate(body))}>
      <SelectField
        control={form.control}
        name="serviceCode"
        label={r.service}
        hint={r.serviceHint}
        options={serviceOptions(language)}
      />
      <ProviderPickerField
        control={form.control}
        name="providerId"
        label={r.provider}
        hint={r.providerHint}
        waiting={r.providerNeedsService}
        notFound={r.noProvider}
        service={service}
        showAccount
      />
      <TextAreaField control={form.control} name="reason" label={r.reason} hint={r.reasonHint} />
      <ChoiceField
        control={form.control}
        name="urgency"
        label={r.urgency}
        options={optionsOf(referralUrgencyNames, referralUrgencies, language)}
      />
      <ConsentCheckbox control={form.control} label={r.consent} hint={r.consentHint} />
      {consentNoted && (
        <TextField
          control={form.control}
          name="consentNote"
          label={r.consentNote}
          hint={r.consentNoteHint}
          emptyAs="null"
        />
      )}
      <ErrorAlert error={send.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={send.isPending}>{r.send}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

type AnswerValues = z.input<typeof api.referrals.recordAnswer.body>;
type AnswerOutput = z.output<typeof api.referrals.recordAnswer.body>;

/**
 * What a provider without an account answered (by phone, on the reply slip): accepted, declined with its reason,
 * or the service completed with its outcome, and on which day.
 */
export function RecordAnswerForm({
  referral,
  answers,
  onDone,
}: {
  referral: Referral;
  answers: readonly RecordedAnswerStatus[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const changed = useReferralChanged();
  const today = todayInVietnam();
  const form = useForm<AnswerValues, unknown, AnswerOutput>({
    resolver: withRuleMessages(zodResolver(api.referrals.recordAnswer.body), t.cases.issues),
    defaultValues: {
      status: answers.length === 1 ? answers[0] : undefined,
      answeredOn: today,
      note: null,
      outcome: null,
    },
  });
  const status = useWatch({ control: form.control, name: 'status' });
  const applyErrors = useCaseServerErrors(form.setError, ['status', 'answeredOn', 'note', 'outcome']);
  const record = useMutation({
    mutationFn: (body: AnswerOutput) =>
      call(api.referrals.recordAnswer, { params: { id: referral.id }, body }),
    onSuccess: async () => {
      notify.success(t.cases.referrals.answerRecorded);
      await changed(referral.caseId);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  const r = t.cases.referrals;
  return (
    <AppForm
      label={format(r.recordAnswerTitle, { provider: referral.provider.name })}
      onSubmit={form.handleSubmit((body) => record.mutate(body))}
    >
      <ChoiceField
        control={form.control}
        name="status"
        label={r.answerStatus}
        options={answers.map((value) => ({ value, label: r.answerStatuses[value] }))}
      />
      <DateField control={form.control} name="answeredOn" label={r.answeredOn} notAfter={today} />
      {status === 'completed' && (
        <TextAreaField control={form.control} name="outcome" label={r.answerOutcome} />
      )}
      <TextAreaField
        control={form.control}
        name="note"
        label={status === 'declined' ? r.declineReason : r.answerNote}
        hint={status === 'declined' ? undefined : t.common.optional}
      />
      <ErrorAlert error={record.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={record.isPending}>{r.recordAnswer}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

type ReasonValues = { reason: string };

export function CancelReferralForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const changed = useReferralChanged();
  const form = useForm<ReasonValues>({
    resolver: zodResolver(api.referrals.cancel.body),
    defaultValues: { reason: '' },
  });
  const applyErrors = useCaseServerErrors(form.setError, ['reason']);
  const cancel = useMutation({
    mutationFn: (body: ReasonValues) => call(api.referrals.cancel, { params: { id: referral.id }, body }),
    onSuccess: async () => {
      notify.success(t.cases.referrals.cancelled);
      await changed(referral.caseId);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  const r = t.cases.referrals;
  return (
    <AppForm
      label={format(r.cancelTitle, { provider: referral.provider.name })}
      onSubmit={form.handleSubmit((body) => cancel.mutate(body))}
    >
      <TextAreaField control={form.control} name="reason" label={r.cancelReason} />
      <ErrorAlert error={cancel.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton danger loading={cancel.isPending}>
          {r.cancel}
        </SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/**
 * The referral letter with its reply slip, for a provider without an account: PDF to send, DOCX to edit first.
 * Compact in a table row: the buttons say only the format, and keep their whole name for screen readers.
 */
export function LetterButtons({ referral, compact = false }: { referral: Referral; compact?: boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  const download = useMutation({
    mutationFn: async (fileFormat: 'pdf' | 'docx') => {
      const file = await downloadFile(api.referrals.letter, `giay-chuyen-gui.${fileFormat}`, {
        params: { id: referral.id },
        query: { format: fileFormat },
      });
      saveFile(file);
      return file;
    },
    onSuccess: (file) => notify.success(format(t.cases.referrals.downloaded, { name: file.fileName })),
  });
  return (
    <>
      <Button
        size={compact ? 'small' : undefined}
        icon={<FilePdfOutlined />}
        aria-label={compact ? t.cases.referrals.letterPdf : undefined}
        title={compact ? t.cases.referrals.letterPdf : undefined}
        loading={download.isPending && download.variables === 'pdf'}
        onClick={() => download.mutate('pdf')}
      >
        {compact ? t.cases.referrals.letterPdfShort : t.cases.referrals.letterPdf}
      </Button>
      <Button
        size={compact ? 'small' : undefined}
        icon={<FileWordOutlined />}
        aria-label={compact ? t.cases.referrals.letterDocx : undefined}
        title={compact ? t.cases.referrals.letterDocx : undefined}
        loading={download.isPending && download.variables === 'docx'}
        onClick={() => download.mutate('docx')}
      >
        {compact ? t.cases.referrals.letterDocxShort : t.cases.referrals.letterDocx}
      </Button>
      {download.error && <ErrorAlert error={download.error} />}
    </>
  );
}
