import { useState } from 'react';
import { useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { api, type CaseDetail } from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate, formatInstant } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  Card,
  ConfirmButton,
  DataTable,
  DateField,
  Dialog,
  ErrorAlert,
  FormActions,
  SubmitButton,
  TextAreaField,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { shareCandidateOptions } from './pickers.ts';
import { useCaseChanged, useShareCandidates } from './queries.ts';
import { SearchSelectField, useSearchText } from './SearchSelectField.tsx';
import { useCaseServerErrors } from './serverIssues.ts';

type Share = CaseDetail['shares'][number];
type ShareValues = z.input<typeof api.cases.share.body>;
type ShareOutput = z.output<typeof api.cases.share.body>;

/**
 * Users of the case's province who may be given it to read, found by name as the worker types. The server leaves
 * out the case's members and current sharers; the worker is left out here too.
 */
function UserSearchField({
  detail,
  control,
  label,
  hint,
}: {
  detail: CaseDetail;
  control: Control<ShareValues>;
  label: string;
  hint: string;
}) {
  const { t } = useI18n();
  const me = useMe();
  const { search, onSearch } = useSearchText();
  const candidates = useShareCandidates(detail.id, search);
  return (
    <SearchSelectField
      control={control}
      name="userId"
      label={label}
      hint={hint}
      options={shareCandidateOptions(candidates.data?.items ?? [], me.user.id, t)}
      loading={candidates.isFetching}
      onSearch={onSearch}
      notFound={t.common.empty}
    />
  );
}

function ShareForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const changed = useCaseChanged();
  const form = useForm<ShareValues, unknown, ShareOutput>({
    resolver: zodResolver(api.cases.share.body),
    defaultValues: { userId: '', reason: '', expiresOn: null },
  });
  const setServerErrors = useCaseServerErrors(form.setError, ['userId', 'reason', 'expiresOn']);
  const share = useMutation({
    mutationFn: (body: ShareOutput) => call(api.cases.share, { params: { id: detail.id }, body }),
    onSuccess: async () => {
      notify.success(t.cases.shares.added);
      await changed(detail.id);
      onDone();
    },
    onError: (error) => setServerErrors(error),
  });
  return (
    <AppForm label={t.cases.shares.add} onSubmit={form.handleSubmit((body) => share.mutate(body))}>
      <UserSearchField
        detail={detail}
        control={form.control}
        label={t.cases.shares.user}
        hint={t.cases.shares.userHint}
      />
      <TextAreaField control={form.control} name="reason" label={t.cases.shares.reason} />
      <DateField
        control={form.control}
        name="expiresOn"
        label={t.cases.shares.expiresOn}
        hint={t.cases.shares.expiresHint}
      />
      <ErrorAlert error={share.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={share.isPending}>{t.cases.shares.add}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/**
 * Who else may read the case, and why. Only its worker shares and revokes; a share is read-only and may end on a
 * date. A date already past is refused by the server (`in_past`).
 */
export function SharesSection({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const notify = useNotify();
  const changed = useCaseChanged();
  const [adding, setAdding] = useState(false);
  const revoke = useMutation({
    mutationFn: (share: Share) =>
      call(api.cases.revokeShare, { params: { id: detail.id, shareId: share.id } }),
    onSuccess: async () => {
      notify.success(t.cases.shares.revoked);
      await changed(detail.id);
    },
  });
  const columns: DataColumns<Share> = [
    { key: 'user', title: t.cases.shares.user, render: (_, s) => s.fullName },
    {
      key: 'reason',
      title: t.cases.shares.reason,
      render: (_, s) => <span className="case-text">{s.reason}</span>,
    },
    { key: 'sharedBy', title: t.cases.shares.sharedBy, responsive: ['md'], render: (_, s) => s.sharedByName },
    { key: 'sharedAt', title: t.cases.shares.sharedAt, render: (_, s) => formatInstant(s.sharedAt) },
    {
      key: 'expiresOn',
      title: t.cases.shares.expiresOn,
      render: (_, s) => (s.expiresOn ? formatDate(s.expiresOn) : t.cases.shares.noExpiry),
    },
    {
      key: 'revoke',
      title: t.common.actions,
      render: (_, s) => (
        <ConfirmButton
          size="small"
          danger
          question={format(t.cases.shares.revokeQuestion, { name: s.fullName })}
          loading={revoke.isPending && revoke.variables.id === s.id}
          onConfirm={() => revoke.mutate(s)}
        >
          {t.cases.shares.revoke}
        </ConfirmButton>
      ),
    },
  ];
  return (
    <Card
      title={t.cases.shares.title}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t.cases.shares.add}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t.cases.shares.intro}</Typography.Paragraph>
      <ErrorAlert error={revoke.error} />
      <DataTable<Share>
        label={t.cases.shares.title}
        columns={columns}
        data={detail.shares}
        rowKey={(s) => s.id}
        emptyText={t.cases.shares.empty}
        size="small"
      />
      <Dialog open={adding} title={t.cases.shares.add} onClose={() => setAdding(false)}>
        {adding && <ShareForm detail={detail} onDone={() => setAdding(false)} />}
      </Dialog>
    </Card>
  );
}
