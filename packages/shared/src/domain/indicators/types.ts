import { z } from 'zod';
import type { ConcernType } from '../cases/caseCatalogue.ts';
import type { EcdDomainCode } from '../ecd/ecdDomains.ts';
import type { EnrolmentSchoolLevel } from '../ecd/enrolmentSchoolLevels.ts';
import { type Sector } from '../../permissions.ts';
import type { PeriodType } from './periods.ts';

/**
 * How an indicator gets its numbers:
 * - `computed`: live from the register's records (children, measurements, doses, screenings, enrolment,
 *   circumstances, cases), one set-based query per request, and every number can list its children;
 * - `aggregate`: entered per unit and period by the responsible sector (mortality, school sanitation…), because
 *   the register does not hold the facts;
 * - `derived`: a numerator and a denominator from different sources (training attendance over an entered count of
 *   staff and caregivers; communes with a referral network over all communes).
 */
export const indicatorKinds = ['computed', 'aggregate', 'derived'] as const;
export const IndicatorKind = z.enum(indicatorKinds);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

export const indicatorUnits = [
  'percent',
  'per_1000_live_births',
  'per_100000_children',
  'count',
  'boolean',
  'percent_reduction_per_year',
] as const;
export const IndicatorUnit = z.enum(indicatorUnits);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

/** value = numerator / denominator × factor; a count is its numerator. */
export const unitFactor: Record<IndicatorUnit, number> = {
  percent: 100,
  per_1000_live_births: 1000,
  per_100000_children: 100_000,
  count: 1,
  boolean: 100,
  percent_reduction_per_year: 1,
};

export const directions = ['higher_is_better', 'lower_is_better'] as const;
export const Direction = z.enum(directions);
export type Direction = z.infer<typeof Direction>;

/**
 * How a number can be broken down. `residence` is the commune's: a ward (phường) or special zone is urban, a
 * commune (xã) rural, as the General Statistics Office classifies. `circumstance_group` lists a child once per
 * special-circumstance group (Law on Children Art. 10), so its rows do not add up to the total.
 */
export const disaggregations = [
  'sex',
  'age_group',
  'ethnicity_group',
  'ethnicity',
  'residence',
  'disability',
  'circumstance_group',
] as const;
export const Disaggregation = z.enum(disaggregations);
export type Disaggregation = z.infer<typeof Disaggregation>;

/** Which population the indicator counts, at the period's last day. */
export type Population =
  /** Children in the register on the period's last day whose age then is in [fromMonths, toMonths). */
  | { kind: 'age_at_end'; fromMonths: number; toMonths: number }
  /** Children whose first birthday falls in the period (the EPI cohort of "fully immunised under 1"). */
  | { kind: 'first_birthday_in_period' };

/** A fact about a child in the period, which the server compiles to SQL (modules/indicators/facts.ts). */
export type Condition =
  /** The child's last measurement in the period with this classification made (not flagged implausible). */
  | { fact: 'latest_measurement'; classification: 'underweight' | 'stunting' | 'wasting' | 'overweight' }
  /** …and it is one of these classes. */
  | {
      fact: 'latest_measurement_class';
      classification: 'underweight' | 'stunting' | 'wasting' | 'overweight';
      classes: readonly string[];
    }
  | { fact: 'birth_registered' }
  /** The register says yes or no (not unknown). */
  | { fact: 'birth_registration_known' }
  /** Every dose counted for "fully immunised with the 8 vaccines" given before the first birthday. */
  | { fact: 'fully_immunized_under_1' }
  /** Every scheduled dose due by the age at the period end given by then. */
  | { fact: 'doses_due_given' }
  /** The child's last development screening in the period. */
  | { fact: 'latest_screening' }
  | { fact: 'latest_screening_on_track' }
  /** Enrolled (or completed) at one of these levels in the school year running on the period's last day. */
  | { fact: 'enrolled'; levels: readonly EnrolmentSchoolLevel[] }
  /** In a special-circumstance group on the period's last day. */
  | { fact: 'special_circumstance' }
  /** At risk of special circumstances (an open at-risk flag) on the period's last day. */
  | { fact: 'at_risk' }
  /** Supported in the period: a service contact in protection or social welfare, a referral answered, a protection
   * case in implementation or closed with its goals met, or alternative care. */
  | { fact: 'supported' }
  /** Followed by a protection case during the period. */
  | { fact: 'case_managed' }
  /** A protection case received in the period for one of these concerns, not closed as unverified. */
  | { fact: 'protection_case_received'; concerns: readonly ConcernType[] }
  /** Reached in the period by a service of one of these domains (every domain when left out). */
  | { fact: 'ecd_reached'; domains?: readonly EcdDomainCode[] }
  | { fact: 'disability' }
  | { fact: 'health_insurance' };

