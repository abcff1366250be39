import { z } from 'zod';

/**
 * The words of a child-protection case (Decree 56/2017/NĐ-CP, Chapter III; docs/child-protection.md). Codes are
 * English; the Vietnamese names are the ones printed on the forms.
 */

/** How the report reached the receiver (Mẫu 01). */
export const intakeChannels = ['phone', 'in_person', 'online', 'written'] as const;
export const IntakeChannel = z.enum(intakeChannels);
export type IntakeChannel = z.infer<typeof IntakeChannel>;

export const intakeChannelNames: Record<IntakeChannel, { vi: string; en: string }> = {
  phone: { vi: 'Điện thoại', en: 'Phone' },
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến (ứng dụng, mạng xã hội, thư điện tử)', en: 'Online (app, social media, email)' },
  written: { vi: 'Văn bản', en: 'In writing' },
};

/** Who reported (Decree 56, Art. 25: anyone who learns of abuse or risk must report). */
export const intakeSources = [
  'village_collaborator',
  'school',
  'health_facility',
  'police',
  'hotline_111',
  'neighbour',
  'family',
  'child',
  'other',
] as const;
export const IntakeSource = z.enum(intakeSources);
export type IntakeSource = z.infer<typeof IntakeSource>;

export const intakeSourceNames: Record<IntakeSource, { vi: string; en: string }> = {
  village_collaborator: { vi: 'Cộng tác viên thôn', en: 'Village collaborator' },
  school: { vi: 'Nhà trường', en: 'School' },
  health_facility: { vi: 'Cơ sở y tế', en: 'Health facility' },
  police: { vi: 'Công an', en: 'Police' },
  hotline_111: { vi: 'Tổng đài 111', en: '111 hotline' },
  neighbour: { vi: 'Hàng xóm, người dân', en: 'Neighbour or resident' },
  family: { vi: 'Gia đình, người thân', en: 'Family or relative' },
  child: { vi: 'Chính trẻ em', en: 'The child' },
  other: { vi: 'Khác', en: 'Other' },
};

/** What the report is about: the forms of harm of Law on Children Art. 4 and the risk of special circumstances. */
export const concernTypes = [
  'violence',
  'sexual_abuse',
  'exploitation',
  'child_labour',
  'neglect',
  'abandonment',
  'trafficking',
  'abduction',
  'drugs',
  'online_harm',
  'in_conflict_with_law',
  'risk_special_circumstances',
  'other',
] as const;
export const ConcernType = z.enum(concernTypes);
export type ConcernType = z.infer<typeof ConcernType>;

export const concernTypeNames: Record<ConcernType, { vi: string; en: string }> = {
  violence: { vi: 'Bạo lực', en: 'Violence' },
  sexual_abuse: { vi: 'Xâm hại tình dục', en: 'Sexual abuse' },
  exploitation: { vi: 'Bóc lột', en: 'Exploitation' },
  child_labour: { vi: 'Lao động trẻ em', en: 'Child labour' },
  neglect: { vi: 'Bỏ mặc', en: 'Neglect' },
  abandonment: { vi: 'Bỏ rơi', en: 'Abandonment' },
  trafficking: { vi: 'Mua bán', en: 'Trafficking' },
  abduction: { vi: 'Bắt cóc, đánh tráo, chiếm đoạt', en: 'Abduction, swapping, appropriation' },
  drugs: { vi: 'Ma túy', en: 'Drugs' },
  online_harm: { vi: 'Xâm hại trên môi trường mạng', en: 'Online harm' },
  in_conflict_with_law: { vi: 'Vi phạm pháp luật', en: 'In conflict with the law' },
  risk_special_circumstances: {
    vi: 'Có nguy cơ rơi vào hoàn cảnh đặc biệt',
    en: 'At risk of special circumstances',
  },
  other: { vi: 'Khác', en: 'Other' },
};

/** Sexual-abuse reports are extra-confidential by default: their notes are hidden from all but the workers. */
export const extraConfidentialConcerns: readonly ConcernType[] = ['sexual_abuse', 'trafficking'];

