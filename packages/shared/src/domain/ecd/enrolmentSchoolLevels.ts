import { SchoolLevel } from '../../api/register.ts';

/**
 * The levels a child up to 8 can be enrolled in: nursery (nhà trẻ) and kindergarten (mẫu giáo), the two stages of
 * preschool education, then primary and lower secondary school. A subset of the register's `SchoolLevel` (the
 * `schoolLevel` of a person), so an enrolment and a person's record use the same codes.
 */
export const enrolmentSchoolLevels = ['nursery', 'kindergarten', 'primary', 'lower_secondary'] as const;
export const EnrolmentSchoolLevel = SchoolLevel.extract(enrolmentSchoolLevels);
export type EnrolmentSchoolLevel = (typeof enrolmentSchoolLevels)[number];

// The same wording as the web catalogue's `schoolLevels`, so a level reads the same everywhere.
export const enrolmentSchoolLevelLabels = {
  nursery: { vi: 'Nhà trẻ', en: 'Nursery' },
  kindergarten: { vi: 'Mẫu giáo', en: 'Kindergarten' },
  primary: { vi: 'Tiểu học', en: 'Primary' },
  lower_secondary: { vi: 'Trung học cơ sở', en: 'Lower secondary' },
} as const satisfies Record<EnrolmentSchoolLevel, { vi: string; en: string }>;
