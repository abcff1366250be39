import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { LinkOutlined } from '@ant-design/icons';
import { api, type CaseDetail } from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AppForm, Button, Dialog, ErrorAlert, FormActions, SubmitButton, useNotify } from '../../ui/index.ts';
import { ChildSearchField } from './ChildSearchField.tsx';
import { useCaseChanged } from './queries.ts';

type LinkValues = z.input<typeof api.cases.linkChild.body>;

function LinkChildForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const changed = useCaseChanged();
  const form = useForm<LinkValues>({
    resolver: zodResolver(api.cases.linkChild.body),
    defaultValues: { personId: '' },
  });
  const link = useMutation({
    mutationFn: (body: LinkValues) => call(api.cases.linkChild, { params: { id: detail.id }, body }),
    onSuccess: async () => {
      notify.success(t.cases.detail.linked);
      await changed(detail.id);
      onDone();
    },
  });
  return (
    <AppForm label={t.cases.detail.linkChild} onSubmit={form.handleSubmit((body) => link.mutate(body))}>
      <ChildSearchField
        control={form.control}
        name="personId"
        label={t.cases.report.childSearch}
        hint={t.cases.detail.linkChildHint}
        notFound={t.cases.report.childNoResults}
      />
      <ErrorAlert error={link.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={link.isPending}>{t.cases.detail.linkChild}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/** A child first reported by name only: the worker attaches the register record once the child is known. */
export function LinkChildButton({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (detail.relation !== 'worker' || detail.child.personId) return null;
  return (
    <>
      <Button size="small" icon={<LinkOutlined />} onClick={() => setOpen(true)}>
        {t.cases.detail.linkChild}
      </Button>
      <Dialog open={open} title={t.cases.detail.linkChild} onClose={() => setOpen(false)}>
        {open && <LinkChildForm detail={detail} onDone={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}
