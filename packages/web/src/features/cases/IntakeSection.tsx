import type { ReactNode } from 'react';
import { intakeChannelNames, intakeSourceNames, type CaseDetail } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate, formatInstant } from '../../i18n/format.ts';
import { Card, Descriptions } from '../../ui/index.ts';
import { nameOf } from './catalogue.ts';
import { ConcernTags } from './display.tsx';

/**
 * The report as received (Mẫu 01). Who reported is shown only when the server sends it: to the people who receive
 * and act on the report, never to shared readers or supervisors.
 */
export function IntakeSection({ detail }: { detail: CaseDetail }) {
  const { t, language } = useI18n();
  const { intake } = detail;
  const reporter = intake.reporter;
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'receivedAt', label: t.cases.intake.receivedAt, children: formatInstant(intake.receivedAt) },
    {
      key: 'channel',
      label: t.cases.intake.channel,
      children: nameOf(intakeChannelNames, intake.channel, language),
    },
    {
      key: 'source',
      label: t.cases.intake.source,
      children: nameOf(intakeSourceNames, intake.source, language),
    },
    ...(reporter
      ? [
          {
            key: 'reporter',
            label: t.cases.intake.reporter,
            children: reporter.anonymous ? t.cases.intake.anonymous : (reporter.name ?? ''),
          },
          ...(reporter.phone
            ? [{ key: 'phone', label: t.cases.intake.reporterPhone, children: reporter.phone }]
            : []),
          ...(reporter.relation
            ? [{ key: 'relation', label: t.cases.intake.reporterRelation, children: reporter.relation }]
            : []),
        ]
      : []),
    {
      key: 'concerns',
      label: t.cases.detail.concerns,
      children: <ConcernTags codes={detail.concernTypes} />,
    },
    ...(intake.occurredOn
      ? [{ key: 'occurredOn', label: t.cases.intake.occurredOn, children: formatDate(intake.occurredOn) }]
      : []),
    ...(intake.occurredPlace
      ? [{ key: 'occurredPlace', label: t.cases.intake.occurredPlace, children: intake.occurredPlace }]
      : []),
    {
      key: 'description',
      label: t.cases.intake.description,
      children: <span className="case-text">{intake.description}</span>,
    },
  ];
  return (
    <Card title={t.cases.intake.title}>
      <Descriptions column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}
