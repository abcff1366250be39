import type { GrowthIndicator, ImmunizationDoseStatus, ScreeningResult } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDecimal } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import { Tag, Tooltip, Typography } from '../../ui/index.ts';
import { screeningResultName } from './catalogue.ts';
import { ageLabel, classificationTags, flaggedIndicators, type ClassificationTag } from './growth.ts';

type Classification = Parameters<typeof classificationTags>[0];

const toneColour = { danger: 'red', warning: 'orange', caution: 'gold' } as const;

export function classificationText(tag: ClassificationTag, t: Messages): string {
  const names = t.ecd.growth.classes;
  switch (tag.condition) {
    case 'underweight':
      return tag.band === 'severe' ? names.underweightSevere : names.underweightModerate;
    case 'stunting':
      return tag.band === 'severe' ? names.stuntingSevere : names.stuntingModerate;
    case 'wasting':
      return tag.band === 'severe' ? names.wastingSevere : names.wastingModerate;
    case 'thinness':
      return tag.band === 'severe' ? names.thinnessSevere : names.thinnessModerate;
    case 'overweight':
      return tag.band === 'obese' ? names.obese : names.overweight;
  }
}

/**
 * "Suy dinh dưỡng thể nhẹ cân mức độ nặng" in red…; "Bình thường" in green when every index assessed is normal. An
 * implausible (flagged) z-score is left out of the classification, as WHO does, so the child is then never called
 * normal: the measurement is marked to check instead.
 */
export function ClassificationTags({
  classification,
  flags,
  empty,
}: {
  classification: Classification | null;
  flags?: Readonly<Record<GrowthIndicator, boolean>>;
  /** Shown when nothing could be assessed (no z-score). */
  empty?: string;
}) {
  const { t } = useI18n();
  const flagged = flags ? flaggedIndicators(flags).length > 0 : false;
  const check = flagged ? <Tag color="orange">{t.ecd.growth.checkValues}</Tag> : null;
  if (!classification) return empty ? <Typography.Text type="secondary">{empty}</Typography.Text> : null;
  const { tags, assessed } = classificationTags(classification);
  if (!assessed) return check ?? (empty ? <Typography.Text type="secondary">{empty}</Typography.Text> : null);
  if (tags.length === 0) return check ?? <Tag color="green">{t.ecd.growth.classes.normal}</Tag>;
  return (
    <span className="tag-group">
      {tags.map((tag) => (
        <Tag key={tag.condition} color={toneColour[tag.tone]}>
          {classificationText(tag, t)}
        </Tag>
      ))}
      {check}
    </span>
  );
}

/** A z-score with two decimals; a flagged one is marked as a value to check (likely mistyped or mismeasured). */
export function ZScore({ value, flagged }: { value: number | null; flagged: boolean }) {
  const { t, language } = useI18n();
  if (value === null) return <Typography.Text type="secondary">–</Typography.Text>;
  const text = formatDecimal(value, language, 2);
  if (flagged) {
    return (
      <Tooltip title={t.ecd.growth.implausible}>
        <Typography.Text type="warning" className="z-flagged">
          {text} ⚠
        </Typography.Text>
      </Tooltip>
    );
  }
  const tone = value < -3 || value > 3 ? 'danger' : value < -2 || value > 2 ? 'warning' : undefined;
  return <Typography.Text type={tone}>{text}</Typography.Text>;
}

export const shownIndicators: readonly GrowthIndicator[] = ['wfa', 'lhfa', 'wflh', 'bmifa', 'hcfa', 'acfa'];

/** "8 tháng", "2 tuổi 3 tháng", "12 ngày"; a dash when the age is unknown (birth known to the year only). */
export function AgeText({ ageDays }: { ageDays: number | null }) {
  const { t } = useI18n();
  return <>{ageText(ageDays, t)}</>;
}

export function ageText(ageDays: number | null, t: Messages): string {
  if (ageDays === null) return '–';
  const age = ageLabel(ageDays);
  switch (age.kind) {
    case 'days':
      return format(t.ecd.age.days, { days: age.days });
    case 'months':
      return format(t.ecd.age.months, { months: age.months });
    case 'yearsMonths':
      return age.months === 0
        ? format(t.ecd.age.years, { years: age.years })
        : format(t.ecd.age.yearsMonths, { years: age.years, months: age.months });
  }
}

const doseStatusColour: Record<ImmunizationDoseStatus, string> = {
  not_yet_due: 'default',
  due: 'blue',
  overdue: 'red',
  given: 'green',
  given_late: 'gold',
  expired: 'volcano',
};

export function DoseStatusTag({ status }: { status: ImmunizationDoseStatus }) {
  const { t } = useI18n();
  return <Tag color={doseStatusColour[status]}>{t.ecd.immunization.statuses[status]}</Tag>;
}

const resultColour: Record<ScreeningResult, string> = {
  on_track: 'green',
  needs_follow_up: 'orange',
  referred: 'red',
};

export function ScreeningResultTag({ result }: { result: ScreeningResult }) {
  const { language } = useI18n();
  return <Tag color={resultColour[result]}>{screeningResultName(result, language)}</Tag>;
}