/** Risk levels of the assessment forms (Mẫu 02, 06): Cao / Trung bình / Thấp [V]. */
export const riskLevels = ['high', 'medium', 'low'] as const;
export const RiskLevel = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const riskLevelNames: Record<RiskLevel, { vi: string; en: string }> = {
  high: { vi: 'Cao', en: 'High' },
  medium: { vi: 'Trung bình', en: 'Medium' },
  low: { vi: 'Thấp', en: 'Low' },
};

/**
 * The items rated on the assessment forms. Mẫu 06 part (a) rates the seriousness of the harm, the perpetrator's
 * access to the child and the obstacles to safety in the care environment, part (b) the child's capacity for
 * self-protection and recovery [V]. Mẫu 02 is taken to rate the same items [U].
 */
export const riskItems = [
  'harm_severity',
  'perpetrator_access',
  'care_environment',
  'self_protection',
] as const;
export const RiskItem = z.enum(riskItems);
export type RiskItem = z.infer<typeof RiskItem>;

export const riskItemNames: Record<RiskItem, { vi: string; en: string }> = {
  harm_severity: { vi: 'Mức độ nghiêm trọng của tổn hại đối với trẻ em', en: 'Seriousness of the harm' },
  perpetrator_access: {
    vi: 'Khả năng tiếp cận trẻ em của đối tượng xâm hại',
    en: "The perpetrator's access to the child",
  },
  care_environment: {
    vi: 'Trở ngại đối với sự an toàn trong môi trường chăm sóc',
    en: 'Obstacles to safety in the care environment',
  },
  self_protection: {
    vi: 'Khả năng tự bảo vệ, phục hồi của trẻ em',
    en: "The child's capacity for self-protection and recovery",
  },
};

export type RiskRatings = Record<RiskItem, RiskLevel>;

/**
 * Each item is rated as the form asks it. Part (a) asks about harm: "Cao" is a high risk. Part (b) asks about the
 * child's capacity for self-protection and recovery: "Cao" is a strong capacity, so a low risk.
 */
export const riskItemIsCapacity: Record<RiskItem, boolean> = {
  harm_severity: false,
  perpetrator_access: false,
  care_environment: false,
  self_protection: true,
};

const inverted: Record<RiskLevel, RiskLevel> = { high: 'low', medium: 'medium', low: 'high' };

/**
 * The case's overall risk: the highest risk of any item, a capacity read inverted. The forms total the ratings [V]
 * but state no rule for the total [U]; the highest item is the cautious reading (one high item makes a high-risk
 * case).
 */
export function overallRisk(ratings: RiskRatings): RiskLevel {
  const levels = riskItems.map((item) =>
    riskItemIsCapacity[item] ? inverted[ratings[item]] : ratings[item],
  );
  if (levels.includes('high')) return 'high';
  if (levels.includes('medium')) return 'medium';
  return 'low';
}

/** Why a case was closed. */
export const closeReasons = [
  'not_verified',
  'goals_met',
  'no_longer_at_risk',
  'child_turned_16',
  'child_died',
  'transferred_elsewhere',
  'other',
] as const;
export const CloseReason = z.enum(closeReasons);
export type CloseReason = z.infer<typeof CloseReason>;

export const closeReasonNames: Record<CloseReason, { vi: string; en: string }> = {
  not_verified: { vi: 'Thông tin không được xác thực', en: 'Report not verified' },
  goals_met: { vi: 'Đã đạt mục tiêu kế hoạch', en: 'Plan goals met' },
  no_longer_at_risk: {
    vi: 'Trẻ em không còn nguy cơ bị xâm hại, ổn định',
    en: 'No longer at risk, stable',
  },
  child_turned_16: { vi: 'Trẻ em đủ 16 tuổi', en: 'Child turned 16' },
  child_died: { vi: 'Trẻ em tử vong', en: 'Child died' },
  transferred_elsewhere: { vi: 'Chuyển cơ quan khác giải quyết', en: 'Handed to another authority' },
  other: { vi: 'Lý do khác', en: 'Other reason' },
};

/** What the review (Mẫu 06) concludes [V: close or re-plan; "continue" is the plan running on]. */
export const reviewConclusions = ['continue', 'replan', 'propose_close'] as const;
export const ReviewConclusion = z.enum(reviewConclusions);
export type ReviewConclusion = z.infer<typeof ReviewConclusion>;
