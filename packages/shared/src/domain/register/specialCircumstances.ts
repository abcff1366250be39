/**
 * The 14 groups of children in special circumstances (Law on Children 2016, Art. 10(1)), coded by the clause letter
 * (the Vietnamese letters skip f and j; đ is written `dd`), and their sub-groups from Decree 56/2017/NĐ-CP, Chapter II,
 * Art. 3–16 (one article a group, in the Law's order). A sub-group's code is the group code followed by the number of
 * the Decree's clause (khoản), so `c12` is Art. 5(12); `vi` is the Decree's wording without the final full stop and
 * `en` is our translation. Sources and how they were checked: docs/domain-notes.md.
 *
 * Art. 7 (HIV/AIDS) and Art. 11 (serious harm from violence) have no numbered clauses: those groups have no
 * sub-groups (an assignment to them carries no sub-group code) and keep the article's single sentence as `definition`.
 */
export interface SpecialCircumstanceSubGroup {
  code: string;
  /** The clause (khoản) of the Decree's article that defines the sub-group. */
  clause: number;
  vi: string;
  en: string;
}

export interface SpecialCircumstanceGroup {
  code: string;
  /** The clause letter of Law on Children Art. 10(1). */
  clause: string;
  vi: string;
  en: string;
  /** The article of Decree 56/2017/NĐ-CP that details the group. */
  article: number;
  definition?: { vi: string; en: string };
  subGroups: readonly SpecialCircumstanceSubGroup[];
  /** True once every clause of the article is transcribed; an article without clauses is complete when empty. */
  subGroupsComplete: boolean;
  source: string;
  /** True only when the sub-groups were read in the Decree's text or a faithful quotation of it. */
  verified: boolean;
}

