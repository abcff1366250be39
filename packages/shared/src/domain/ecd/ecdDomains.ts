import { z } from 'zod';

/**
 * The six areas of services for children up to 8 in Decision 1437/QĐ-TTg (29/10/2018), objective 2(a): "chăm sóc
 * sức khỏe, giáo dục, dinh dưỡng, chăm sóc nuôi dưỡng, bảo vệ trẻ em, phúc lợi xã hội" (DOMAIN.md §4.2 [V]; the
 * English follows the luatvietnam translation: health care, education, nutrition, nurture care, child protection,
 * social welfare). The code `care` is "chăm sóc nuôi dưỡng", the daily nurturing care of the child.
 */
export const ecdDomainCodes = [
  'health',
  'education',
  'nutrition',
  'care',
  'protection',
  'social_welfare',
] as const;
export const EcdDomainCode = z.enum(ecdDomainCodes);
export type EcdDomainCode = z.infer<typeof EcdDomainCode>;

export interface EcdDomain {
  code: EcdDomainCode;
  vi: string;
  en: string;
}

export const ecdDomains = [
  { code: 'health', vi: 'Chăm sóc sức khỏe', en: 'Health care' },
  { code: 'education', vi: 'Giáo dục', en: 'Education' },
  { code: 'nutrition', vi: 'Dinh dưỡng', en: 'Nutrition' },
  { code: 'care', vi: 'Chăm sóc nuôi dưỡng', en: 'Nurturing care' },
  { code: 'protection', vi: 'Bảo vệ trẻ em', en: 'Child protection' },
  { code: 'social_welfare', vi: 'Phúc lợi xã hội', en: 'Social welfare' },
] as const satisfies readonly EcdDomain[];
