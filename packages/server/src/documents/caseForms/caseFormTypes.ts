// What the printable case forms (Decree 56/2017/NĐ-CP, Mẫu số 01–06) and referral letters are filled from: plain
// data, no database. A step the case has not reached is `null` (or an empty list) and its form prints with dotted
// lines to fill by hand, as officials use the blank annex forms. The codes are those of the case catalogue and the
// referral API (@treem/shared), so a mapper from the case tables is a rename, not a translation.
import type {
  ConcernType,
  IntakeChannel,
  IntakeSource,
  PlainDate,
  ReferralUrgency,
  ReviewConclusion,
  RiskItem,
  RiskLevel,
} from '@treem/shared';

export type {
  ConcernType,
  IntakeChannel,
  IntakeSource,
  ReferralUrgency,
  ReviewConclusion,
  RiskItem,
  RiskLevel,
};

/** An instant as ISO 8601 with its offset, '2025-09-03T08:15:00+07:00'; printed in Vietnam time. */
export type Instant = string;

export const caseFormKinds = ['mau01', 'mau02', 'mau03', 'mau04', 'mau05', 'mau06'] as const;
export type CaseFormKind = (typeof caseFormKinds)[number];

/** The commune People's Committee that issues the forms. */
export interface IssuingBody {
  /** With its kind, as in the register: 'Tỉnh Lào Cai', 'Thành phố Hải Phòng'. */
  province: string;
  /** With its kind: 'Xã Bản Lầu', 'Phường Hồng Gai', 'Đặc khu Phú Quốc'. Printed "UBND XÃ BẢN LẦU". */
  commune: string;
  /** The place on the date line ("Bản Lầu, ngày …"); null: the commune's name without its kind. */
  placeName: string | null;
}

/** A named official and the post printed under the signature: 'Công chức Văn hóa - Xã hội'. */
export interface Official {
  fullName: string;
  title: string | null;
}

/** 'unknown': the reporter did not know (a box of Mẫu 01); null: not filled in yet. */
export type ChildSex = 'male' | 'female' | 'unknown';

export interface ChildIdentity {
  /** Null while the child is not identified (an intake may be about an unnamed child). */
  fullName: string | null;
  sex: ChildSex | null;
  birthDate: PlainDate | null;
  /** Mẫu 01 asks for an estimated age when the birth date is unknown. */
  estimatedAge: number | null;
  ethnicity: string | null;
  /** Where the child lives. */
  address: string | null;
  school: string | null;
  schoolClass: string | null;
  /** The 12-digit personal identification number, if the child has one. */
  personalId: string | null;
}

export type CaregiverRelationship = 'father' | 'mother' | 'other';

export interface Caregiver {
  fullName: string;
  relationship: CaregiverRelationship;
  /** How an 'other' caregiver is related, as printed: 'Bà nội', 'Chú ruột', 'Người giám hộ'. */
  relationshipLabel: string | null;
  /** Mẫu 01 prints the parents' ages, computed at the report's date. */
  birthYear: number | null;
  occupation: string | null;
  phone: string | null;
  address: string | null;
  /** Who cares for the child now (Mẫu 01: "Hiện ai là người chăm sóc trẻ em"). */
  isCurrentCaregiver: boolean;
}

/**
 * The group the report puts the child in, which ends the title of Mẫu 01 ("… TRẺ EM BỊ XÂM HẠI"): abused, at risk
 * of violence, exploitation or abandonment, or in special circumstances [V, note (4) of the form].
 */
export type IntakeCategory = 'abused' | 'at_risk' | 'special_circumstances';

/** Mẫu 01 records the reporter only "if they agree to give their details". */
export type Reporter =
  | { anonymous: true }
  | {
      anonymous: false;
      fullName: string;
      phone: string | null;
      address: string | null;
      /** 'Hàng xóm', 'Giáo viên chủ nhiệm'. */
      relationshipToChild: string | null;
    };

/** Step 1, Mẫu 01: receipt of the report. Every case has one. */
export interface Intake {
  /** The report's number, 'BC-UBND' symbol included: '12/BC-UBND'; null prints "Số: …/BC-UBND". */
  reportNumber: string | null;
  receivedAt: Instant;
  channel: IntakeChannel;
  source: IntakeSource;
  /** Who exactly, for 'other' or to name the school: 'Trường Tiểu học Bản Lầu'. */
  sourceDetail: string | null;
  reporter: Reporter;
  category: IntakeCategory | null;
  concerns: readonly ConcernType[];
  whatHappened: string;
  /** Where it happened (Mẫu 01: "Địa điểm xảy ra vụ việc"). */
  where: string | null;
  occurredOn: PlainDate | null;
  /** When, as the reporter said it, beside or instead of the date: 'khoảng 21 giờ', 'nhiều lần trong tháng 8'. */
  occurredTimeNote: string | null;
  /** Where the child is now. */
  childWhereabouts: string | null;
  childCurrentCondition: string | null;
  /** The receiver's guess at what happens to the child without support or intervention. */
  likelyConsequences: string | null;
  /** Family circumstances as the reporter described them. */
  familySituation: string | null;
  /** Support or intervention already given before the report. */
  actionsTakenBefore: string | null;
  notes: string | null;
  receivedBy: Official | null;
}

/**
 * One level per item, as the form asks it; an item not rated yet is null and prints as boxes to tick. Part (b),
 * `self_protection`, is the child's capacity, where "Cao" is good (`riskItemIsCapacity`), as the case catalogue
 * stores it.
 */
export type RiskRatings = Readonly<Record<RiskItem, RiskLevel | null>>;

/** Urgent protection (Decree 56, Arts. 31–32): what was done, within 12 hours of the report. */
export interface EmergencyIntervention {
  measures: string;
  /** Whether the child was temporarily separated from the person or place causing the harm. */
  separated: boolean;
  intervenedAt: Instant | null;
}

