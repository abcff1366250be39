import { useState } from 'react';
import { useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { SwapOutlined } from '@ant-design/icons';
import { api, type CaseDetail } from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatInstant } from '../../i18n/format.ts';
import {
  Alert,
  AppForm,
  Button,
  Dialog,
  ErrorAlert,
  Flex,
  FormActions,
  SubmitButton,
  TextAreaField,
  useNotify,
} from '../../ui/index.ts';
import { useCaseChanged, useTransferTargets } from './queries.ts';
import { SearchSelectField, useSearchText } from './SearchSelectField.tsx';
import { useCaseServerErrors } from './serverIssues.ts';
import { TransferDecisionDialog } from './TransferDecision.tsx';

type TransferValues = z.input<typeof api.cases.requestTransfer.body>;

/** The other communes of the case's province, found by name as the worker types. */
function CommuneField({ detail, control }: { detail: CaseDetail; control: Control<TransferValues> }) {
  const { t } = useI18n();
  const { search, onSearch } = useSearchText();
  const targets = useTransferTargets(detail.id, search);
  return (
    <SearchSelectField
      control={control}
      name="communeId"
      label={t.cases.transfer.commune}
      hint={t.cases.transfer.communeHint}
      options={(targets.data?.items ?? []).map((commune) => ({ value: commune.id, label: commune.fullName }))}
      loading={targets.isFetching}
      onSearch={onSearch}
      notFound={t.common.empty}
    />
  );
}

function TransferForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const changed = useCaseChanged();
  const form = useForm<TransferValues>({
    resolver: zodResolver(api.cases.requestTransfer.body),
    defaultValues: { communeId: '', reason: '' },
  });
  const applyErrors = useCaseServerErrors(form.setError, ['communeId', 'reason']);
  const request = useMutation({
    mutationFn: (body: TransferValues) =>
      call(api.cases.requestTransfer, { params: { id: detail.id }, body }),
    onSuccess: async () => {
      notify.success(t.cases.transfer.requested);
      await changed(detail.id);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.cases.transfer.title} onSubmit={form.handleSubmit((body) => request.mutate(body))}>
      <CommuneField detail={detail} control={form.control} />
      <TextAreaField control={form.control} name="reason" label={t.cases.transfer.reason} />
      <ErrorAlert error={request.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={request.isPending}>{t.cases.transfer.request}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/** The worker's button to ask another commune to take the case over (the child moved). */
export function TransferRequestButton({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (detail.relation !== 'worker' || detail.transfer || detail.step === 'closed') return null;
  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => setOpen(true)}>
        {t.cases.transfer.request}
      </Button>
      <Dialog open={open} title={t.cases.transfer.title} onClose={() => setOpen(false)}>
        {open && <TransferForm detail={detail} onDone={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

/**
 * A pending transfer: the sending worker sees that it waits; a worker of the receiving commune (who sees the case
 * only because of it) accepts or declines it here.
 */
export function TransferStatus({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [decision, setDecision] = useState<'accept' | 'decline' | null>(null);
  const transfer = detail.transfer;
  if (!transfer) return null;
  const values = {
    commune: transfer.toCommuneName,
    at: formatInstant(transfer.requestedAt),
    reason: transfer.reason,
  };
  // Another worker of the sending commune cannot see a taken case: an "inbox" reader of a transfer receives it.
  const receiving = detail.relation === 'inbox';
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={format(receiving ? t.cases.transfer.incoming : t.cases.transfer.pending, values)}
        action={
          receiving ? (
            <Flex gap="small" wrap>
              <Button type="primary" onClick={() => setDecision('accept')}>
                {t.cases.transfers.accept}
              </Button>
              <Button danger onClick={() => setDecision('decline')}>
                {t.cases.transfers.decline}
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <TransferDecisionDialog
        decision={decision}
        target={{ id: detail.id, caseNumber: detail.caseNumber }}
        onDone={(decided) => {
          // Declined, the case stays with the sending commune and is no longer this worker's to see.
          if (decided && decision === 'decline') void navigate({ to: '/cases/transfers' });
          setDecision(null);
        }}
      />
    </>
  );
}
