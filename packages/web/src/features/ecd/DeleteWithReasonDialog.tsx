import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { DeleteWithReason } from '@treem/shared';
import type { z } from 'zod';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  AppForm,
  Button,
  Dialog,
  ErrorAlert,
  FormActions,
  SubmitButton,
  TextAreaField,
  Typography,
  useNotify,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';

type Values = z.input<typeof DeleteWithReason>;

function ReasonForm({
  description,
  onDelete,
  onDone,
  done,
}: {
  description: string;
  onDelete: (reason: string) => Promise<unknown>;
  onDone: () => void;
  done: string;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const form = useForm<Values, unknown, z.output<typeof DeleteWithReason>>({
    resolver: zodResolver(DeleteWithReason),
    defaultValues: { reason: '' },
  });
  const applyErrors = useServerErrors(form.setError, ['reason']);
  const remove = useMutation({
    mutationFn: (values: z.output<typeof DeleteWithReason>) => onDelete(values.reason),
    onSuccess: () => {
      notify.success(done);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.ecd.remove.title} onSubmit={form.handleSubmit((values) => remove.mutate(values))}>
      <Typography.Paragraph>{description}</Typography.Paragraph>
      <TextAreaField
        control={form.control}
        name="reason"
        label={t.ecd.remove.reason}
        hint={t.ecd.remove.hint}
      />
      <ErrorAlert error={remove.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton danger loading={remove.isPending}>
          {t.ecd.remove.submit}
        </SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/**
 * Removing a record entered in error: the reason is required and kept in the audit log, so a removal can be
 * explained later (a record is never removed silently).
 */
export function DeleteWithReasonDialog({
  open,
  title,
  description,
  onDelete,
  onClose,
  done,
}: {
  open: boolean;
  title: string;
  description: string;
  onDelete: (reason: string) => Promise<unknown>;
  onClose: () => void;
  done: string;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      {open && <ReasonForm description={description} onDelete={onDelete} onDone={onClose} done={done} />}
    </Dialog>
  );
}
