import {
  checkPersonalId,
  formatPlainDateVi,
  type BirthDatePrecision,
  type PersonalIdProblem,
  type PersonDetail,
  type PersonInput,
  type PersonUpdate,
  type PlainDate,
  type SexCode,
} from '@treem/shared';

/*
 * The pure part of the person form: what the form starts with, the checks made while typing, and the body sent to
 * the server. Kept apart from React so each rule is unit-tested.
 */

/** The form holds the update shape; a create adds where the person lives and the duplicate confirmation. */
export type PersonFormValues = PersonUpdate;

/** Codes of the problems the form finds itself; the same codes the server's person rules use. */
export type PersonFormProblem =
  | 'birth_date_in_future'
  | 'birth_date_too_old'
  | 'birth_registration_before_birth'
  | 'birth_registration_in_future'
  | 'disability_level_without_type';

const OLDEST_BIRTH = '1900-01-01';

export function emptyPersonForm(defaults: Partial<PersonFormValues> = {}): PersonFormValues {
  return {
    fullName: '',
    sex: undefined as unknown as SexCode,
    birthDate: '',
    birthDatePrecision: 'day',
    personalId: null,
    ethnicityCode: '01',
    nationality: 'VN',
    relationshipToHead: null,
    birthRegistered: null,
    birthRegistrationDate: null,
    birthRegistrationPlace: null,
    disabilityType: null,
    disabilityLevel: null,
    schoolName: null,
    schoolLevel: null,
    hasHealthInsurance: null,
    healthInsuranceNumber: null,
    livingArrangement: null,
    motherId: null,
    fatherId: null,
    caregiverId: null,
    phone: null,
    notes: null,
    ...defaults,
  };
}

export function personFormFromDetail(person: PersonDetail): PersonFormValues {
  return {
    fullName: person.fullName,
    sex: person.sex,
    birthDate: person.birthDate,
    birthDatePrecision: person.birthDatePrecision,
    personalId: person.personalId,
    ethnicityCode: person.ethnicityCode,
    nationality: person.nationality,
    relationshipToHead: person.relationshipToHead,
    birthRegistered: person.birthRegistered,
    birthRegistrationDate: person.birthRegistrationDate,
    birthRegistrationPlace: person.birthRegistrationPlace,
    disabilityType: person.disabilityType,
    disabilityLevel: person.disabilityLevel,
    schoolName: person.schoolName,
    schoolLevel: person.schoolLevel,
    hasHealthInsurance: person.hasHealthInsurance,
    healthInsuranceNumber: person.healthInsuranceNumber,
    livingArrangement: person.livingArrangement,
    motherId: person.mother?.id ?? null,
    fatherId: person.father?.id ?? null,
    caregiverId: person.caregiver?.id ?? null,
    phone: person.phone,
    notes: person.notes,
  };
}

/**
 * A date known to the month is stored as the 1st of that month, a date known to the year as 1 January: the server
 * refuses anything else (`birth_date_not_first_of_period`).
 */
export function startOfPeriod(date: PlainDate, precision: BirthDatePrecision): PlainDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  switch (precision) {
    case 'day':
      return date;
    case 'month':
      return `${date.slice(0, 7)}-01`;
    case 'year':
      return `${date.slice(0, 4)}-01-01`;
  }
}

/** A date of birth as precisely as it is known: dd/MM/yyyy, MM/yyyy or yyyy. */
export function formatBirthDate(date: PlainDate, precision: BirthDatePrecision): string {
  if (!date) return '';
  switch (precision) {
    case 'day':
      return formatPlainDateVi(date);
    case 'month':
      return `${date.slice(5, 7)}/${date.slice(0, 4)}`;
    case 'year':
      return date.slice(0, 4);
  }
}

function blank(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * The update body: empty texts become null, and facts that only make sense together are cleared together (no
 * registration date without a registration, no disability level without a type, no card number without a card).
 */
export function toPersonUpdate(values: PersonFormValues): PersonUpdate {
  const precision = values.birthDatePrecision ?? 'day';
  const registered = values.birthRegistered === true;
  const insured = values.hasHealthInsurance === true;
  const personalId = blank(values.personalId)?.replace(/[\s.]/g, '') ?? null;
  return {
    ...values,
    fullName: values.fullName.trim().replace(/\s+/g, ' '),
    birthDate: startOfPeriod(values.birthDate, precision),
    birthDatePrecision: precision,
    personalId,
    nationality: (blank(values.nationality) ?? 'VN').toUpperCase(),
    birthRegistrationDate: registered ? (values.birthRegistrationDate ?? null) : null,
    birthRegistrationPlace: registered ? blank(values.birthRegistrationPlace) : null,
    disabilityLevel: values.disabilityType ? (values.disabilityLevel ?? null) : null,
    healthInsuranceNumber: insured ? blank(values.healthInsuranceNumber) : null,
    schoolName: blank(values.schoolName),
    phone: blank(values.phone),
    notes: blank(values.notes),
  };
}

/** Where a new person is registered: in a household, or (without one) directly in a village. */
export type PersonPlace = { householdId: string } | { villageId: string };

export function toPersonInput(
  values: PersonFormValues,
  place: PersonPlace,
  confirmNotDuplicate: boolean,
): PersonInput {
  const body = toPersonUpdate(values);
  if ('householdId' in place) return { ...body, householdId: place.householdId, confirmNotDuplicate };
  return { ...body, villageId: place.villageId, relationshipToHead: null, confirmNotDuplicate };
}

/** Problems the form can see before sending, each on the field it concerns. */
export function personFormProblems(
  values: Pick<
    PersonFormValues,
    'birthDate' | 'birthRegistered' | 'birthRegistrationDate' | 'disabilityType' | 'disabilityLevel'
  >,
  today: PlainDate,
): { field: keyof PersonFormValues; code: PersonFormProblem }[] {
  const problems: { field: keyof PersonFormValues; code: PersonFormProblem }[] = [];
  const birth = values.birthDate;
  if (birth && birth > today) problems.push({ field: 'birthDate', code: 'birth_date_in_future' });
  if (birth && birth < OLDEST_BIRTH) problems.push({ field: 'birthDate', code: 'birth_date_too_old' });
  const registration = values.birthRegistered === true ? values.birthRegistrationDate : null;
  if (registration && birth && registration < birth) {
    problems.push({ field: 'birthRegistrationDate', code: 'birth_registration_before_birth' });
  }
  if (registration && registration > today) {
    problems.push({ field: 'birthRegistrationDate', code: 'birth_registration_in_future' });
  }
  if (values.disabilityLevel && !values.disabilityType) {
    problems.push({ field: 'disabilityType', code: 'disability_level_without_type' });
  }
  return problems;
}

/**
 * Warnings about a personal ID (shown, never blocking: the number on a card is what it is, and the officer may be
 * reading the date of birth wrong). Only a complete 12-digit number is checked.
 */
export function personalIdWarnings(
  personalId: string | null | undefined,
  sex: SexCode | undefined,
  birthDate: PlainDate | null | undefined,
): PersonalIdProblem[] {
  const digits = personalId?.replace(/[\s.]/g, '') ?? '';
  if (!digits) return [];
  if (!/^\d{12}$/.test(digits)) return ['format'];
  return checkPersonalId(digits, {
    sex: sex ?? null,
    dateOfBirth: birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : null,
  });
}
