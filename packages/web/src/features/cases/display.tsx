import type { CaseDueKind, CaseDueState, CaseStep, RiskLevel } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatInstant } from '../../i18n/format.ts';
import { Flex, Tag, Typography } from '../../ui/index.ts';
import { concernNames, dueColour, riskColour, riskName, stepName } from './catalogue.ts';
import { countdown, countdownText, dueStateAt } from './countdown.ts';
import './cases.css';

export function StepTag({ step }: { step: CaseStep }) {
  const { language } = useI18n();
  return <Tag color={step === 'closed' ? 'default' : 'blue'}>{stepName(step, language)}</Tag>;
}

export function RiskTag({ level }: { level: RiskLevel | null }) {
  const { t, language } = useI18n();
  if (!level) return <Typography.Text type="secondary">{t.cases.markers.riskUnknown}</Typography.Text>;
  return <Tag color={riskColour[level]}>{riskName(level, language)}</Tag>;
}

export function ConcernTags({ codes }: { codes: readonly string[] }) {
  const { language } = useI18n();
  return (
    <span className="tag-group">
      {concernNames(codes, language).map((name) => (
        <Tag key={name}>{name}</Tag>
      ))}
    </span>
  );
}

/**
 * A deadline as a running clock: "Còn 11 giờ 42 phút" in the state's colour (red once overdue), with what is due
 * and when under it.
 */
export function DueClock({
  dueAt,
  state,
  kind,
  now,
  large = false,
}: {
  dueAt: string;
  state: CaseDueState;
  kind: CaseDueKind | null;
  now: Date;
  large?: boolean;
}) {
  const { t } = useI18n();
  const current = dueStateAt(state, dueAt, now);
  const text = countdownText(countdown(dueAt, now), t);
  return (
    <Flex vertical gap={2} className={large ? 'due-clock due-clock-large' : 'due-clock'}>
      <span>
        <Tag color={dueColour[current]} className="due-tag" data-due-state={current}>
          {text}
        </Tag>
      </span>
      <Typography.Text type={current === 'overdue' ? 'danger' : 'secondary'} className="due-detail">
        {[kind ? t.cases.due.kinds[kind] : '', format(t.cases.due.until, { at: formatInstant(dueAt) })]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </Flex>
  );
}
