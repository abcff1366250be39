import { useId, useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type Referral } from '@treem/shared';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatInstant } from '../../i18n/format.ts';
import {
  Button,
  Card,
  Checkbox,
  DataTable,
  Dialog,
  Flex,
  Page,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { pagingSearch } from './caseSearch.ts';
import { serviceName } from './catalogue.ts';
import { useOutgoingReferrals } from './queries.ts';
import {
  ReferralAnswer,
  ReferralDue,
  ReferralStatusFilter,
  ReferralStatusTag,
  ReferralUrgencyTag,
} from './ReferralDisplay.tsx';
import { CancelReferralForm, LetterButtons, RecordAnswerForm } from './ReferralForms.tsx';
import { hasReferralFilters, toReferralListQuery, workerReferralActions } from './referralRules.ts';
import { useNow } from './useNow.ts';

const route = getRouteApi('/app/referrals/outgoing');

/** The child and where the referral came from: the case (for its worker), or the child's profile. */
function ChildCell({ referral }: { referral: Referral }) {
  const { can } = useSession();
  if (referral.caseId && referral.caseNumber)
    return (
      <Flex vertical gap={2}>
        <span>{referral.childName}</span>
        <Link to="/cases/$id" params={{ id: referral.caseId }}>
          {referral.caseNumber}
        </Link>
      </Flex>
    );
  if (referral.personId && can('register.read'))
    return (
      <Link to="/register/persons/$id" params={{ id: referral.personId }}>
        {referral.childName}
      </Link>
    );
  return <span>{referral.childName}</span>;
}

/**
 * "Chuyển gửi chờ phản hồi": the referrals the user follows up — from the cases they work on, or sent for a young
 * child — with the answer clock of each, overdue ones first to chase. A provider without an account gets its
 * letter from here, and its answer is recorded here.
 */
export function ReferralsOutgoingPage() {
  const { t, language } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const now = useNow();
  const ids = { status: useId(), overdue: useId() };
  const list = useOutgoingReferrals(toReferralListQuery(search));
  const [open, setOpen] = useState<{ kind: 'answer' | 'cancel'; referral: Referral } | null>(null);
  const r = t.cases.referrals;
  const go = (next: Partial<typeof search>) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }) });

  const columns: DataColumns<Referral> = [
    { key: 'child', title: r.columns.child, render: (_, item) => <ChildCell referral={item} /> },
    {
      key: 'provider',
      title: r.columns.provider,
      render: (_, item) => (
        <Flex vertical gap={2} className="cell-wrap">
          <span>{item.provider.name}</span>
          <Typography.Text type="secondary">{serviceName(item.serviceCode, language)}</Typography.Text>
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
            {`${r.sentAt}: ${formatInstant(item.sentAt)}`}
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
      render: (_, item) => {
        const actions = workerReferralActions(item, true);
        return (
          <Flex vertical gap="small" align="start">
            {actions.letter && (
              <Flex gap="small">
                <LetterButtons referral={item} compact />
              </Flex>
            )}
            {actions.answers.length > 0 && (
              <Button size="small" type="primary" onClick={() => setOpen({ kind: 'answer', referral: item })}>
                {r.recordAnswer}
              </Button>
            )}
            {actions.cancel && (
              <Button size="small" danger onClick={() => setOpen({ kind: 'cancel', referral: item })}>
                {r.cancel}
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];

  const close = () => setOpen(null);
  return (
    <Page title={r.outgoing.title}>
      <Typography.Paragraph type="secondary" className="page-intro">
        {r.outgoing.intro}
      </Typography.Paragraph>
      <Card>
        <Flex gap="middle" wrap align="end">
          <ReferralStatusFilter id={ids.status} value={search.status} onChange={(status) => go({ status })} />
          <div className="filter-field">
            <Checkbox
              id={ids.overdue}
              checked={search.overdue === true}
              onChange={(event) => go({ overdue: event.target.checked ? true : undefined })}
            >
              {r.outgoing.overdueOnly}
            </Checkbox>
          </div>
          {hasReferralFilters(search) && (
            <Button onClick={() => void navigate({ search: {} })}>{r.outgoing.clear}</Button>
          )}
        </Flex>
      </Card>
      <DataTable<Referral>
        label={r.outgoing.title}
        columns={columns}
        data={list.data}
        rowKey={(item) => item.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        onPageChange={(page, size) =>
          void navigate({ search: (previous) => ({ ...previous, ...pagingSearch(page, size) }) })
        }
        emptyText={r.outgoing.empty}
      />
      <Dialog
        open={open?.kind === 'answer'}
        title={open ? format(r.recordAnswerTitle, { provider: open.referral.provider.name }) : ''}
        onClose={close}
      >
        {open?.kind === 'answer' && (
          <RecordAnswerForm
            referral={open.referral}
            answers={workerReferralActions(open.referral, true).answers}
            onDone={close}
          />
        )}
      </Dialog>
      <Dialog
        open={open?.kind === 'cancel'}
        title={open ? format(r.cancelTitle, { provider: open.referral.provider.name }) : ''}
        onClose={close}
      >
        {open?.kind === 'cancel' && <CancelReferralForm referral={open.referral} onDone={close} />}
      </Dialog>
    </Page>
  );
}