export const specialCircumstanceGroups = [
  {
    code: 'a',
    clause: 'a',
    vi: 'Trẻ em mồ côi cả cha và mẹ',
    en: 'Orphaned of both parents',
    article: 3,
    subGroups: [
      {
        code: 'a1',
        clause: 1,
        vi: 'Trẻ em mồ côi cả cha và mẹ không có người chăm sóc',
        en: 'Without a caregiver',
      },
      {
        code: 'a2',
        clause: 2,
        vi: 'Trẻ em mồ côi cả cha và mẹ được nuôi dưỡng trong cơ sở cung cấp dịch vụ bảo vệ trẻ em hoặc cơ sở trợ giúp xã hội',
        en: 'Raised in a child-protection-service or social-assistance facility',
      },
      {
        code: 'a3',
        clause: 3,
        vi: 'Trẻ em mồ côi cả cha và mẹ sống với người thân thích',
        en: 'Living with relatives',
      },
      {
        code: 'a4',
        clause: 4,
        vi: 'Trẻ em mồ côi cả cha và mẹ được nhận chăm sóc thay thế bởi cá nhân, gia đình không phải người thân thích, trừ trường hợp được nhận làm con nuôi',
        en: 'In alternative care by a person or family who are not relatives, other than adoption',
      },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 3 (Bộ pháp điển, Điều 8.1.NĐ.1.3)',
    verified: true,
  },
  {
    code: 'b',
    clause: 'b',
    vi: 'Trẻ em bị bỏ rơi',
    en: 'Abandoned',
    article: 4,
    subGroups: [
      {
        code: 'b1',
        clause: 1,
        vi: 'Trẻ em bị bỏ rơi chưa được chăm sóc thay thế',
        en: 'Not yet in alternative care',
      },
      { code: 'b2', clause: 2, vi: 'Trẻ em bị bỏ rơi được chăm sóc thay thế', en: 'In alternative care' },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 4 (Bộ pháp điển, Điều 8.1.NĐ.1.4)',
    verified: true,
  },
  {
    code: 'c',
    clause: 'c',
    vi: 'Trẻ em không nơi nương tựa',
    en: 'Without a place of reliance',
    article: 5,
    subGroups: [
      {
        code: 'c1',
        clause: 1,
        vi: 'Trẻ em mồ côi cha hoặc mẹ và người còn lại mất tích theo quy định của pháp luật',
        en: 'One parent dead and the other missing as defined by law',
      },
      {
        code: 'c2',
        clause: 2,
        vi: 'Trẻ em mồ côi cha hoặc mẹ và người còn lại đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội hoặc không còn khả năng chăm sóc, nuôi dưỡng',
        en: 'One parent dead and the other cared for in a social-assistance facility or no longer able to care for the child',
      },
      {
        code: 'c3',
        clause: 3,
        vi: 'Trẻ em mồ côi cha hoặc mẹ và người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc',
        en: 'One parent dead and the other serving a prison sentence or held in a compulsory education or compulsory drug-rehabilitation facility',
      },
      {
        code: 'c4',
        clause: 4,
        vi: 'Trẻ em có cả cha và mẹ mất tích theo quy định của pháp luật',
        en: 'Both parents missing as defined by law',
      },
      {
        code: 'c5',
        clause: 5,
        vi: 'Trẻ em có cha hoặc mẹ mất tích theo quy định của pháp luật và người còn lại đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội',
        en: 'One parent missing as defined by law and the other cared for in a social-assistance facility',
      },
      {
        code: 'c6',
        clause: 6,
        vi: 'Trẻ em có cha hoặc mẹ mất tích theo quy định của pháp luật và người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc',
        en: 'One parent missing as defined by law and the other serving a prison sentence or held in a compulsory education or compulsory drug-rehabilitation facility',
      },
      {
        code: 'c7',
        clause: 7,
        vi: 'Trẻ em có cả cha và mẹ không còn khả năng chăm sóc trẻ em',
        en: 'Both parents no longer able to care for the child',
      },
      {
        code: 'c8',
        clause: 8,
        vi: 'Trẻ em có cả cha và mẹ đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội',
        en: 'Both parents cared for in a social-assistance facility',
      },
      {
        code: 'c9',
        clause: 9,
        vi: 'Trẻ em có cả cha và mẹ đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc',
        en: 'Both parents serving prison sentences or held in compulsory education or compulsory drug-rehabilitation facilities',
      },
      {
        code: 'c10',
        clause: 10,
        vi: 'Trẻ em có cha hoặc mẹ đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội và người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc',
        en: 'One parent cared for in a social-assistance facility and the other serving a prison sentence or held in a compulsory education or compulsory drug-rehabilitation facility',
      },
      {
        code: 'c11',
        clause: 11,
        vi: 'Trẻ em sống trong gia đình có cả cha và mẹ trong độ tuổi trẻ em',
        en: 'Living in a family where both parents are themselves children (under 16)',
      },
      {
        code: 'c12',
        clause: 12,
        vi: 'Trẻ em có cả cha và mẹ bị hạn chế quyền làm cha mẹ hoặc tạm thời cách ly khỏi cha hoặc mẹ theo quy định của pháp luật',
        en: 'Both parents’ parental rights restricted, or the child temporarily separated from a parent, as provided by law',
      },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 5 (Bộ pháp điển, Điều 8.1.NĐ.1.5)',
    verified: true,
  },
  {
    code: 'd',
    clause: 'd',
    vi: 'Trẻ em khuyết tật',
    en: 'With disabilities',
    article: 6,
    subGroups: [
      { code: 'd1', clause: 1, vi: 'Trẻ em khuyết tật đặc biệt nặng', en: 'Especially severe disability' },
      { code: 'd2', clause: 2, vi: 'Trẻ em khuyết tật nặng', en: 'Severe disability' },
      { code: 'd3', clause: 3, vi: 'Trẻ em khuyết tật nhẹ', en: 'Mild disability' },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 6 (Bộ pháp điển, Điều 8.1.NĐ.1.6)',
    verified: true,
  },
  {
    code: 'dd',
    clause: 'đ',
    vi: 'Trẻ em nhiễm HIV/AIDS',
    en: 'Living with HIV/AIDS',
    article: 7,
    definition: {
      vi: 'Trẻ em nhiễm HIV/AIDS theo quy định pháp luật',
      en: 'Children living with HIV/AIDS as defined by law',
    },
    subGroups: [],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 7 (Bộ pháp điển, Điều 8.1.NĐ.1.7); the article has no clauses',
    verified: true,
  },
  {
    code: 'e',
    clause: 'e',
    vi: 'Trẻ em vi phạm pháp luật',
    en: 'In conflict with the law',
    article: 8,
    subGroups: [
      {
        code: 'e1',
        clause: 1,
        vi: 'Trẻ em vi phạm pháp luật đang bị áp dụng biện pháp xử lý hành chính, giáo dục tại xã, phường, thị trấn hoặc biện pháp đưa vào trường giáo dưỡng; đang bị áp dụng biện pháp thay thế xử lý vi phạm hành chính quản lý tại gia đình',
        en: 'Under the administrative measure of education in the commune or placement in a reform school, or under family management as an alternative to administrative sanctions',
      },
      {
        code: 'e2',
        clause: 2,
        vi: 'Trẻ em vi phạm pháp luật chưa xác định được nơi cư trú ổn định đang chấp hành biện pháp xử lý hành chính giáo dục tại xã, phường, thị trấn, tại cơ sở cung cấp dịch vụ bảo vệ trẻ em, cơ sở trợ giúp xã hội',
        en: 'Without a known stable residence, undergoing the administrative measure of education in the commune at a child-protection-service or social-assistance facility',
      },
      {
        code: 'e3',
        clause: 3,
        vi: 'Trẻ em vi phạm pháp luật đang bị áp dụng biện pháp tư pháp giáo dục tại xã, phường, thị trấn hoặc đưa vào trường giáo dưỡng; đang bị áp dụng hình phạt cải tạo không giam giữ, tù có thời hạn hoặc tù có thời hạn nhưng được hưởng án treo',
        en: 'Under the judicial measure of education in the commune or placement in a reform school, or sentenced to non-custodial reform, a fixed-term prison sentence or a suspended prison sentence',
      },
      {
        code: 'e4',
        clause: 4,
        vi: 'Trẻ em chấp hành xong hình phạt tù có thời hạn hoặc chấp hành xong biện pháp đưa vào trường giáo dưỡng',
        en: 'Having completed a fixed-term prison sentence or a placement in a reform school',
      },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 8 (Bộ pháp điển, Điều 8.1.NĐ.1.8)',
    verified: true,
  },
  {
    code: 'g',
    clause: 'g',
    vi: 'Trẻ em nghiện ma túy',
    en: 'Drug-addicted',
    article: 9,
    subGroups: [
      {
        code: 'g1',
        clause: 1,
        vi: 'Trẻ em nghiện ma túy trong cơ sở cai nghiện',
        en: 'In a drug-rehabilitation facility',
      },
      {
        code: 'g2',
        clause: 2,
        vi: 'Trẻ em nghiện ma túy đang áp dụng biện pháp cai nghiện, điều trị nghiện tại gia đình, cộng đồng',
        en: 'Undergoing drug rehabilitation or addiction treatment at home or in the community',
      },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 9 (Bộ pháp điển, Điều 8.1.NĐ.1.9)',
    verified: true,
  },
  {
    code: 'h',
    clause: 'h',
    vi: 'Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở',
    en: 'Dropped out to earn a living before completing lower-secondary education',
    article: 10,
    subGroups: [
      {
        code: 'h1',
        clause: 1,
        // The codification prints "phố cập" here, a typo: clause 2 and the Law's own wording read "phổ cập".
        vi: 'Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở không có người chăm sóc',
        en: 'Without a caregiver',
      },
      {
        code: 'h2',
        clause: 2,
        vi: 'Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở sống cùng cha, mẹ hoặc người chăm sóc',
        en: 'Living with a parent or a caregiver',
      },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 10 (Bộ pháp điển, Điều 8.1.NĐ.1.10)',
    verified: true,
  },
  {
    code: 'i',
    clause: 'i',
    vi: 'Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực',
    en: 'Seriously harmed physically and mentally by violence',
    article: 11,
    definition: {
      vi: 'Trẻ em bị bạo lực dẫn đến rối loạn tâm thần, hành vi, hạn chế khả năng giao tiếp, học tập hoặc khả năng tự thực hiện một số việc phục vụ nhu cầu sinh hoạt cá nhân hàng ngày theo kết luận của cơ quan giám định, cơ sở khám bệnh, chữa bệnh hoặc người có chuyên môn được cơ quan, tổ chức, cá nhân có thẩm quyền yêu cầu kiểm tra, đánh giá mức độ tổn hại của trẻ em',
      en: 'Children whom violence has left with a mental or behavioural disorder, or with a limited ability to communicate, learn or carry out some of their own daily personal care, as concluded by a forensic-assessment body, a medical facility, or a professional asked by a competent body, organisation or person to examine and assess the harm',
    },
    subGroups: [],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 11 (Bộ pháp điển, Điều 8.1.NĐ.1.11); the article has no clauses',
    verified: true,
  },
  {
    code: 'k',
    clause: 'k',
    vi: 'Trẻ em bị bóc lột',
    en: 'Exploited',
    article: 12,
    subGroups: [
      {
        code: 'k1',
        clause: 1,
        vi: 'Trẻ em bị bắt buộc tham gia lao động trái quy định của pháp luật về lao động',
        en: 'Forced to work in breach of labour law',
      },
      {
        code: 'k2',
        clause: 2,
        vi: 'Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia các hoạt động trình diễn hoặc bị sử dụng trong sản xuất các sản phẩm khiêu dâm',
        en: 'Enticed, incited, used, lured or forced into pornographic performances or used in making pornographic products',
      },
      {
        code: 'k3',
        clause: 3,
        vi: 'Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia hoạt động du lịch mà bị xâm hại tình dục; bị cho, nhận hoặc cung cấp để hoạt động mại dâm',
        en: 'Enticed, incited, used, lured or forced into tourism activities and sexually abused there; or given, received or supplied for prostitution',
      },
      {
        code: 'k4',
        clause: 4,
        vi: 'Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia hoạt động vận chuyển, mua bán, sản xuất, tàng trữ chất gây nghiện và các hàng hóa khác bị cấm giao dịch theo quy định của pháp luật',
        en: 'Enticed, incited, used, lured or forced into transporting, trading, producing or storing addictive substances or other goods whose trade is banned by law',
      },
      {
        code: 'k5',
        clause: 5,
        vi: 'Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia các hoạt động trục lợi khác',
        en: 'Enticed, incited, used, lured or forced into other activities for someone’s profit',
      },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 12 (Bộ pháp điển, Điều 8.1.NĐ.1.12)',
    verified: true,
  },
  {
    code: 'l',
    clause: 'l',
    vi: 'Trẻ em bị xâm hại tình dục',
    en: 'Sexually abused',
    article: 13,
    subGroups: [
      { code: 'l1', clause: 1, vi: 'Trẻ em bị hiếp dâm', en: 'Raped' },
      {
        code: 'l2',
        clause: 2,
        vi: 'Trẻ em bị cưỡng dâm',
        en: 'Coerced into sexual intercourse (by a person they depend on)',
      },
      {
        code: 'l3',
        clause: 3,
        vi: 'Trẻ em bị giao cấu',
        en: 'Subjected to sexual intercourse (statutory offence)',
      },
      { code: 'l4', clause: 4, vi: 'Trẻ em bị dâm ô', en: 'Sexually molested' },
      {
        code: 'l5',
        clause: 5,
        vi: 'Trẻ em bị sử dụng vào mục đích mại dâm, khiêu dâm dưới mọi hình thức',
        en: 'Used for prostitution or pornography in any form',
      },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 13 (Bộ pháp điển, Điều 8.1.NĐ.1.13)',
    verified: true,
  },
  {
    code: 'm',
    clause: 'm',
    vi: 'Trẻ em bị mua bán',
    en: 'Trafficked',
    article: 14,
    subGroups: [
      {
        code: 'm1',
        clause: 1,
        vi: 'Trẻ em bị mua bán trở về sống với cha, mẹ',
        en: 'Returned and living with their parents',
      },
      {
        code: 'm2',
        clause: 2,
        vi: 'Trẻ em bị mua bán trở về được nhận chăm sóc thay thế',
        en: 'Returned and placed in alternative care',
      },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 14 (Bộ pháp điển, Điều 8.1.NĐ.1.14)',
    verified: true,
  },
  {
    code: 'n',
    clause: 'n',
    vi: 'Trẻ em mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày thuộc hộ nghèo hoặc hộ cận nghèo',
    en: 'With a dangerous or long-term illness, in a poor or near-poor household',
    article: 15,
    subGroups: [
      {
        code: 'n1',
        clause: 1,
        vi: 'Trẻ em thuộc hộ nghèo mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày theo quy định của cơ quan có thẩm quyền',
        en: 'In a poor household, with a dangerous or long-term illness as defined by the competent authority',
      },
      {
        code: 'n2',
        clause: 2,
        vi: 'Trẻ em thuộc hộ cận nghèo mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày theo quy định của cơ quan có thẩm quyền',
        en: 'In a near-poor household, with a dangerous or long-term illness as defined by the competent authority',
      },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 15 (Bộ pháp điển, Điều 8.1.NĐ.1.15)',
    verified: true,
  },
  {
    code: 'o',
    clause: 'o',
    vi: 'Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ hoặc không có người chăm sóc',
    en: 'Migrant, displaced or refugee children whose parents are unidentified or who have no caregiver',
    article: 16,
    subGroups: [
      {
        code: 'o1',
        clause: 1,
        vi: 'Trẻ em là công dân Việt Nam di cư, lánh nạn trong nước chưa xác định được cha mẹ hoặc không có người chăm sóc',
        en: 'Vietnamese citizens migrating or displaced within the country, whose parents are unidentified or who have no caregiver',
      },
      {
        code: 'o2',
        clause: 2,
        vi: 'Trẻ em có quốc tịch nước ngoài di cư, lánh nạn, tị nạn không có người chăm sóc',
        en: 'Foreign nationals migrating, displaced or seeking refuge, without a caregiver',
      },
      {
        code: 'o3',
        clause: 3,
        vi: 'Trẻ em chưa xác định được quốc tịch, chưa xác định được cha mẹ hoặc không có người chăm sóc di cư, lánh nạn, tị nạn vào Việt Nam',
        en: 'Of undetermined nationality, with unidentified parents or without a caregiver, migrating, displaced or seeking refuge into Viet Nam',
      },
    ],
    subGroupsComplete: true,
    source: 'Nghị định 56/2017/NĐ-CP, Điều 16 (Bộ pháp điển, Điều 8.1.NĐ.1.16)',
    verified: true,
  },
] as const satisfies readonly SpecialCircumstanceGroup[];

export type SpecialCircumstanceCode = (typeof specialCircumstanceGroups)[number]['code'];
export const specialCircumstanceCodes = specialCircumstanceGroups.map((g) => g.code);

export function findSpecialCircumstanceGroup(groupCode: string): SpecialCircumstanceGroup | undefined {
  return (specialCircumstanceGroups as readonly SpecialCircumstanceGroup[]).find((g) => g.code === groupCode);
}

/** The sub-group `subGroupCode` of group `groupCode`, or undefined when the pair is not in the Decree's table. */
export function findSubGroup(
  groupCode: string,
  subGroupCode: string,
): SpecialCircumstanceSubGroup | undefined {
  return findSpecialCircumstanceGroup(groupCode)?.subGroups.find((s) => s.code === subGroupCode);
}

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
