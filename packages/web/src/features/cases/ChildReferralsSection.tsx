import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import type { PersonDetail } from '@treem/shared';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatInstant } from '../../i18n/format.ts';
import { Button, Card, Dialog, ErrorAlert, Flex, Loading, Typography } from '../../ui/index.ts';
import { serviceName } from './catalogue.ts';
import { useChildReferrals } from './queries.ts';
import { ReferralAnswer, ReferralStatusTag, ReferralUrgencyTag } from './ReferralDisplay.tsx';
import { ReferralForm } from './ReferralForms.tsx';

/**
 * A young child's referrals outside any protection case, on the child's early-childhood services: who may send
 * refers here; the follow-up (letter, answer, outcome) is on the outgoing referrals page, with the sender's others.
 */
export function ChildReferralsSection({ person }: { person: PersonDetail }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const referrals = useChildReferrals(person.id);
  const [adding, setAdding] = useState(false);
  const r = t.cases.referrals;
  const canSend = can('referral.send') && person.status === 'active';
  return (
    <Card
      title={r.title}
      extra={
        canSend ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {r.add}
          </Button>
        ) : undefined
      }
    >
      {canSend && <Typography.Paragraph type="secondary">{r.childIntro}</Typography.Paragraph>}
      {referrals.isPending ? (
        <Loading />
      ) : referrals.isError ? (
        <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : referrals.data.items.length === 0 ? (
        <Typography.Text type="secondary">{r.empty}</Typography.Text>
      ) : (
        <ul className="item-list" aria-label={r.childList}>
          {referrals.data.items.map((referral) => (
            <li key={referral.id} className="referral-item" aria-label={referral.provider.name}>
              <Flex vertical gap={4}>
                <Typography.Text strong>{referral.provider.name}</Typography.Text>
                <span className="tag-group">
                  <ReferralStatusTag referral={referral} />
                  <ReferralUrgencyTag referral={referral} />
                </span>
                <Typography.Text>
                  {serviceName(referral.serviceCode, language)} · {formatInstant(referral.sentAt)} ·{' '}
                  {referral.sentByName}
                </Typography.Text>
                <ReferralAnswer referral={referral} />
              </Flex>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={adding} title={r.addTitle} onClose={() => setAdding(false)} width={640}>
        {adding && (
          <ReferralForm target={{ kind: 'child', personId: person.id }} onDone={() => setAdding(false)} />
        )}
      </Dialog>
    </Card>
  );
}
