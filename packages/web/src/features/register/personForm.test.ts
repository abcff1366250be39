import { api, PersonDetail } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import {
  emptyPersonForm,
  formatBirthDate,
  personalIdWarnings,
  personFormFromDetail,
  personFormProblems,
  startOfPeriod,
  toPersonInput,
  toPersonUpdate,
} from './personForm.ts';

const householdId = '0190a8f2-7c1e-7d3a-9b2c-1234567890ab';
const villageId = '0190a8f2-7c1e-7d3a-9b2c-0000000000aa';

const child = emptyPersonForm({ fullName: '  Nguyễn   Thị Hằng ', sex: 'female', birthDate: '2019-03-17' });

describe('dates of birth known only to the month or year', () => {
  test('are stored as the first day of the period', () => {
    expect(startOfPeriod('2019-03-17', 'day')).toBe('2019-03-17');
    expect(startOfPeriod('2019-03-17', 'month')).toBe('2019-03-01');
    expect(startOfPeriod('2019-03-17', 'year')).toBe('2019-01-01');
  });

  test('are shown only as precisely as they are known', () => {
    expect(formatBirthDate('2019-03-01', 'day')).toBe('01/03/2019');
    expect(formatBirthDate('2019-03-01', 'month')).toBe('03/2019');
    expect(formatBirthDate('2019-01-01', 'year')).toBe('2019');
  });
});

describe('the body sent to the server', () => {
  test('a new child in a household passes the contract, name tidied, defaults kept', () => {
    const body = toPersonInput({ ...child, birthDatePrecision: 'month' }, { householdId }, false);
    expect(body).toMatchObject({
      householdId,
      fullName: 'Nguyễn Thị Hằng',
      birthDate: '2019-03-01',
      birthDatePrecision: 'month',
      ethnicityCode: '01',
      nationality: 'VN',
      personalId: null,
      confirmNotDuplicate: false,
    });
    expect(api.register.createPerson.body.safeParse(body).success).toBe(true);
  });

  test('a person registered straight into a village carries no relationship to a head', () => {
    const body = toPersonInput({ ...child, relationshipToHead: 'child' }, { villageId }, true);
    expect(body).toMatchObject({ villageId, relationshipToHead: null, confirmNotDuplicate: true });
    expect(body).not.toHaveProperty('householdId');
    expect(api.register.createPerson.body.safeParse(body).success).toBe(true);
  });

  test('clears facts that only make sense together', () => {
    const body = toPersonUpdate({
      ...child,
      personalId: ' 001 319 012345 ',
      birthRegistered: false,
      birthRegistrationDate: '2019-04-01',
      birthRegistrationPlace: 'UBND xã',
      disabilityType: null,
      disabilityLevel: 'severe',
      hasHealthInsurance: null,
      healthInsuranceNumber: 'TE1010112345',
      notes: '   ',
      nationality: 'vn',
    });
    expect(body).toMatchObject({
      personalId: '001319012345',
      birthRegistrationDate: null,
      birthRegistrationPlace: null,
      disabilityLevel: null,
      healthInsuranceNumber: null,
      notes: null,
      nationality: 'VN',
    });
    expect(api.register.updatePerson.body.safeParse(body).success).toBe(true);
  });

  test('keeps the facts when their condition holds', () => {
    const body = toPersonUpdate({
      ...child,
      birthRegistered: true,
      birthRegistrationDate: '2019-04-01',
      birthRegistrationPlace: ' UBND xã Hoà Lạc ',
      disabilityType: 'vision',
      disabilityLevel: 'mild',
      hasHealthInsurance: true,
      healthInsuranceNumber: 'TE1010112345',
    });
    expect(body).toMatchObject({
      birthRegistrationDate: '2019-04-01',
      birthRegistrationPlace: 'UBND xã Hoà Lạc',
      disabilityLevel: 'mild',
      healthInsuranceNumber: 'TE1010112345',
    });
  });
});

describe('checks made while typing', () => {
  test('finds dates the server would refuse, on the field they concern', () => {
    expect(
      personFormProblems(
        {
          birthDate: '2030-01-01',
          birthRegistered: true,
          birthRegistrationDate: '2029-12-31',
          disabilityType: null,
          disabilityLevel: 'mild',
        },
        '2026-05-10',
      ),
    ).toEqual([
      { field: 'birthDate', code: 'birth_date_in_future' },
      { field: 'birthRegistrationDate', code: 'birth_registration_before_birth' },
      { field: 'birthRegistrationDate', code: 'birth_registration_in_future' },
      { field: 'disabilityType', code: 'disability_level_without_type' },
    ]);
    expect(
      personFormProblems(
        {
          birthDate: '2019-03-17',
          birthRegistered: false,
          birthRegistrationDate: '2010-01-01',
          disabilityType: null,
          disabilityLevel: null,
        },
        '2026-05-10',
      ),
    ).toEqual([]);
  });

  test('warns about a personal ID that disagrees with sex or year of birth', () => {
    // 001 = Hà Nội, 3 = female born 2000–2099, 19 = 2019.
    expect(personalIdWarnings('001319012345', 'female', '2019-03-17')).toEqual([]);
    expect(personalIdWarnings('001319012345', 'male', '2018-03-17')).toEqual([
      'sex_mismatch',
      'birth_year_mismatch',
    ]);
    expect(personalIdWarnings('0013190123', 'female', '2019-03-17')).toEqual(['format']);
    expect(personalIdWarnings('003319012345', 'female', '2019-03-17')).toEqual(['province']);
    expect(personalIdWarnings('', 'female', '2019-03-17')).toEqual([]);
  });
});

describe('editing an existing record', () => {
  test('starts from the record, with its links as ids', () => {
    const detail = PersonDetail.parse({
      id: householdId,
      fullName: 'Lò Văn Páo',
      sex: 'male',
      birthDate: '2018-01-01',
      birthDatePrecision: 'year',
      age: 8,
      personalId: null,
      ethnicityCode: '03',
      householdId,
      householdHeadName: 'Lò Văn Pản',
      relationshipToHead: 'child',
      villageId,
      villageName: 'Bản Mòng',
      communeName: 'Xã Chiềng Mung',
      status: 'active',
      circumstances: [],
      flagCodes: [],
      nationality: 'VN',
      birthRegistered: true,
      birthRegistrationDate: null,
      birthRegistrationPlace: null,
      disabilityType: null,
      disabilityLevel: null,
      schoolName: null,
      schoolLevel: 'primary',
      hasHealthInsurance: true,
      healthInsuranceNumber: null,
      livingArrangement: 'both_parents',
      mother: { id: villageId, fullName: 'Lò Thị Ơn' },
      father: null,
      caregiver: null,
      phone: null,
      notes: null,
      deathDate: null,
      deathCause: null,
      mergedIntoId: null,
      personalIdProblems: [],
      isChild: true,
      circumstanceHistory: [],
      flagHistory: [],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    const values = personFormFromDetail(detail);
    expect(values).toMatchObject({ motherId: villageId, fatherId: null, birthDatePrecision: 'year' });
    expect(api.register.updatePerson.body.safeParse(toPersonUpdate(values)).success).toBe(true);
  });
});
