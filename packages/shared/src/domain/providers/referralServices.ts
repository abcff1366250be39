import { z } from 'zod';
import { ecdDomainCodes, type EcdDomainCode } from '../ecd/ecdDomains.ts';
import type { EcdServiceCode } from '../ecd/ecdServices.ts';

/**
 * What a provider offers and a child can be referred for. Where the early-childhood service catalogue
 * (`ecdServices`) already names the same service, the code is the same and so is the domain (a test holds them
 * together); the others are services a commune refers to rather than delivers itself (medical care, police
 * protection, a shelter).
 */
export const referralServiceCodes = [
  'medical_care',
  'disability_rehabilitation',
  'preschool_education',
  'education_support',
  'nutrition_support',
  'parenting_support',
  'counselling',
  'psychological_support',
  'legal_aid',
  'police_protection',
  'emergency_shelter',
  'alternative_care',
  'case_management',
  'birth_registration_support',
  'social_allowance',
  'tuition_support',
  'material_support',
] as const;
export const ReferralServiceCode = z.enum(referralServiceCodes);
export type ReferralServiceCode = z.infer<typeof ReferralServiceCode>;

export interface ReferralService {
  code: ReferralServiceCode;
  /** One of the six areas of Decision 1437: what the referral network's coverage is counted by. */
  domain: EcdDomainCode;
  vi: string;
  en: string;
  /** The early-childhood service contacts this service is recorded as when a child up to 8 receives it. */
  ecdServices: readonly EcdServiceCode[];
}

export const referralServices = [
  {
    code: 'medical_care',
    domain: 'health',
    vi: 'Khám, chữa bệnh',
    en: 'Medical care',
    ecdServices: ['health_check'],
  },
  {
    code: 'disability_rehabilitation',
    domain: 'health',
    vi: 'Can thiệp sớm, phục hồi chức năng cho trẻ khuyết tật',
    en: 'Early intervention and rehabilitation for a child with a disability',
    ecdServices: ['disability_rehabilitation'],
  },
  {
    code: 'preschool_education',
    domain: 'education',
    vi: 'Giáo dục mầm non',
    en: 'Preschool education',
    ecdServices: ['preschool_attendance', 'early_stimulation'],
  },
  {
    code: 'education_support',
    domain: 'education',
    vi: 'Hỗ trợ học tập, đưa trẻ trở lại trường',
    en: 'Education support and return to school',
    ecdServices: [],
  },
  {
    code: 'nutrition_support',
    domain: 'nutrition',
    vi: 'Hỗ trợ dinh dưỡng, điều trị suy dinh dưỡng',
    en: 'Nutrition support and treatment of malnutrition',
    ecdServices: ['nutrition_counselling', 'growth_monitoring'],
  },
  {
    code: 'parenting_support',
    domain: 'care',
    vi: 'Hỗ trợ kỹ năng làm cha mẹ',
    en: 'Parenting support',
    ecdServices: ['parenting_session', 'home_visit'],
  },
  {
    code: 'counselling',
    domain: 'care',
    vi: 'Tư vấn cho trẻ em và gia đình',
    en: 'Counselling for children and families',
    ecdServices: ['caregiver_counselling'],
  },
  {
    code: 'psychological_support',
    domain: 'protection',
    vi: 'Hỗ trợ, tư vấn tâm lý, sức khỏe tâm thần',
    en: 'Psychological support and mental health care',
    ecdServices: ['psychological_support'],
  },
  {
    code: 'legal_aid',
    domain: 'protection',
    vi: 'Trợ giúp pháp lý',
    en: 'Legal aid',
    ecdServices: ['legal_aid'],
  },
  {
    code: 'police_protection',
    domain: 'protection',
    vi: 'Bảo vệ an toàn, tiếp nhận tố giác (công an)',
    en: 'Police protection and receiving reports',
    ecdServices: [],
  },
  {
    code: 'emergency_shelter',
    domain: 'protection',
    vi: 'Nơi tạm lánh, chăm sóc khẩn cấp',
    en: 'Temporary shelter and emergency care',
    ecdServices: [],
  },
  {
    code: 'alternative_care',
    domain: 'protection',
    vi: 'Chăm sóc thay thế',
    en: 'Alternative care placement',
    ecdServices: ['alternative_care'],
  },
  {
    code: 'case_management',
    domain: 'protection',
    vi: 'Quản lý trường hợp, công tác xã hội',
    en: 'Case management and social work',
    ecdServices: [],
  },
  {
    code: 'birth_registration_support',
    domain: 'protection',
    vi: 'Hỗ trợ đăng ký khai sinh',
    en: 'Birth registration support',
    ecdServices: ['birth_registration_support'],
  },
  {
    code: 'social_allowance',
    domain: 'social_welfare',
    vi: 'Trợ cấp xã hội',
    en: 'Social allowance',
    ecdServices: ['social_allowance', 'care_allowance'],
  },
  {
    code: 'tuition_support',
    domain: 'social_welfare',
    vi: 'Miễn, giảm học phí, hỗ trợ chi phí học tập',
    en: 'Tuition exemption or reduction and school-cost support',
    ecdServices: ['tuition_support'],
  },
  {
    code: 'material_support',
    domain: 'social_welfare',
    vi: 'Hỗ trợ vật chất, tiền mặt khẩn cấp',
    en: 'Emergency cash or in-kind support',
    ecdServices: [],
  },
] as const satisfies readonly ReferralService[];

const byCode = new Map<string, ReferralService>(referralServices.map((s) => [s.code, s]));

export function findReferralService(code: string): ReferralService | undefined {
  return byCode.get(code);
}

/** The domains a set of services reaches, each once, in the order of the six domains. */
export function referralServiceDomains(codes: readonly string[]): EcdDomainCode[] {
  const domains = new Set(codes.map((code) => byCode.get(code)?.domain));
  return ecdDomainCodes.filter((domain) => domains.has(domain));
}
