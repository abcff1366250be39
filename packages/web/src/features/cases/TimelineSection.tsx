import type { CaseDetail } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatInstant } from '../../i18n/format.ts';
import { Card, Flex, Tag, Typography } from '../../ui/index.ts';
import { eventLines, eventTitle, stepChange } from './eventSummary.ts';
import { useCaseReferrals } from './queries.ts';

/**
 * Everything that happened to the case, oldest first: who did what, when, and what their form recorded. A
 * referral's events name its provider, from the case's referrals (the same read as the referrals section's).
 */
export function TimelineSection({ detail }: { detail: CaseDetail }) {
  const { t, language } = useI18n();
  const referrals = useCaseReferrals(detail.id, detail.relation !== 'inbox');
  const providerOfReferral = new Map(
    (referrals.data?.items ?? []).map((referral) => [referral.id, referral.provider.name]),
  );
  return (
    <Card title={t.cases.timeline.title}>
      {detail.events.length === 0 ? (
        <Typography.Text type="secondary">{t.cases.timeline.empty}</Typography.Text>
      ) : (
        <ol className="plain-list" aria-label={t.cases.timeline.title}>
          {detail.events.map((event) => {
            const change = stepChange(event.fromStep, event.toStep, language);
            const lines = eventLines(event.kind, event.data, t, language, providerOfReferral);
            return (
              <li key={event.id} className="plan-item">
                <Flex gap="small" wrap align="center">
                  <Typography.Text type="secondary">{formatInstant(event.at)}</Typography.Text>
                  <Typography.Text strong>{eventTitle(event.kind, t, language)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {event.actorName ?? t.cases.timeline.system}
                  </Typography.Text>
                  {change && <Tag>{change}</Tag>}
                </Flex>
                {lines.length > 0 && (
                  <ul className="timeline-lines">
                    {lines.map((line) => (
                      <li key={line.key}>
                        <Typography.Text type="secondary">{line.label}:</Typography.Text>{' '}
                        <span className="case-text">{line.value}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
