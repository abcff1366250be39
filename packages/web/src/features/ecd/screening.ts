import {
  completedMonthsOfAge,
  developmentMilestones,
  milestoneDomainCodes,
  milestonesForBand,
  milestonesNeedingFollowUp,
  screeningBandFor,
  screeningResultFromChecklist,
  type ChecklistScreeningResult,
  type DevelopmentMilestone,
  type MilestoneAnswer,
  type MilestoneDomain,
  type PlainDate,
  type ScreeningBandMonths,
} from '@treem/shared';

export interface ChecklistState {
  /** The child's completed months on the screening day. */
  ageMonths: number;
  /** Null under 2 months and from 6 years: the built-in checklist has no band for the child. */
  band: ScreeningBandMonths | null;
  milestones: readonly DevelopmentMilestone[];
  /** What the answers suggest; every milestone answered "yes" is on track. */
  suggested: ChecklistScreeningResult | null;
  /** Milestones not answered "yes" (not yet, not sure, or unanswered), by code: what the record keeps. */
  notMet: string[];
  /** The domains the band's milestones cover: what this screening assessed. */
  domains: MilestoneDomain[];
  answered: number;
}

/**
 * The built-in checklist for a child on a screening day: the band of their age, its milestones, and the result the
 * answers so far suggest (`screeningResultFromChecklist`). Answers to milestones of another band are ignored, so
 * changing the date never throws.
 */
export function checklistState(
  birthDate: PlainDate,
  screenedOn: PlainDate,
  answers: Readonly<Record<string, MilestoneAnswer>>,
): ChecklistState {
  const ageMonths = completedMonthsOfAge(birthDate, screenedOn);
  const band = screeningBandFor(ageMonths);
  if (band === null) {
    return { ageMonths, band, milestones: [], suggested: null, notMet: [], domains: [], answered: 0 };
  }
  const milestones = milestonesForBand(band);
  const ownAnswers = Object.fromEntries(
    milestones.filter((m) => answers[m.code] !== undefined).map((m) => [m.code, answers[m.code]!]),
  );
  const checklist = { bandMonths: band, answers: ownAnswers };
  const covered = new Set(milestones.map((m) => m.domain));
  return {
    ageMonths,
    band,
    milestones,
    suggested: screeningResultFromChecklist(checklist),
    notMet: milestonesNeedingFollowUp(checklist).map((m) => m.code),
    domains: milestoneDomainCodes.filter((domain) => covered.has(domain)),
    answered: Object.keys(ownAnswers).length,
  };
}

const milestonesByCode = new Map<string, DevelopmentMilestone>(developmentMilestones.map((m) => [m.code, m]));

export function milestoneOf(code: string): DevelopmentMilestone | undefined {
  return milestonesByCode.get(code);
}
