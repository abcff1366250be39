import { z } from 'zod';
import type { EcdDomainCode } from './ecdDomains.ts';

/** Whether a service is delivered to the child or to the parent or caregiver (for the child's benefit). */
export const EcdServiceAudience = z.enum(['child', 'caregiver']);
export type EcdServiceAudience = z.infer<typeof EcdServiceAudience>;

export const ecdServiceCodes = [
  'health_check',
  'immunization',
  'developmental_screening',
  'disability_rehabilitation',
  'health_insurance_card',
  'growth_monitoring',
  'nutrition_counselling',
  'vitamin_a_supplementation',
  'deworming',
  'preschool_attendance',
  'early_stimulation',
  'parenting_session',
  'home_visit',
  'caregiver_counselling',
  'birth_registration_support',
  'psychological_support',
  'legal_aid',
  'alternative_care',
  'social_allowance',
  'care_allowance',
  'tuition_support',
] as const;
export const EcdServiceCode = z.enum(ecdServiceCodes);
export type EcdServiceCode = z.infer<typeof EcdServiceCode>;

export interface EcdService {
  code: EcdServiceCode;
  domain: EcdDomainCode;
  audience: EcdServiceAudience;
  vi: string;
  en: string;
  /** Why the entry is here or what it rests on; [U] marks background knowledge not checked against a text. */
  note?: string;
}

/**
 * The services a commune records as delivered to a child up to 8 or to the child's caregiver, one domain each
 * (Decision 1437/QĐ-TTg, `ecdDomains`). Our own catalogue, not a legal list: it names what commune health stations,
 * preschools and the commune's social affairs staff commonly provide, so that the NPA indicator "children up to 8
 * accessing comprehensive-development support services" can be counted by domain. A province may add to it.
 */
export const ecdServices = [
  {
    code: 'health_check',
    domain: 'health',
    audience: 'child',
    vi: 'Khám sức khỏe định kỳ',
    en: 'Periodic health check',
    note: 'Criterion 9 of the child-friendly commune (DOMAIN.md §4.3).',
  },
  {
    code: 'immunization',
    domain: 'health',
    audience: 'child',
    vi: 'Tiêm chủng',
    en: 'Immunization',
    note: 'The doses themselves are recorded against the EPI schedule (domain/immunization).',
  },
  {
    code: 'developmental_screening',
    domain: 'health',
    audience: 'child',
    vi: 'Sàng lọc phát triển',
    en: 'Developmental screening',
    note: 'With a tool of `screeningTools`; the result is one of `screeningResults`.',
  },
  {
    code: 'disability_rehabilitation',
    domain: 'health',
    audience: 'child',
    vi: 'Can thiệp sớm, phục hồi chức năng cho trẻ khuyết tật',
    en: 'Early intervention and rehabilitation for a child with a disability',
  },
  {
    code: 'health_insurance_card',
    domain: 'health',
    audience: 'child',
    vi: 'Cấp thẻ bảo hiểm y tế',
    en: 'Health insurance card issuance',
    note: 'Children under 6 are insured by the State (Law on Health Insurance) [U].',
  },
  {
    code: 'growth_monitoring',
    domain: 'nutrition',
    audience: 'child',
    vi: 'Theo dõi tăng trưởng (cân, đo)',
    en: 'Growth monitoring (weighing and measuring)',
    note: 'The measurements are recorded against the WHO growth standards (domain/growth).',
  },
  {
    code: 'nutrition_counselling',
    domain: 'nutrition',
    audience: 'caregiver',
    vi: 'Tư vấn dinh dưỡng, nuôi con bằng sữa mẹ và ăn bổ sung',
    en: 'Counselling on nutrition, breastfeeding and complementary feeding',
  },
  {
    code: 'vitamin_a_supplementation',
    domain: 'nutrition',
    audience: 'child',
    vi: 'Uống bổ sung vitamin A',
    en: 'Vitamin A supplementation',
    note: 'Micronutrient supplementation; national campaign days in June and December [U].',
  },
  { code: 'deworming', domain: 'nutrition', audience: 'child', vi: 'Tẩy giun', en: 'Deworming' },
  {
    code: 'preschool_attendance',
    domain: 'education',
    audience: 'child',
    vi: 'Đi nhà trẻ, mẫu giáo',
    en: 'Attending nursery or kindergarten',
    note: 'The level is one of `enrolmentSchoolLevels`.',
  },
  {
    code: 'early_stimulation',
    domain: 'education',
    audience: 'child',
    vi: 'Buổi chơi, kích thích phát triển sớm',
    en: 'Play and early stimulation session',
  },
  {
    code: 'parenting_session',
    domain: 'care',
    audience: 'caregiver',
    vi: 'Sinh hoạt nhóm cha mẹ, người chăm sóc trẻ',
    en: 'Parenting session for parents and caregivers',
    note: 'Decision 1437 targets the knowledge and skills of parents and caregivers (DOMAIN.md §4.2 [V]).',
  },
  {
    code: 'home_visit',
    domain: 'care',
    audience: 'caregiver',
    vi: 'Thăm hộ gia đình',
    en: 'Home visit',
  },
  {
    code: 'caregiver_counselling',
    domain: 'care',
    audience: 'caregiver',
    vi: 'Tư vấn chăm sóc, nuôi dạy trẻ',
    en: 'Counselling on caring for and raising the child',
  },
  {
    code: 'birth_registration_support',
    domain: 'protection',
    audience: 'child',
    vi: 'Hỗ trợ đăng ký khai sinh',
    en: 'Birth registration support',
    note: 'Criterion 2 of the child-friendly commune (DOMAIN.md §4.3).',
  },
  {
    code: 'psychological_support',
    domain: 'protection',
    audience: 'child',
    vi: 'Hỗ trợ, tư vấn tâm lý',
    en: 'Psychological support and counselling',
  },
  { code: 'legal_aid', domain: 'protection', audience: 'child', vi: 'Trợ giúp pháp lý', en: 'Legal aid' },
  {
    code: 'alternative_care',
    domain: 'protection',
    audience: 'child',
    vi: 'Chăm sóc thay thế',
    en: 'Alternative care',
  },
  {
    code: 'social_allowance',
    domain: 'social_welfare',
    audience: 'child',
    vi: 'Trợ cấp xã hội hằng tháng',
    en: 'Monthly social allowance',
    note: 'For children in special circumstances; Decree 20/2021/NĐ-CP [U].',
  },
  {
    code: 'care_allowance',
    domain: 'social_welfare',
    audience: 'caregiver',
    vi: 'Hỗ trợ kinh phí chăm sóc, nuôi dưỡng',
    en: 'Allowance to the family or person caring for the child',
    note: 'Paid to the household or carer of an eligible child; Decree 20/2021/NĐ-CP [U].',
  },
  {
    code: 'tuition_support',
    domain: 'social_welfare',
    audience: 'child',
    vi: 'Miễn, giảm học phí, hỗ trợ chi phí học tập',
    en: 'Tuition exemption or reduction and school-cost support',
  },
] as const satisfies readonly EcdService[];

export function findEcdService(code: string): EcdService | undefined {
  return (ecdServices as readonly EcdService[]).find((s) => s.code === code);
}
