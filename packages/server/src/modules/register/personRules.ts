import { checkPersonalId, type BirthDatePrecision, type PlainDate, type SexCode } from '@treem/shared';

export type PersonRuleCode =
  | 'birth_date_in_future'
  | 'birth_date_too_old'
  | 'birth_date_not_first_of_period'
  | 'personal_id_format'
  | 'personal_id_province'
  | 'personal_id_sex_mismatch'
  | 'personal_id_birth_year_mismatch'
  | 'birth_registration_before_birth'
  | 'birth_registration_in_future'
  | 'death_before_birth'
  | 'death_in_future';

export interface PersonFacts {
  sex: SexCode;
  birthDate: PlainDate;
  birthDatePrecision: BirthDatePrecision;
  personalId?: string | null;
  birthRegistrationDate?: PlainDate | null;
  deathDate?: PlainDate | null;
  today: PlainDate;
}

export interface PersonRuleProblem {
  field: string;
  code: PersonRuleCode;
}

/** Oldest date of birth the register accepts (adults in a household included). */
const OLDEST_BIRTH = '1900-01-01';

/**
 * The facts about a person that must hold together: a date of birth in the past, stored as the 1st of the month
 * (or 1 January) when only the month (or year) is known; a personal ID whose province, century/sex and year digits
 * agree with the record; registration and death dates not before birth nor in the future. Used by the form API and
 * the import, so both refuse the same records for the same reasons.
 */
export function checkPersonFacts(facts: PersonFacts): PersonRuleProblem[] {
  const problems: PersonRuleProblem[] = [];
  const { birthDate, today } = facts;
  if (birthDate > today) problems.push({ field: 'birthDate', code: 'birth_date_in_future' });
  if (birthDate < OLDEST_BIRTH) problems.push({ field: 'birthDate', code: 'birth_date_too_old' });
  const [, month, day] = birthDate.split('-');
  if (
    (facts.birthDatePrecision === 'month' && day !== '01') ||
    (facts.birthDatePrecision === 'year' && (month !== '01' || day !== '01'))
  ) {
    problems.push({ field: 'birthDatePrecision', code: 'birth_date_not_first_of_period' });
  }
  if (facts.personalId) {
    for (const problem of checkPersonalId(facts.personalId, { sex: facts.sex, dateOfBirth: birthDate })) {
      problems.push({ field: 'personalId', code: `personal_id_${problem}` });
    }
  }
  const registered = facts.birthRegistrationDate;
  if (registered && registered < birthDate) {
    problems.push({ field: 'birthRegistrationDate', code: 'birth_registration_before_birth' });
  }
  if (registered && registered > today) {
    problems.push({ field: 'birthRegistrationDate', code: 'birth_registration_in_future' });
  }
  if (facts.deathDate && facts.deathDate < birthDate) {
    problems.push({ field: 'deathDate', code: 'death_before_birth' });
  }
  if (facts.deathDate && facts.deathDate > today)
    problems.push({ field: 'deathDate', code: 'death_in_future' });
  return problems;
}

/** Whole years between a date of birth and a day (the age a person "has" on that day). */
export function ageOn(birthDate: PlainDate, day: PlainDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
