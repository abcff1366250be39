import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { getRouteApi } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { api, type Referral } from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatInstant } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  Card,
  DataTable,
  Dialog,
  ErrorAlert,
  Flex,
  FormActions,
  Page,
  SubmitButton,
  TextAreaField,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { pagingSearch } from './caseSearch.ts';
import { serviceName } from './catalogue.ts';
import { useIncomingReferrals, useReferralChanged } from './queries.ts';
import {
  ReferralAnswer,
  ReferralDue,
  ReferralStatusFilter,
  ReferralStatusTag,
  ReferralUrgencyTag,
} from './ReferralDisplay.tsx';
import {
  providerReferralActions,
  toReferralListQuery,
  type ProviderReferralAction,
} from './referralRules.ts';
import { useCaseServerErrors } from './serverIssues.ts';
import { useNow } from './useNow.ts';

const route = getRouteApi('/app/referrals/incoming');

type NoteValues = z.input<typeof api.referrals.accept.body>;
type NoteOutput = z.output<typeof api.referrals.accept.body>;
type OutcomeValues = z.input<typeof api.referrals.complete.body>;

/** Sends the provider's answer; the lists (and the sending worker's case, when they next open it) follow. */
function useAnswer<B>(send: (body: B) => Promise<Referral>, done: string, onDone: () => void) {
  const notify = useNotify();
  const changed = useReferralChanged();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      notify.success(done);
      await changed(undefined);
      onDone();
    },
  });
}

function AcceptForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t } = useI18n();
  const i = t.cases.referrals.incoming;
  const form = useForm<NoteValues, unknown, NoteOutput>({
    resolver: zodResolver(api.referrals.accept.body),
    defaultValues: { note: null },
  });
  const accept = useAnswer(
    (body: NoteOutput) => call(api.referrals.accept, { params: { id: referral.id }, body }),
    i.accepted,
    onDone,
  );
  const applyErrors = useCaseServerErrors(form.setError, ['note']);
  return (
    <AppForm
      label={format(i.acceptFor, { child: referral.childName })}
      onSubmit={form.handleSubmit((body) => accept.mutate(body, { onError: applyErrors }))}
    >
      <TextAreaField control={form.control} name="note" label={i.acceptNote} hint={t.common.optional} />
      <ErrorAlert error={accept.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={accept.isPending}>{i.accept}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function DeclineForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t } = useI18n();
  const i = t.cases.referrals.incoming;
  const form = useForm<{ note: string }>({
    resolver: zodResolver(api.referrals.decline.body),
    defaultValues: { note: '' },
  });
  const decline = useAnswer(
    (body: { note: string }) => call(api.referrals.decline, { params: { id: referral.id }, body }),
    i.declined,
    onDone,
  );
  const applyErrors = useCaseServerErrors(form.setError, ['note']);
  return (
    <AppForm
      label={format(i.declineFor, { child: referral.childName })}
      onSubmit={form.handleSubmit((body) => decline.mutate(body, { onError: applyErrors }))}
    >
      <TextAreaField control={form.control} name="note" label={i.declineReason} />
      <ErrorAlert error={decline.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton danger loading={decline.isPending}>
          {i.decline}
        </SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function CompleteForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t } = useI18n();
  const i = t.cases.referrals.incoming;
  const form = useForm<OutcomeValues>({
    resolver: zodResolver(api.referrals.complete.body),
    defaultValues: { outcome: '' },
  });
  const complete = useAnswer(
    (body: OutcomeValues) => call(api.referrals.complete, { params: { id: referral.id }, body }),
    i.completed,
    onDone,
  );
  const applyErrors = useCaseServerErrors(form.setError, ['outcome']);
  return (
    <AppForm
      label={format(i.completeFor, { child: referral.childName })}
      onSubmit={form.handleSubmit((body) => complete.mutate(body, { onError: applyErrors }))}
    >
      <TextAreaField control={form.control} name="outcome" label={i.completeOutcome} />
      <ErrorAlert error={complete.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={complete.isPending}>{i.complete}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function actionText(action: ProviderReferralAction, child: string, t: ReturnType<typeof useI18n>['t']) {
  const i = t.cases.referrals.incoming;
  switch (action) {
    case 'accept':
      return { button: i.accept, title: format(i.acceptFor, { child }) };
    case 'decline':
      return { button: i.decline, title: format(i.declineFor, { child }) };
    case 'complete':
      return { button: i.complete, title: format(i.completeFor, { child }) };
  }
}

/**
 * "Chuyển gửi đến cơ sở của tôi": the children referred to the providers the user is a member of — name, reason,
 * service, consent, never the case — to accept (with a note), decline (with the reason) or, once the service is
 * given, complete with its outcome.
 */
export function ReferralsIncomingPage() {
  const { t, language } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const now = useNow();
  const statusId = useId();
  const list = useIncomingReferrals(toReferralListQuery(search));
  const [open, setOpen] = useState<{ action: ProviderReferralAction; referral: Referral } | null>(null);
  const r = t.cases.referrals;

  const columns: DataColumns<Referral> = [
    {
      key: 'child',
      title: r.columns.child,
      render: (_, item) => (
        <Flex vertical gap={2}>
          <span>{item.childName}</span>
          <Typography.Text type="secondary">{item.provider.name}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'reason',
      title: r.columns.reason,
      render: (_, item) => (
        <Flex vertical gap={2} className="cell-wrap">
          <Typography.Text strong>{serviceName(item.serviceCode, language)}</Typography.Text>
          <span className="case-text">{item.reason}</span>
          <Typography.Text type="secondary">
            {`${r.consentNoted}: ${item.consentNoted ? (item.consentNote ?? t.common.yes) : r.noConsent}`}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: r.columns.status,
      render: (_, item) => (
        <Flex vertical gap={2} className="cell-narrow">
          <span className="tag-group">
            <ReferralStatusTag referral={item} />
            <ReferralUrgencyTag referral={item} />
          </span>
          <Typography.Text type="secondary" className="due-detail">
            {`${r.sentBy}: ${item.sentByName}, ${formatInstant(item.sentAt)}`}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'due',
      title: r.responseDue,
      render: (_, item) => (
        <Flex vertical gap={2} className="cell-wrap">
          <ReferralDue referral={item} now={now} />
          <ReferralAnswer referral={item} />
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t.common.actions,
      render: (_, item) => (
        <Flex gap="small" wrap>
          {providerReferralActions(item.status).map((action) => {
            const text = actionText(action, item.childName, t);
            return (
              <Button
                key={action}
                size="small"
                type={action === 'decline' ? 'default' : 'primary'}
                danger={action === 'decline'}
                aria-label={text.title}
                onClick={() => setOpen({ action, referral: item })}
              >
                {text.button}
              </Button>
            );
          })}
        </Flex>
      ),
    },
  ];

  const close = () => setOpen(null);
  return (
    <Page title={r.incoming.title}>
      <Typography.Paragraph type="secondary" className="page-intro">
        {r.incoming.intro}
      </Typography.Paragraph>
      <Card>
        <Flex gap="middle" wrap align="end">
          <ReferralStatusFilter
            id={statusId}
            value={search.status}
            onChange={(status) => void navigate({ search: { status } })}
          />
        </Flex>
      </Card>
      <DataTable<Referral>
        label={r.incoming.title}
        columns={columns}
        data={list.data}
        rowKey={(item) => item.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        onPageChange={(page, size) =>
          void navigate({ search: (previous) => ({ ...previous, ...pagingSearch(page, size) }) })
        }
        emptyText={r.incoming.empty}
      />
      <Dialog
        open={open !== null}
        title={open ? actionText(open.action, open.referral.childName, t).title : ''}
        onClose={close}
      >
        {open?.action === 'accept' && <AcceptForm referral={open.referral} onDone={close} />}
        {open?.action === 'decline' && <DeclineForm referral={open.referral} onDone={close} />}
        {open?.action === 'complete' && <CompleteForm referral={open.referral} onDone={close} />}
      </Dialog>
    </Page>
  );
}
