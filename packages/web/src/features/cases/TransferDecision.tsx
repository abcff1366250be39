import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { api } from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  Dialog,
  ErrorAlert,
  FormActions,
  SubmitButton,
  TextAreaField,
  useNotify,
} from '../../ui/index.ts';
import { useCaseChanged } from './queries.ts';
import { useCaseServerErrors } from './serverIssues.ts';

type AcceptValues = z.input<typeof api.cases.acceptTransfer.body>;
type AcceptOutput = z.output<typeof api.cases.acceptTransfer.body>;
type DeclineValues = z.input<typeof api.cases.declineTransfer.body>;

export interface TransferTarget {
  id: string;
  caseNumber: string;
}

function AcceptForm({ target, onDone }: { target: TransferTarget; onDone: (accepted: boolean) => void }) {
  const t = useT();
  const notify = useNotify();
  const changed = useCaseChanged();
  const form = useForm<AcceptValues, unknown, AcceptOutput>({
    resolver: zodResolver(api.cases.acceptTransfer.body),
    defaultValues: { reason: null },
  });
  const applyErrors = useCaseServerErrors(form.setError, ['reason']);
  const accept = useMutation({
    mutationFn: (body: AcceptOutput) => call(api.cases.acceptTransfer, { params: { id: target.id }, body }),
    onSuccess: async () => {
      notify.success(format(t.cases.transfers.accepted, { caseNumber: target.caseNumber }));
      await changed(target.id);
      onDone(true);
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm
      label={format(t.cases.transfers.acceptTitle, { caseNumber: target.caseNumber })}
      onSubmit={form.handleSubmit((body) => accept.mutate(body))}
    >
      <TextAreaField
        control={form.control}
        name="reason"
        label={t.cases.transfers.acceptNote}
        hint={t.common.optional}
      />
      <ErrorAlert error={accept.error} />
      <FormActions>
        <Button onClick={() => onDone(false)}>{t.common.cancel}</Button>
        <SubmitButton loading={accept.isPending}>{t.cases.transfers.accept}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function DeclineForm({ target, onDone }: { target: TransferTarget; onDone: (declined: boolean) => void }) {
  const t = useT();
  const notify = useNotify();
  const changed = useCaseChanged();
  const form = useForm<DeclineValues>({
    resolver: zodResolver(api.cases.declineTransfer.body),
    defaultValues: { reason: '' },
  });
  const applyErrors = useCaseServerErrors(form.setError, ['reason']);
  const decline = useMutation({
    mutationFn: (body: DeclineValues) => call(api.cases.declineTransfer, { params: { id: target.id }, body }),
    onSuccess: async () => {
      notify.success(t.cases.transfers.declined);
      await changed(target.id);
      onDone(true);
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm
      label={format(t.cases.transfers.declineTitle, { caseNumber: target.caseNumber })}
      onSubmit={form.handleSubmit((body) => decline.mutate(body))}
    >
      <TextAreaField control={form.control} name="reason" label={t.cases.transfers.declineReason} />
      <ErrorAlert error={decline.error} />
      <FormActions>
        <Button onClick={() => onDone(false)}>{t.common.cancel}</Button>
        <SubmitButton danger loading={decline.isPending}>
          {t.cases.transfers.decline}
        </SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/** Accepting (with an optional note) or declining (with a reason) a case another commune transfers in. */
export function TransferDecisionDialog({
  decision,
  target,
  onDone,
}: {
  decision: 'accept' | 'decline' | null;
  target: TransferTarget | null;
  onDone: (decided: boolean) => void;
}) {
  const t = useT();
  const open = decision !== null && target !== null;
  const title =
    target && decision === 'decline'
      ? format(t.cases.transfers.declineTitle, { caseNumber: target.caseNumber })
      : target
        ? format(t.cases.transfers.acceptTitle, { caseNumber: target.caseNumber })
        : '';
  return (
    <Dialog open={open} title={title} onClose={() => onDone(false)}>
      {target && decision === 'accept' && <AcceptForm target={target} onDone={onDone} />}
      {target && decision === 'decline' && <DeclineForm target={target} onDone={onDone} />}
    </Dialog>
  );
}