/** Step 2, Mẫu 02: verification and initial risk assessment. */
export interface InitialAssessment {
  assessedAt: Instant;
  assessedBy: Official | null;
  /** Whether the report proved true. */
  verified: boolean;
  findings: string | null;
  ratings: RiskRatings;
  /** The decision: does the child need urgent protection? */
  urgentProtection: boolean;
  emergency: EmergencyIntervention | null;
}

export interface MeetingParticipant {
  fullName: string;
  /** Post or relation to the child: 'Chủ tịch UBND xã', 'Mẹ của trẻ em'. */
  role: string | null;
}

/** The meeting that decides the support the child needs, and its minutes (Decree 56, Art. 27). */
export interface NeedsMeeting {
  heldOn: PlainDate;
  place: string | null;
  chairedBy: string | null;
  recordedBy: string | null;
  participants: readonly MeetingParticipant[];
  conclusions: string;
}

/** Step 3, Mẫu 03: information gathering, specific assessment and the child's needs. */
export interface SpecificAssessment {
  assessedOn: PlainDate;
  assessedBy: Official | null;
  /** Whom the worker asked: the child, family, school, health station, police. */
  informationSources: string | null;
  findings: string | null;
  /** The ratings after gathering information; null when the worker did not rate again. */
  ratings: RiskRatings | null;
  needs: readonly string[];
  meeting: NeedsMeeting | null;
}

export interface PlanAction {
  description: string;
  /** Who carries it out: a person, a unit or a service provider. */
  responsible: string;
  dueOn: PlainDate | null;
  /** The service the action delivers, if any: 'Tư vấn tâm lý', 'Trợ giúp pháp lý'. */
  service: string | null;
}

/** Step 4, Mẫu 04: the support and intervention plan. */
export interface CasePlan {
  draftedOn: PlainDate;
  draftedBy: Official | null;
  goals: readonly string[];
  actions: readonly PlanAction[];
  reviewDates: readonly PlainDate[];
}

/** Whether the chair signs in person or a vice-chair signs for them (KT. CHỦ TỊCH). */
export type SignerCapacity = 'chair' | 'vice_chair';

/** Step 4, Mẫu 05: the chair's decision approving the plan. */
export interface PlanApproval {
  /** With its symbol: '15/QĐ-UBND'; null prints "Số: …/QĐ-UBND". */
  decisionNumber: string | null;
  decidedOn: PlainDate | null;
  signer: Official | null;
  signerCapacity: SignerCapacity;
  /**
   * Legal bases printed before the two the decision always cites (the Law on Children and Decree 56/2017): the
   * current law on local government organisation, a provincial procedure. One line each, "Căn cứ …;".
   */
  extraLegalBases: readonly string[];
  /** Who must carry out the decision besides the worker and the family (Điều 3). */
  implementers: readonly string[];
}

/** Step 6, Mẫu 06: review of the child's situation after the plan. */
export interface CaseReview {
  reviewedOn: PlainDate;
  reviewedBy: Official | null;
  ratings: RiskRatings;
  findings: string | null;
  conclusion: ReviewConclusion | null;
  nextReviewOn: PlainDate | null;
}

/** The consent to share the child's information with the provider (Law on Children Art. 21; PDPL 2025). */
export interface ReferralConsent {
  obtained: boolean;
  /** Who agreed, as printed: 'Lò Thị Mai (mẹ)', 'Trẻ em (từ đủ 7 tuổi)'. */
  givenBy: readonly string[];
  on: PlainDate | null;
}

export interface ContactPerson {
  fullName: string;
  title: string | null;
  phone: string | null;
  email: string | null;
}

export interface ServiceProvider {
  name: string;
  address: string | null;
  phone: string | null;
}

/** A referral to a provider without an account, printed as a letter with a reply slip. */
export interface Referral {
  /** With its symbol: '25/PC-UBND'; null prints "Số: …/PC-UBND". */
  number: string | null;
  issuedOn: PlainDate | null;
  to: ServiceProvider;
  reason: string;
  servicesRequested: readonly string[];
  urgency: ReferralUrgency;
  consent: ReferralConsent;
  contactPerson: ContactPerson;
  /** The date the provider is asked to reply by. */
  replyBy: PlainDate | null;
  /** Whether a reply slip to cut off and send back follows the letter. */
  includeReplySlip: boolean;
  signer: Official | null;
  signerCapacity: SignerCapacity;
  /** Documents sent with the letter: 'Báo cáo đánh giá nguy cơ ban đầu (Mẫu số 02)'. */
  attachments: readonly string[];
}

/** A case, as far as it has gone. */
export interface CaseFormInput {
  issuer: IssuingBody;
  child: ChildIdentity;
  caregivers: readonly Caregiver[];
  intake: Intake;
  initialAssessment: InitialAssessment | null;
  specificAssessment: SpecificAssessment | null;
  plan: CasePlan | null;
  approval: PlanApproval | null;
  /** Oldest first; Mẫu 06 prints the latest unless told otherwise. */
  reviews: readonly CaseReview[];
  referrals: readonly Referral[];
  /** The commune child-protection worker (người làm công tác bảo vệ trẻ em cấp xã) assigned to the case. */
  worker: Official | null;
}

/** What a referral letter prints: the case's issuer, child and caregivers, and the one referral. */
export interface ReferralLetterInput {
  issuer: IssuingBody;
  child: ChildIdentity;
  caregivers: readonly Caregiver[];
  referral: Referral;
}

export interface CaseFormOptions {
  /** Which review Mẫu 06 prints, as an index into `reviews`; by default the latest. */
  reviewIndex?: number;
}
