import { useState, type ReactNode } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import type { CaseDetail, Referral } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatInstant } from '../../i18n/format.ts';
import { Button, Card, Descriptions, Dialog, ErrorAlert, Flex, Loading, Typography } from '../../ui/index.ts';
import { serviceName } from './catalogue.ts';
import { useCaseReferrals } from './queries.ts';
import { ReferralAnswer, ReferralDue, ReferralStatusTag, ReferralUrgencyTag } from './ReferralDisplay.tsx';
import { CancelReferralForm, LetterButtons, RecordAnswerForm, ReferralForm } from './ReferralForms.tsx';
import { workerReferralActions, type WorkerReferralActions } from './referralRules.ts';
import { useNow } from './useNow.ts';

type Open = { kind: 'answer' | 'cancel'; referral: Referral } | { kind: 'add' } | null;

function ReferralItem({
  referral,
  actions,
  isWorker,
  now,
  onOpen,
}: {
  referral: Referral;
  actions: WorkerReferralActions;
  isWorker: boolean;
  now: Date;
  onOpen: (open: Open) => void;
}) {
  const { t, language } = useI18n();
  const r = t.cases.referrals;
  const waiting = referral.status === 'sent' || referral.status === 'accepted';
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'service', label: r.columns.service, children: serviceName(referral.serviceCode, language) },
    {
      key: 'sent',
      label: r.sentAt,
      children: `${formatInstant(referral.sentAt)} · ${referral.sentByName}`,
    },
    {
      key: 'reason',
      label: r.columns.reason,
      children: <span className="case-text">{referral.reason}</span>,
    },
    {
      key: 'consent',
      label: r.consentNoted,
      children: referral.consentNoted ? (referral.consentNote ?? t.common.yes) : r.noConsent,
    },
    ...(referral.status === 'sent'
      ? [{ key: 'due', label: r.responseDue, children: <ReferralDue referral={referral} now={now} /> }]
      : []),
  ];
  return (
    <li className="referral-item" aria-label={referral.provider.name}>
      <Flex vertical gap="small">
        <Flex justify="space-between" align="start" wrap gap="small">
          <Flex vertical gap={4}>
            <Typography.Text strong>{referral.provider.name}</Typography.Text>
            <span className="tag-group">
              <ReferralStatusTag referral={referral} />
              <ReferralUrgencyTag referral={referral} />
            </span>
          </Flex>
          <Flex gap="small" wrap>
            {actions.letter && <LetterButtons referral={referral} />}
            {actions.answers.length > 0 && (
              <Button type="primary" onClick={() => onOpen({ kind: 'answer', referral })}>
                {r.recordAnswer}
              </Button>
            )}
            {actions.cancel && (
              <Button danger onClick={() => onOpen({ kind: 'cancel', referral })}>
                {r.cancel}
              </Button>
            )}
          </Flex>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
        <ReferralAnswer referral={referral} />
        {isWorker && waiting && referral.provider.hasAccount && (
          <Typography.Text type="secondary">{r.selfService}</Typography.Text>
        )}
        {actions.letter && <Typography.Text type="secondary">{r.letterHint}</Typography.Text>}
      </Flex>
    </li>
  );
}

/**
 * "Chuyển gửi": the child's referrals to providers of the network, for every reader of the case; the case's
 * worker refers, prints the letter for a provider without an account, records its answer, or cancels.
 */
export function CaseReferralsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const now = useNow();
  const [open, setOpen] = useState<Open>(null);
  // A report waiting in the inbox has no referral yet, and its readers decide only whether to take it.
  const visible = detail.relation !== 'inbox';
  const referrals = useCaseReferrals(detail.id, visible);
  if (!visible) return null;
  const isWorker = detail.relation === 'worker';
  const r = t.cases.referrals;
  const close = () => setOpen(null);
  return (
    <Card
      title={r.title}
      extra={
        isWorker && detail.step !== 'closed' ? (
          <Button icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'add' })}>
            {r.add}
          </Button>
        ) : undefined
      }
    >
      {isWorker && <Typography.Paragraph type="secondary">{r.intro}</Typography.Paragraph>}
      {referrals.isPending ? (
        <Loading />
      ) : referrals.isError ? (
        <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : referrals.data.items.length === 0 ? (
        <Typography.Text type="secondary">{r.empty}</Typography.Text>
      ) : (
        <ul className="item-list" aria-label={r.list}>
          {referrals.data.items.map((referral) => (
            <ReferralItem
              key={referral.id}
              referral={referral}
              actions={workerReferralActions(referral, isWorker)}
              isWorker={isWorker}
              now={now}
              onOpen={setOpen}
            />
          ))}
        </ul>
      )}
      <Dialog open={open?.kind === 'add'} title={r.addTitle} onClose={close} width={640}>
        {open?.kind === 'add' && <ReferralForm target={{ kind: 'case', detail }} onDone={close} />}
      </Dialog>
      <Dialog
        open={open?.kind === 'answer'}
        title={
          open?.kind === 'answer'
            ? format(r.recordAnswerTitle, { provider: open.referral.provider.name })
            : ''
        }
        onClose={close}
      >
        {open?.kind === 'answer' && (
          <RecordAnswerForm
            referral={open.referral}
            answers={workerReferralActions(open.referral, isWorker).answers}
            onDone={close}
          />
        )}
      </Dialog>
      <Dialog
        open={open?.kind === 'cancel'}
        title={
          open?.kind === 'cancel' ? format(r.cancelTitle, { provider: open.referral.provider.name }) : ''
        }
        onClose={close}
      >
        {open?.kind === 'cancel' && <CancelReferralForm referral={open.referral} onDone={close} />}
      </Dialog>
    </Card>
  );
}
