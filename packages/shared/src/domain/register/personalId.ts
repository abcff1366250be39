import type { PlainDate } from '../plainDate.ts';

/**
 * The 12-digit personal identification number (số định danh cá nhân, printed on the CCCD card and on birth
 * certificates since 2016): 3 digits for the province where the birth was registered, 1 digit for century and sex,
 * 2 digits for the year of birth, 6 random digits.
 *
 * Century/sex digit: 0/1 = born 1900–1999 male/female, 2/3 = 2000–2099, 4/5 = 2100–2199, 6/7 = 2200–2299,
 * 8/9 = 2300–2399. The province part uses the GSO codes of the pre-2025 provinces with a leading zero (001 Hà Nội …
 * 096 Cà Mau); numbers issued before the 2025 merger keep their old code, so every 2008 province code is valid.
 * [U] The structure is stated in Circular 59/2021/TT-BCA (formerly 07/2016/TT-BCA); re-check against the text.
 */
export type PersonalIdProblem = 'format' | 'province' | 'sex_mismatch' | 'birth_year_mismatch';

export type Sex = 'male' | 'female';

const provinceCodes2008 = new Set([
  '01',
  '02',
  '04',
  '06',
  '08',
  '10',
  '11',
  '12',
  '14',
  '15',
  '17',
  '19',
  '20',
  '22',
  '24',
  '25',
  '26',
  '27',
  '30',
  '31',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '40',
  '42',
  '44',
  '45',
  '46',
  '48',
  '49',
  '51',
  '52',
  '54',
  '56',
  '58',
  '60',
  '62',
  '64',
  '66',
  '67',
  '68',
  '70',
  '72',
  '74',
  '75',
  '77',
  '79',
  '80',
  '82',
  '83',
  '84',
  '86',
  '87',
  '89',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
]);

export interface PersonalIdParts {
  provinceCode: string;
  sex: Sex;
  /** First year of the century the digit encodes (1900, 2000, …). */
  century: number;
  birthYear: number;
}

export function parsePersonalId(id: string): PersonalIdParts | undefined {
  if (!/^[0-9]{12}$/.test(id)) return undefined;
  const centuryDigit = Number(id[3]);
  return {
    provinceCode: id.slice(1, 3),
    sex: centuryDigit % 2 === 0 ? 'male' : 'female',
    century: 1900 + Math.floor(centuryDigit / 2) * 100,
    birthYear: 1900 + Math.floor(centuryDigit / 2) * 100 + Number(id.slice(4, 6)),
  };
}

/**
 * Checks a personal ID on its own and against what the register knows of the person. A date of birth known only
 * to the month or year still has a year, which is all the number encodes.
 */
export function checkPersonalId(
  id: string,
  person: { sex?: Sex | null; dateOfBirth?: PlainDate | null } = {},
): PersonalIdProblem[] {
  const parts = parsePersonalId(id);
  if (!parts || id[0] !== '0') return ['format'];
  const problems: PersonalIdProblem[] = [];
  if (!provinceCodes2008.has(parts.provinceCode)) problems.push('province');
  if (person.sex && person.sex !== parts.sex) problems.push('sex_mismatch');
  if (person.dateOfBirth && Number(person.dateOfBirth.slice(0, 4)) !== parts.birthYear) {
    problems.push('birth_year_mismatch');
  }
  return problems;
}
