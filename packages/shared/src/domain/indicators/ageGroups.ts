/**
 * The age groups a number breaks down into, in completed years on the period's last day: the groups of the
 * child-statistics indicator sheets (Circular 13/2021: 0–2, 3–5, 6–10, 11–15) [P], with the under-5s split at
 * 2 years, where the nutrition indicators need it.
 */
export const ageGroups = [
  { code: '0-2', fromYears: 0, toYears: 3, vi: '0–2 tuổi', en: '0–2 years' },
  { code: '3-5', fromYears: 3, toYears: 6, vi: '3–5 tuổi', en: '3–5 years' },
  { code: '6-10', fromYears: 6, toYears: 11, vi: '6–10 tuổi', en: '6–10 years' },
  { code: '11-15', fromYears: 11, toYears: 16, vi: '11–15 tuổi', en: '11–15 years' },
] as const;
export type AgeGroupCode = (typeof ageGroups)[number]['code'];

export function ageGroupOf(ageYears: number): AgeGroupCode | null {
  return ageGroups.find((group) => ageYears >= group.fromYears && ageYears < group.toYears)?.code ?? null;
}

/** Labels of every disaggregation value the engine returns, for tables and exports. */
export const disaggregationValueNames: Record<string, Record<string, { vi: string; en: string }>> = {
  sex: { male: { vi: 'Nam', en: 'Male' }, female: { vi: 'Nữ', en: 'Female' } },
  age_group: Object.fromEntries(ageGroups.map((group) => [group.code, { vi: group.vi, en: group.en }])),
  ethnicity_group: {
    kinh: { vi: 'Dân tộc Kinh', en: 'Kinh' },
    minority: { vi: 'Dân tộc thiểu số', en: 'Ethnic minority' },
  },
  residence: { urban: { vi: 'Thành thị', en: 'Urban' }, rural: { vi: 'Nông thôn', en: 'Rural' } },
  disability: {
    yes: { vi: 'Khuyết tật', en: 'With disability' },
    no: { vi: 'Không khuyết tật', en: 'Without disability' },
  },
};

export const disaggregationNames: Record<string, { vi: string; en: string }> = {
  sex: { vi: 'Giới tính', en: 'Sex' },
  age_group: { vi: 'Nhóm tuổi', en: 'Age group' },
  ethnicity_group: { vi: 'Kinh / dân tộc thiểu số', en: 'Kinh / ethnic minority' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnic group' },
  residence: { vi: 'Thành thị / nông thôn', en: 'Urban / rural' },
  disability: { vi: 'Khuyết tật', en: 'Disability' },
  circumstance_group: { vi: 'Nhóm hoàn cảnh đặc biệt', en: 'Special-circumstance group' },
};
