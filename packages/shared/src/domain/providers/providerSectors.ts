import { z } from 'zod';

/**
 * The kinds of organisation a commune refers a child to (the referral network of Decision 1437/QĐ-TTg, objective
 * 2(c): "mạng lưới kết nối, chuyển tuyến"; PRODUCT.md §6). Our own catalogue, not a legal list. It is not the
 * `Sector` of permissions.ts: that one names the department a province officer works for; this one names what a
 * provider is, and a provider need not have any account in treem.
 */
export const providerSectorCodes = [
  'health_facility',
  'school',
  'social_work_centre',
  'social_assistance_facility',
  'police',
  'justice_legal_aid',
  'hotline',
  'women_union',
  'youth_union',
  'ngo',
  'other',
] as const;
export const ProviderSector = z.enum(providerSectorCodes);
export type ProviderSector = z.infer<typeof ProviderSector>;

export interface ProviderSectorEntry {
  code: ProviderSector;
  vi: string;
  en: string;
}

export const providerSectors = [
  {
    code: 'health_facility',
    vi: 'Cơ sở y tế (trạm y tế, bệnh viện, trung tâm y tế)',
    en: 'Health facility (health station, hospital, health centre)',
  },
  { code: 'school', vi: 'Trường học, cơ sở giáo dục mầm non', en: 'School or preschool' },
  {
    code: 'social_work_centre',
    vi: 'Trung tâm công tác xã hội, bảo vệ trẻ em',
    en: 'Social work or child protection centre',
  },
  { code: 'social_assistance_facility', vi: 'Cơ sở trợ giúp xã hội', en: 'Social assistance facility' },
  { code: 'police', vi: 'Công an', en: 'Police' },
  { code: 'justice_legal_aid', vi: 'Tư pháp, trợ giúp pháp lý', en: 'Justice or legal aid' },
  {
    code: 'hotline',
    vi: 'Tổng đài 111, đường dây tư vấn',
    en: '111 hotline or counselling line',
  },
  { code: 'women_union', vi: 'Hội Liên hiệp Phụ nữ', en: "Women's Union" },
  { code: 'youth_union', vi: 'Đoàn Thanh niên', en: 'Youth Union' },
  {
    code: 'ngo',
    vi: 'Tổ chức phi chính phủ, tổ chức quốc tế',
    en: 'NGO or international organisation',
  },
  { code: 'other', vi: 'Khác', en: 'Other' },
] as const satisfies readonly ProviderSectorEntry[];

/**
 * The level a provider works at: national (the 111 hotline), province (a provincial social work centre, hospital),
 * commune (a health station, the commune police), village (a village health worker's post), or one facility that
 * serves whoever comes (a school, a private clinic).
 */
export const providerLevelCodes = ['national', 'province', 'commune', 'village', 'facility'] as const;
export const ProviderLevel = z.enum(providerLevelCodes);
export type ProviderLevel = z.infer<typeof ProviderLevel>;

export const providerLevels = [
  { code: 'national', vi: 'Trung ương', en: 'National' },
  { code: 'province', vi: 'Cấp tỉnh', en: 'Province' },
  { code: 'commune', vi: 'Cấp xã', en: 'Commune' },
  { code: 'village', vi: 'Thôn, tổ dân phố', en: 'Village' },
  { code: 'facility', vi: 'Cơ sở', en: 'Facility' },
] as const satisfies readonly { code: ProviderLevel; vi: string; en: string }[];