export interface ComputedDefinition {
  population: Population;
  /** Beyond the population: who is counted below the line (all must hold). */
  denominator: readonly Condition[];
  /** Beyond the denominator: who is counted above the line. */
  numerator: readonly Condition[];
  /** Data completeness: the share of the population for which this holds. Null: the denominator's share. */
  completeness?: Condition | null;
  /** The children behind the number are in protection cases: the lineage lists only the cases the reader sees. */
  confidential?: boolean;
}

/** How a sector enters an aggregate indicator. */
export interface AggregateEntry {
  /** The unit that enters it: each commune, or the province once. */
  level: 'commune' | 'province';
  /** `ratio`: a numerator and a denominator; `count`: a number; `value`: the indicator's value itself. */
  fields: 'ratio' | 'count' | 'value';
  numeratorLabel?: { vi: string; en: string };
  denominatorLabel?: { vi: string; en: string };
  /** For `value`: the allowed range. */
  min?: number;
  max?: number;
}

/** The two sources of a derived indicator (server: modules/indicators/derived.ts). */
export type DerivedSource =
  | { source: 'training_participants'; roles: readonly string[] }
  | { source: 'communes_with_referral_network' }
  | { source: 'communes' }
  | { source: 'aggregate_denominator' };

export interface DerivedDefinition {
  numerator: DerivedSource;
  denominator: DerivedSource;
}

/** Where the indicator is set out: a plan's target, a national decision, a circular's indicator sheet. */
export interface IndicatorReference {
  document: string;
  item: string;
}

export interface IndicatorBase {
  code: string;
  name: { vi: string; en: string };
  definition: { vi: string; en: string };
  numeratorText: { vi: string; en: string };
  denominatorText: { vi: string; en: string };
  unit: IndicatorUnit;
  direction: Direction;
  periodTypes: readonly PeriodType[];
  disaggregations: readonly Disaggregation[];
  sector: Sector;
  group: IndicatorGroup;
  references: readonly IndicatorReference[];
  /** Source confidence of the definition, as in DOMAIN.md: [V] verified, [P] probable, [U] our reading. */
  confidence: 'V' | 'P' | 'U';
  note?: string;
}

export type IndicatorDefinition =
  | (IndicatorBase & { kind: 'computed'; computed: ComputedDefinition })
  | (IndicatorBase & { kind: 'aggregate'; entry: AggregateEntry })
  | (IndicatorBase & { kind: 'derived'; derived: DerivedDefinition; entry?: AggregateEntry });

export const indicatorGroups = [
  'development',
  'health',
  'nutrition',
  'protection',
  'education',
  'culture',
  'participation',
  'ecd',
  'statistics',
] as const;
export const IndicatorGroup = z.enum(indicatorGroups);
export type IndicatorGroup = z.infer<typeof IndicatorGroup>;

export const indicatorGroupNames: Record<IndicatorGroup, { vi: string; en: string }> = {
  development: { vi: 'Phát triển toàn diện', en: 'Comprehensive development' },
  health: { vi: 'Y tế', en: 'Health' },
  nutrition: { vi: 'Dinh dưỡng', en: 'Nutrition' },
  protection: { vi: 'Bảo vệ trẻ em', en: 'Child protection' },
  education: { vi: 'Giáo dục', en: 'Education' },
  culture: { vi: 'Văn hóa, vui chơi', en: 'Culture and play' },
  participation: { vi: 'Quyền tham gia', en: 'Participation' },
  ecd: { vi: 'Phát triển trẻ thơ (0–8 tuổi)', en: 'Early childhood development' },
  statistics: { vi: 'Thống kê trẻ em (TT 13/2021)', en: 'Child statistics (Circular 13/2021)' },
};
