import type { ReactNode } from 'react';
import {
  ReferralStatus,
  referralStatuses,
  referralStatusNames,
  referralUrgencyNames,
  type Referral,
} from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatInstant } from '../../i18n/format.ts';
import { FieldFrame, Flex, Select, Tag, Typography } from '../../ui/index.ts';
import { DueClock } from './display.tsx';
import { referralDueState, referralStatusColour, referralUrgencyColour } from './referralRules.ts';

export function ReferralStatusTag({ referral }: { referral: Pick<Referral, 'status'> }) {
  const { language } = useI18n();
  return (
    <Tag color={referralStatusColour[referral.status]}>{referralStatusNames[referral.status][language]}</Tag>
  );
}

export function ReferralUrgencyTag({ referral }: { referral: Pick<Referral, 'urgency'> }) {
  const { language } = useI18n();
  return (
    <Tag color={referralUrgencyColour[referral.urgency]}>
      {referralUrgencyNames[referral.urgency][language]}
    </Tag>
  );
}

/** The answer clock of a referral still waiting ("Còn 1 ngày", red once overdue), or nothing once answered. */
export function ReferralDue({ referral, now }: { referral: Referral; now: Date }) {
  const { t } = useI18n();
  const state = referralDueState(referral, now);
  if (!state) return null;
  return (
    <Flex vertical gap={2}>
      {state === 'overdue' && (
        <span>
          <Tag color="red">{t.cases.referrals.overdue}</Tag>
        </span>
      )}
      <DueClock dueAt={referral.responseDueAt} state={state} kind={null} now={now} />
    </Flex>
  );
}

/** What the provider answered, and what came of it: its note, the outcome, or why the referral was cancelled. */
export function ReferralAnswer({ referral }: { referral: Referral }) {
  const { t } = useI18n();
  const r = t.cases.referrals;
  const lines: { key: string; label: string; value: ReactNode }[] = [];
  if (referral.respondedAt) {
    lines.push({
      key: 'answer',
      label: format(r.answeredAt, { at: formatInstant(referral.respondedAt) }),
      value: referral.respondedByName ?? r.recordedByWorker,
    });
    if (referral.responseNote) lines.push({ key: 'note', label: r.answerNote, value: referral.responseNote });
  }
  if (referral.outcome) lines.push({ key: 'outcome', label: r.outcome, value: referral.outcome });
  if (referral.cancelReason)
    lines.push({ key: 'cancel', label: r.cancelReason, value: referral.cancelReason });
  if (lines.length === 0) return null;
  return (
    <ul className="timeline-lines">
      {lines.map((line) => (
        <li key={line.key}>
          <Typography.Text type="secondary">{line.label}:</Typography.Text>{' '}
          <span className="case-text">{line.value}</span>
        </li>
      ))}
    </ul>
  );
}

/** The status filter of the referral lists: every status, or one. */
export function ReferralStatusFilter({
  id,
  value,
  onChange,
}: {
  id: string;
  value: ReferralStatus | undefined;
  onChange: (status: ReferralStatus | undefined) => void;
}) {
  const { t, language } = useI18n();
  return (
    <div className="filter-field">
      <FieldFrame id={id} label={t.cases.referrals.outgoing.status}>
        <Select
          id={id}
          value={value ?? ''}
          onChange={(selected: string) => {
            const status = ReferralStatus.safeParse(selected);
            onChange(status.success ? status.data : undefined);
          }}
          options={[
            { value: '', label: t.common.all },
            ...referralStatuses.map((status) => ({
              value: status,
              label: referralStatusNames[status][language],
            })),
          ]}
          popupMatchSelectWidth={false}
        />
      </FieldFrame>
    </div>
  );
}
