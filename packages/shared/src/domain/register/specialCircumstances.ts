/**
 * The 14 groups of children in special circumstances (Law on Children 2016, Art. 10(1)), coded by the clause letter
 * (the Vietnamese letters skip f and j; đ is written `dd`). Source: DOMAIN.md §1.1 [V].
 *
 * Decree 56/2017 (Chapter II, Art. 3 onwards) splits each group into sub-groups. Only the sub-groups quoted in
 * DOMAIN.md are transcribed here; `subGroupsComplete: false` marks the groups whose sub-group table is still to be
 * transcribed from the Decree's text (a task of the register issue).
 */
export interface SpecialCircumstanceGroup {
  code: string;
  clause: string;
  vi: string;
  en: string;
  subGroups: readonly { code: string; vi: string; en: string }[];
  subGroupsComplete: boolean;
}

export const specialCircumstanceGroups = [
  {
    code: 'a',
    clause: 'a',
    vi: 'Trẻ em mồ côi cả cha và mẹ',
    en: 'Orphaned of both parents',
    subGroups: [
      { code: 'a1', vi: 'Không có người chăm sóc', en: 'No caregiver' },
      {
        code: 'a2',
        vi: 'Đang sống tại cơ sở trợ giúp xã hội, cơ sở cung cấp dịch vụ bảo vệ trẻ em',
        en: 'Living in a social-assistance or child-protection-service facility',
      },
      { code: 'a3', vi: 'Đang sống cùng người thân thích', en: 'Living with relatives' },
      {
        code: 'a4',
        vi: 'Được chăm sóc thay thế bởi cá nhân, gia đình không phải người thân thích (không phải nhận con nuôi)',
        en: 'In alternative care by a non-relative, other than adoption',
      },
    ],
    subGroupsComplete: true,
  },
  {
    code: 'b',
    clause: 'b',
    vi: 'Trẻ em bị bỏ rơi',
    en: 'Abandoned',
    subGroups: [
      { code: 'b1', vi: 'Chưa được chăm sóc thay thế', en: 'Not yet in alternative care' },
      { code: 'b2', vi: 'Đang được chăm sóc thay thế', en: 'In alternative care' },
    ],
    subGroupsComplete: true,
  },
  {
    code: 'c',
    clause: 'c',
    vi: 'Trẻ em không nơi nương tựa',
    en: 'Without a place of reliance',
    subGroups: [],
    subGroupsComplete: false,
  },
  {
    code: 'd',
    clause: 'd',
    vi: 'Trẻ em khuyết tật',
    en: 'With disabilities',
    subGroups: [],
    subGroupsComplete: false,
  },
  {
    code: 'dd',
    clause: 'đ',
    vi: 'Trẻ em nhiễm HIV/AIDS',
    en: 'Living with HIV/AIDS',
    subGroups: [],
    subGroupsComplete: false,
  },
  {
    code: 'e',
    clause: 'e',
    vi: 'Trẻ em vi phạm pháp luật',
    en: 'In conflict with the law',
    subGroups: [],
    subGroupsComplete: false,
  },
  {
    code: 'g',
    clause: 'g',
    vi: 'Trẻ em nghiện ma túy',
    en: 'Drug-addicted',
    subGroups: [],
    subGroupsComplete: false,
  },
  {
    code: 'h',
    clause: 'h',
    vi: 'Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở',
    en: 'Dropped out to earn a living before completing lower-secondary education',
    subGroups: [],
    subGroupsComplete: false,
  },
  {
    code: 'i',
    clause: 'i',
    vi: 'Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực',
    en: 'Seriously harmed physically and mentally by violence',
    subGroups: [],
    subGroupsComplete: false,
  },
  {
    code: 'k',
    clause: 'k',
    vi: 'Trẻ em bị bóc lột',
    en: 'Exploited',
    subGroups: [],
    subGroupsComplete: false,
  },
  {
    code: 'l',
    clause: 'l',
    vi: 'Trẻ em bị xâm hại tình dục',
    en: 'Sexually abused',
    subGroups: [],
    subGroupsComplete: false,
  },
  {
    code: 'm',
    clause: 'm',
    vi: 'Trẻ em bị mua bán',
    en: 'Trafficked',
    subGroups: [],
    subGroupsComplete: false,
  },
  {
    code: 'n',
    clause: 'n',
    vi: 'Trẻ em mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày thuộc hộ nghèo hoặc hộ cận nghèo',
    en: 'With a dangerous or long-term illness, in a poor or near-poor household',
    subGroups: [],
    subGroupsComplete: false,
  },
  {
    code: 'o',
    clause: 'o',
    vi: 'Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ hoặc không có người chăm sóc',
    en: 'Migrant, displaced or refugee children whose parents are unidentified or who have no caregiver',
    subGroups: [],
    subGroupsComplete: false,
  },
] as const satisfies readonly SpecialCircumstanceGroup[];

export type SpecialCircumstanceCode = (typeof specialCircumstanceGroups)[number]['code'];
export const specialCircumstanceCodes = specialCircumstanceGroups.map((g) => g.code);

/**
 * Default province-defined at-risk flags (trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt has no closed statutory list,
 * DOMAIN.md §1.1 [U]): a starting catalogue each province may edit.
 */
export const defaultAtRiskFlags = [
  {
    code: 'parents_away',
    vi: 'Cha mẹ đi làm ăn xa, trẻ ở với ông bà hoặc người thân',
    en: 'Parents working away from home',
  },
  { code: 'domestic_violence', vi: 'Gia đình có bạo lực gia đình', en: 'Domestic violence in the home' },
  { code: 'poor_out_of_school', vi: 'Thuộc hộ nghèo và đã bỏ học', en: 'Poor household, out of school' },
  {
    code: 'single_parent_ill',
    vi: 'Sống với cha hoặc mẹ đơn thân bị bệnh nặng',
    en: 'Single parent with a serious illness',
  },
  { code: 'parent_in_prison', vi: 'Cha hoặc mẹ đang chấp hành án phạt tù', en: 'Parent in prison' },
  { code: 'parent_drug_use', vi: 'Cha hoặc mẹ nghiện ma túy', en: 'Parent uses drugs' },
  {
    code: 'divorced_parents',
    vi: 'Cha mẹ ly hôn, trẻ thiếu người chăm sóc',
    en: 'Parents divorced, child lacks care',
  },
  { code: 'child_labour_risk', vi: 'Có nguy cơ phải lao động sớm', en: 'At risk of child labour' },
  { code: 'early_marriage_risk', vi: 'Có nguy cơ tảo hôn', en: 'At risk of child marriage' },
  { code: 'no_birth_registration', vi: 'Chưa được đăng ký khai sinh', en: 'Birth not registered' },
] as const;
