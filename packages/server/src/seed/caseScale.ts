// Child-protection cases at benchmark scale: for a province the register scale writer (`registerScale.ts`) filled,
// one commune worker and one commune leader per commune, and `cases` (default 60,000) protection cases received over
// the last 3 years with their timeline (~`events`, default 500,000 `case_event` rows), members, plan actions, notes,
// shares, referrals and a few pending transfers — written through COPY FROM STDIN on native PostgreSQL, one
// transaction per commune. A commune that already has cases is skipped, so an interrupted run resumes and a
// finished province is reused as it is. Deterministic for a seed, the register and the instant `now`.
// The case-lists benchmark calls it.
//
// Rates (bench/README.md, "Case scale data"):
// - Communes: cases spread over the communes in proportion to their children under 16 (largest remainder).
// - The step a case is in at `now` (`STEP_MIX`): 86.7 % closed (18 % of those as "not verified" at the initial
//   assessment), 1 % received and untaken in the commune inbox (55 % from the last 3 days, the rest a backlog of up
//   to 45 days), 0.2 % emergency, 1.5 % assessing, 1.8 % planning, 1 % awaiting approval, 7 % implementing, 0.8 %
//   closure proposed. The report's age depends on the step (`ageFor`); a closed case's whole history lies inside
//   the 3 years.
// - The path to that step is the Decree 56 one the service walks, with the times a commune takes: taken 0.3–8 h
//   after the report (5 % up to 3 days), initial assessment 0.5–10 h later (15 % late, 12 h–4 days), verified 82 %,
//   urgent 15 % of those (the emergency recorded 1–10 h later), specific assessment 1–6 days, plan 1–7 days
//   (10 % returned once by the leader), approval 1–9 days, reviews every 45–90 days (15 % of them 20–120 days late),
//   the last one proposing closure, closed 1–14 days after. Every deadline is `stepDeadline`'s for the step and
//   the instant the step began (the national deadlines and calendar: the writer sets no province settings), so a
//   step still open past its deadline is overdue (about a third of the open cases).
// - The events are those the service writes for each step (`reported`, `taken`, `action:<type>` with the form's
//   fields, `note_added`, `shared`, `share_revoked`, `plan_action_updated`, `transfer_requested`, `referral_*`).
//   Plan-action updates and notes are the events whose count adjusts: each of their slots is kept with the rate
//   that brings the province's total to `events` (when it can; the report says what was written).
// - Members: the commune's worker on every taken case. Shares: 2 % of taken cases with the next commune's worker
//   (a third revoked later). Referrals: 10 % of the cases that reached implementation, 1–2 each, to the province's
//   providers (created if absent). Pending transfers: 0.5 % of the open cases that were taken, to the next commune.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  caseDeadlineCatalogue,
  caseDeadlineDue,
  foldVietnamese,
  overallRisk,
  riskItems,
  type CaseStep,
  type ConcernType,
  type PlainDate,
  type RiskLevel,
} from '@treem/shared';
import pg from 'pg';
import { statutoryWorkingCalendar } from '../modules/cases/calendar.ts';
import { stepDeadline } from '../modules/cases/caseDeadlines.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { hashSeed, sfc32, type Random } from './registerGenerator.ts';
import { copyRows } from './registerScale.ts';

export const SCALE_CASE_SEED = 20260704;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;
/** Cases are received over this many years before `now` (when the province began keeping them in treem). */
export const CASE_YEARS = 3;

type OpenStep = Exclude<CaseStep, 'closed'>;

/** The step a case is in at `now`: the shares of the province's cases. */
export const STEP_MIX: readonly (readonly [CaseStep, number])[] = [
  ['received', 0.01],
  ['emergency', 0.002],
  ['assessing', 0.015],
  ['planning', 0.018],
  ['awaiting_approval', 0.01],
  ['implementing', 0.07],
  ['closure_proposed', 0.008],
  ['closed', 0.867],
];

const CONCERNS: readonly (readonly [ConcernType, number])[] = [
  ['violence', 0.35],
  ['neglect', 0.18],
  ['sexual_abuse', 0.1],
  ['risk_special_circumstances', 0.09],
  ['child_labour', 0.06],
  ['abandonment', 0.05],
  ['online_harm', 0.04],
  ['in_conflict_with_law', 0.04],
  ['exploitation', 0.03],
  ['drugs', 0.02],
  ['other', 0.025],
  ['trafficking', 0.01],
  ['abduction', 0.005],
];
const EXTRA_CONFIDENTIAL: readonly ConcernType[] = ['sexual_abuse', 'trafficking'];
const CHANNELS = [
  ['phone', 0.45],
  ['in_person', 0.35],
  ['written', 0.12],
  ['online', 0.08],
] as const;
const SOURCES = [
  ['village_collaborator', 0.3],
  ['school', 0.15],
  ['hotline_111', 0.12],
  ['police', 0.1],
  ['neighbour', 0.1],
  ['family', 0.1],
  ['health_facility', 0.08],
  ['other', 0.03],
  ['child', 0.02],
] as const;
const RISK: readonly (readonly [RiskLevel, number])[] = [
  ['low', 0.45],
  ['medium', 0.38],
  ['high', 0.17],
];
const DESCRIPTIONS: Partial<Record<ConcernType, string>> & { other: string } = {
  violence: 'Cháu bị bố đánh, có vết bầm ở tay và lưng; hàng xóm nghe tiếng khóc nhiều đêm.',
  neglect: 'Bố mẹ đi làm ăn xa, cháu ở một mình, thường bỏ bữa và không đến trường.',
  sexual_abuse: 'Gia đình trình báo cháu bị người quen có hành vi xâm hại; cháu sợ hãi, không muốn đi học.',
  risk_special_circumstances: 'Mẹ mất, bố nghiện rượu; cháu có nguy cơ rơi vào hoàn cảnh đặc biệt.',
  child_labour: 'Cháu phải phụ bán hàng đến khuya, làm việc nặng tại xưởng gần nhà.',
  abandonment: 'Cháu bị bỏ lại tại nhà người quen, không liên lạc được với cha mẹ.',
  online_harm: 'Cháu bị người lạ trên mạng xã hội dụ dỗ gửi ảnh, đe dọa phát tán.',
  in_conflict_with_law: 'Cháu tham gia đánh nhau, bị công an xã mời làm việc.',
  exploitation: 'Cháu bị người lớn sai đi xin tiền ở chợ và bến xe.',
  drugs: 'Cháu bị phát hiện sử dụng chất kích thích cùng nhóm bạn lớn tuổi.',
  trafficking: 'Có thông tin cháu được rủ sang tỉnh khác làm việc, gia đình mất liên lạc.',
  abduction: 'Cháu bị người lạ đón ở cổng trường, gia đình tìm thấy sau hai ngày.',
  other: 'Cháu có biểu hiện bất thường, nhà trường đề nghị xã xác minh.',
};
const REPORTER_NAMES = ['Lò Văn Tám', 'Nguyễn Thị Hoa', 'Trần Văn Minh', 'Phạm Thị Lan', 'Lê Văn Hùng'];
const RELATIONS = ['Cộng tác viên thôn', 'Giáo viên chủ nhiệm', 'Hàng xóm', 'Bà ngoại', 'Trưởng thôn'];
const RESPONSIBLE = ['Trạm y tế xã', 'Công an xã', 'Trường học', 'Hội Phụ nữ xã', 'Trung tâm CTXH tỉnh'];
const PLAN_ACTIONS = [
  ['Khám sức khỏe cho cháu', 'medical_care'],
  ['Tư vấn tâm lý 4 buổi', 'psychological_support'],
  ['Tư vấn kỹ năng làm cha mẹ cho gia đình', 'parenting_support'],
  ['Hỗ trợ cháu quay lại trường', 'education_support'],
  ['Trợ giúp pháp lý cho gia đình', 'legal_aid'],
  ['Thăm gia đình hằng tháng', null],
] as const;
const SHARE_REASONS = ['Trẻ đang ở tạm tại xã', 'Phối hợp hỗ trợ tại nơi cháu đi học'];
const CLOSE_REASONS = [
  ['goals_met', 0.55],
  ['no_longer_at_risk', 0.3],
  ['child_turned_16', 0.05],
  ['transferred_elsewhere', 0.05],
  ['other', 0.05],
] as const;

/** The province's providers the referrals go to (created with these ids when absent). */
export const SCALE_PROVIDERS = [
  {
    key: 'ctxh',
    name: 'Trung tâm Công tác xã hội tỉnh',
    sector: 'social_work_centre',
    services: ['psychological_support', 'counselling', 'case_management', 'emergency_shelter'],
  },
  {
    key: 'benhvien',
    name: 'Bệnh viện Nhi tỉnh',
    sector: 'health_facility',
    services: ['medical_care', 'disability_rehabilitation'],
  },
  {
    key: 'trogiup',
    name: 'Trung tâm Trợ giúp pháp lý nhà nước tỉnh',
    sector: 'justice_legal_aid',
    services: ['legal_aid'],
  },
  {
    key: 'phunu',
    name: 'Hội Liên hiệp Phụ nữ tỉnh',
    sector: 'women_union',
    services: ['parenting_support', 'material_support'],
  },
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------------

function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  let x = random() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of table) {
    x -= w;
    if (x < 0) return value;
  }
  return table[table.length - 1]![0];
}

const uniform = (random: Random, min: number, max: number) => min + random() * (max - min);
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const hex = (value: number, width: number) => Math.floor(value).toString(16).padStart(width, '0');

/** A UUIDv7 for an instant, its other bits from the seeded stream: ids sort with the time the row was written. */
function uuid7At(ms: number, random: Random): string {
  const t = hex(ms, 12);
  const a = hex(random() * 0x1000, 3);
  const b = hex((random() * 0x4000) | 0x8000, 4);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${a}-${b}-${hex(random() * 0x1000000, 6)}${hex(random() * 0x1000000, 6)}`;
}

/** The calendar day in Vietnam (UTC+7) of an instant. */
const vietnamDay = (ms: number): PlainDate => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

/** Whole numbers per commune in proportion to `weights`, summing to `total` (largest remainder). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// The generator (pure: no database, no clock)
// ---------------------------------------------------------------------------------------------------------------

/** A commune as the generator sees it. */
export interface CaseScaleCommune {
  id: string;
  path: string;
  code: string;
  name: string;
  /** Position in the province's commune list (by code): seeds the commune's ids. */
  index: number;
  workerId: string;
  leaderId: string;
  /** The next commune's worker and id: who a case is shared with or transferred to. */
  neighbourWorkerId: string;
  neighbourId: string;
  /** The commune's children under 16, by id: who the cases are about. */
  childIds: readonly string[];
}

/** What pass one fixes for a case before its history is written: where, when, which step at `now`, its number. */
export interface CaseSkeleton {
  /** Index in the province's list: seeds the case's random streams. */
  index: number;
  communeIndex: number;
  step: CaseStep;
  caseNumber: string;
}

type Row = Record<string, string | number | boolean | null>;

export interface CaseRows {
  cases: Row[];
  events: Row[];
  members: Row[];
  shares: Row[];
  notes: Row[];
  planActions: Row[];
  referrals: Row[];
}

/** The age of the report at `now` for a case now in `step` (open steps; a closed case's age follows its history). */
function ageFor(random: Random, step: OpenStep): number {
  switch (step) {
    case 'received':
      return random() < 0.55 ? uniform(random, 0, 3 * DAY) : uniform(random, 3 * DAY, 45 * DAY);
    case 'emergency':
      return uniform(random, HOUR, 72 * HOUR);
    case 'assessing':
      return Math.min(60 * DAY, HOUR + -Math.log(1 - random()) * 6 * DAY);
    case 'planning':
      return Math.min(75 * DAY, 2 * DAY + -Math.log(1 - random()) * 8 * DAY);
    case 'awaiting_approval':
      return uniform(random, 6 * DAY, 30 * DAY);
    case 'implementing':
      return uniform(random, 20 * DAY, 1.5 * YEAR);
    case 'closure_proposed':
      return uniform(random, 60 * DAY, 2 * YEAR);
  }
}

interface Transition {
  at: number;
  kind: string;
  by: 'worker' | 'leader';
  from?: CaseStep;
  to?: CaseStep;
  data: Record<string, unknown>;
}

function ratings(random: Random): Record<(typeof riskItems)[number], RiskLevel> {
  return Object.fromEntries(riskItems.map((item) => [item, weighted(random, RISK)])) as Record<
    (typeof riskItems)[number],
    RiskLevel
  >;
}

/**
 * The case's history as the service would have written it: the transitions with their instants, the state they
 * leave, and the slots of optional events (plan-action updates, notes). `keepOptional` decides each slot.
 */
export function generateCase(
  seed: number,
  skeleton: CaseSkeleton,
  commune: CaseScaleCommune,
  provinceCode: string,
  now: number,
  keepOptional: number,
): { rows: CaseRows; receivedAt: number; optionalSlots: number; baseEvents: number } {
  const random = sfc32(hashSeed(seed, 'case', skeleton.index));
  const ids = sfc32(hashSeed(seed, 'case-ids', skeleton.index));
  const optional = sfc32(hashSeed(seed, 'case-optional', skeleton.index));
  const step = skeleton.step;
  const calendar = statutoryWorkingCalendar();

  // The report.
  const concerns = [weighted(random, CONCERNS)];
  if (random() < 0.15) {
    const second = weighted(random, CONCERNS);
    if (!concerns.includes(second)) concerns.push(second);
  }
  const channel = weighted(random, CHANNELS);
  const source = weighted(random, SOURCES);
  const anonymous = random() < 0.1;
  // The child is drawn from its own stream, so that pass one (without the register) gets the same instants.
  const byName = random() < 0.05 || commune.childIds.length === 0;
  const childRandom = sfc32(hashSeed(seed, 'case-child', skeleton.index));
  const personId = byName ? null : pick(childRandom, commune.childIds);
  const verified = step !== 'closed' || random() < 0.82;
  const urgent = verified && (step === 'emergency' || random() < 0.15);

  // Durations of the path up to the step (nominal; fitted into the report's age for an open step).
  const path: { kind: string; gap: number }[] = [];
  path.push({
    kind: 'taken',
    gap: random() < 0.95 ? uniform(random, 0.3 * HOUR, 8 * HOUR) : uniform(random, 8 * HOUR, 3 * DAY),
  });
  path.push({
    kind: 'assess_initial',
    gap: random() < 0.85 ? uniform(random, 0.5 * HOUR, 10 * HOUR) : uniform(random, 12 * HOUR, 4 * DAY),
  });
  if (urgent) path.push({ kind: 'record_emergency', gap: uniform(random, HOUR, 10 * HOUR) });
  path.push({ kind: 'assess_specific', gap: uniform(random, DAY, 6 * DAY) });
  path.push({ kind: 'submit_plan', gap: uniform(random, DAY, 7 * DAY) });
  if (random() < 0.1) {
    path.push({ kind: 'return_plan', gap: uniform(random, DAY, 7 * DAY) });
    path.push({ kind: 'submit_plan', gap: uniform(random, DAY, 5 * DAY) });
  }
  path.push({ kind: 'approve_plan', gap: uniform(random, DAY, 9 * DAY) });
  const stopBefore: Record<CaseStep, string | null> = {
    received: 'taken',
    emergency: 'record_emergency',
    assessing: 'assess_specific',
    planning: 'submit_plan',
    awaiting_approval: 'approve_plan',
    implementing: null,
    closure_proposed: null,
    closed: null,
  };
  // The path to the step: up to (not including) the first action that would leave it.
  let steps = path;
  const stop = stopBefore[step];
  if (stop) {
    // For awaiting_approval the last submit_plan is kept (a returned plan resubmitted).
    // Planning after a returned plan stops before the resubmission.
    const kinds = path.map((p) => p.kind);
    steps = path.slice(0, step === 'planning' ? kinds.lastIndexOf(stop) : kinds.indexOf(stop));
  }
  if (step === 'closed' && !verified) steps = path.slice(0, 2);

  // Reviews (implementing onwards): a review every 45–90 days, 15 % of them late by 20–120 days.
  const reviewGaps: { planned: number; late: number }[] = [];
  const reviewing = step === 'implementing' || step === 'closure_proposed' || (step === 'closed' && verified);
  if (reviewing) {
    for (let i = 0; i < 40; i += 1) {
      const planned = uniform(random, 45 * DAY, 90 * DAY);
      const late =
        random() < 0.15 ? uniform(random, 20 * DAY, 120 * DAY) : uniform(random, -5 * DAY, 20 * DAY);
      reviewGaps.push({ planned, late });
    }
  }
  // A closed case: 1 + geometric(0.6) reviews, the last proposing closure, closed 1–14 days later.
  let closedReviews = 1;
  while (closedReviews < 8 && random() > 0.6) closedReviews += 1;
  const closeGap = uniform(random, DAY, 14 * DAY);
  const proposalWait = uniform(random, HOUR, 25 * DAY);

  // The report's instant.
  let receivedAt: number;
  const pathSum = steps.reduce((sum, s) => sum + s.gap, 0);
  if (step === 'closed') {
    const span = (reviews: number) => {
      let sum = pathSum;
      if (!verified) return sum;
      for (let i = 0; i < reviews; i += 1)
        sum += reviewGaps[i]!.planned + Math.max(0, reviewGaps[i]!.late) + DAY;
      return sum + closeGap;
    };
    while (closedReviews > 1 && span(closedReviews) > CASE_YEARS * YEAR - 30 * DAY) closedReviews -= 1;
    const total = span(closedReviews);
    receivedAt = now - total - random() * (CASE_YEARS * YEAR - total);
  } else {
    receivedAt = now - ageFor(random, step);
  }
  // An open step's path is squeezed into the report's age when it would not fit (a commune that worked fast).
  const room =
    step === 'closed'
      ? Infinity
      : (now - receivedAt) * (step === 'implementing' || step === 'closure_proposed' ? 0.5 : 0.9);
  const squeeze = pathSum > room ? (room * uniform(random, 0.5, 1)) / pathSum : 1;

  const transitions: Transition[] = [];
  let t = receivedAt;
  let current = 'received' as CaseStep;
  let planDueAt: number | null = null;
  let reviewOn: PlainDate | null = null;
  let riskLevel: RiskLevel | null = null;
  let takenAt: number | null = null;
  let approvedAt: number | null = null;
  let implementingEnd: number | null = null;
  let closedAt: number | null = null;
  let closeReason: string | null = null;
  let planNumber = 0;
  let stepChangedAt = receivedAt;
  const planActions: Row[] = [];
  const move = (kind: string, by: 'worker' | 'leader', to: CaseStep, data: Record<string, unknown>) => {
    transitions.push({ at: t, kind: `action:${kind}`, by, from: current, to, data });
    current = to;
    stepChangedAt = t;
  };
  const deadline = (): { due: number | null; kind: string | null } => {
    const d = stepDeadline({
      step: current,
      receivedAt: new Date(receivedAt),
      now: new Date(stepChangedAt),
      planDueAt: planDueAt === null ? null : new Date(planDueAt),
      reviewOn,
    });
    planDueAt = d.planDueAt ? d.planDueAt.getTime() : null;
    return { due: d.dueAt ? d.dueAt.getTime() : null, kind: d.dueKind };
  };
  deadline();

  for (const s of steps) {
    t += s.gap * squeeze;
    switch (s.kind) {
      case 'taken':
        takenAt = t;
        transitions.push({ at: t, kind: 'taken', by: 'worker', data: {} });
        break;
      case 'assess_initial': {
        const rated = verified ? ratings(random) : null;
        riskLevel = rated ? overallRisk(rated) : null;
        move('assess_initial', 'worker', !verified ? 'closed' : urgent ? 'emergency' : 'assessing', {
          verified,
          urgent,
          ratings: rated,
          findings: verified ? 'Xác minh tại nhà: đúng sự việc' : 'Xác minh tại nhà: thông tin không đúng',
        });
        if (!verified) {
          closedAt = t;
          closeReason = 'not_verified';
        }
        break;
      }
      case 'record_emergency':
        move('record_emergency', 'worker', 'assessing', {
          measures: 'Đưa cháu sang nhà bà ngoại, công an xã làm việc với gia đình',
          separated: random() < 0.4,
          intervenedAt: iso(t - uniform(random, 0, HOUR)),
        });
        break;
      case 'assess_specific':
        move('assess_specific', 'worker', 'planning', {
          needs: 'Khám sức khỏe, hỗ trợ tâm lý, tư vấn cho gia đình',
          meetingOn: vietnamDay(t),
          meetingParticipants: 'Cán bộ xã, trạm y tế, cha mẹ cháu',
          conclusions: 'Cần kế hoạch hỗ trợ 3 tháng',
        });
        break;
      case 'submit_plan': {
        planNumber += 1;
        reviewOn = vietnamDay(t + uniform(random, 45 * DAY, 90 * DAY));
        const count = 2 + Math.floor(random() * 2);
        const actions: Record<string, unknown>[] = [];
        for (let position = 0; position < count; position += 1) {
          const [description, serviceCode] = pick(random, PLAN_ACTIONS);
          const dueOn = vietnamDay(t + uniform(random, 10 * DAY, 80 * DAY));
          const responsible = pick(random, RESPONSIBLE);
          actions.push({ description, responsible, dueOn, serviceCode });
          planActions.push({
            province_code: provinceCode,
            id: uuid7At(t, ids),
            case_id: '',
            plan_number: planNumber,
            position,
            description,
            responsible,
            due_on: dueOn,
            service_code: serviceCode,
            status: 'open',
            done_on: null,
            outcome: null,
            updated_at: iso(t),
          });
        }
        move('submit_plan', 'worker', 'awaiting_approval', {
          goals: [{ text: 'Cháu được an toàn, được chăm sóc và đi học đều' }],
          actions,
          reviewOn,
        });
        break;
      }
      case 'return_plan':
        move('return_plan', 'leader', 'planning', { reason: 'Bổ sung biện pháp hỗ trợ tâm lý' });
        break;
      case 'approve_plan':
        approvedAt = t;
        move('approve_plan', 'leader', 'implementing', {
          decisionNumber: `${1 + Math.floor(random() * 200)}/QĐ-UBND`,
          decidedOn: vietnamDay(t),
        });
        break;
    }
    deadline();
  }

  // Implementation: reviews until `now` (implementing), until the proposal (closure_proposed), or the closed count.
  if (reviewing && approvedAt !== null) {
    const proposalAt = step === 'closure_proposed' ? now - proposalWait : Infinity;
    for (let i = 0; ; i += 1) {
      const gap = reviewGaps[i % reviewGaps.length]!;
      const reviewDay = reviewOn!;
      const plannedAt = Date.parse(`${reviewDay}T09:00:00+07:00`);
      let at = plannedAt + gap.late;
      if (at <= t) at = t + uniform(random, DAY, 5 * DAY);
      const last = step === 'closed' ? i + 1 >= closedReviews : at >= proposalAt;
      if (step === 'implementing' && at >= now) break;
      if (step === 'closure_proposed' && last) at = Math.max(t + HOUR, proposalAt);
      if (step === 'closed' && at >= now - closeGap) at = Math.max(t + HOUR, now - closeGap - DAY);
      t = at;
      const rated = ratings(random);
      riskLevel = overallRisk(rated);
      if (last) {
        implementingEnd = t;
        move('review', 'worker', 'closure_proposed', {
          ratings: rated,
          conclusion: 'propose_close',
          findings: 'Cháu ổn định, gia đình hợp tác',
          nextReviewOn: null,
        });
        deadline();
        break;
      }
      const next = vietnamDay(t + gap.planned);
      reviewOn = next;
      move('review', 'worker', 'implementing', {
        ratings: rated,
        conclusion: 'continue',
        findings: 'Cháu tiến bộ, tiếp tục thực hiện kế hoạch',
        nextReviewOn: next,
      });
      deadline();
    }
    if (step === 'closed') {
      t = Math.min(t + closeGap, now - HOUR);
      closedAt = t;
      closeReason = weighted(random, CLOSE_REASONS);
      move('close', 'leader', 'closed', { reason: closeReason, note: null });
      deadline();
    }
  }
  if (current !== step) throw new Error(`case ${skeleton.index}: reached ${current}, wanted ${step}`);
  const due = deadline();
  const lastTransition = t;
  const end = step === 'closed' ? closedAt! : now;
  if (step === 'implementing') implementingEnd = now;

  // The case row's id: the report's instant.
  const caseId = uuid7At(receivedAt, ids);
  for (const action of planActions) action.case_id = caseId;
  const events: Row[] = [];
  const actor = (by: 'worker' | 'leader') => (by === 'worker' ? commune.workerId : commune.leaderId);
  const event = (
    at: number,
    kind: string,
    by: 'worker' | 'leader',
    data: Record<string, unknown>,
    from: CaseStep | null = null,
    to: CaseStep | null = null,
  ) =>
    events.push({
      province_code: provinceCode,
      id: uuid7At(at, ids),
      case_id: caseId,
      at: iso(at),
      actor_id: actor(by),
      kind,
      from_step: from,
      to_step: to,
      data: JSON.stringify(data),
    });
  event(receivedAt, 'reported', 'worker', { channel, source, concernTypes: concerns }, null, 'received');
  for (const tr of transitions) event(tr.at, tr.kind, tr.by, tr.data, tr.from ?? null, tr.to ?? null);
  const baseEvents = events.length;
  let optionalSlots = 0;

  const members: Row[] = [];
  const shares: Row[] = [];
  const notes: Row[] = [];
  const referrals: Row[] = [];
  if (takenAt !== null)
    members.push({
      province_code: provinceCode,
      case_id: caseId,
      user_id: commune.workerId,
      added_at: iso(takenAt),
      added_by: commune.workerId,
      removed_at: null,
    });

  // Plan-action updates (optional slots): an action done around its due day, while the plan is carried out.
  if (approvedAt !== null && implementingEnd !== null) {
    const lastPlan = planActions.filter((a) => a.plan_number === planNumber);
    for (const action of lastPlan) {
      const dueAt =
        Date.parse(`${String(action.due_on)}T12:00:00+07:00`) + uniform(optional, -5 * DAY, 15 * DAY);
      const at = Math.max(approvedAt + HOUR, Math.min(dueAt, implementingEnd - HOUR));
      if (at >= Math.min(implementingEnd, now) || at <= approvedAt) continue;
      optionalSlots += 1;
      if (optional() >= keepOptional) continue;
      const done = optional() < 0.9;
      action.status = done ? 'done' : 'cancelled';
      action.done_on = done ? vietnamDay(at) : null;
      action.outcome = done ? 'Đã thực hiện' : 'Không còn cần thiết';
      action.updated_at = iso(at);
      event(at, 'plan_action_updated', 'worker', {
        actionId: action.id,
        status: action.status,
        ...(done ? { doneOn: action.done_on, outcome: action.outcome } : { outcome: action.outcome }),
      });
    }
  }
  // Notes (optional slots): two per taken case, between the taking and the end.
  if (takenAt !== null) {
    for (let slot = 0; slot < 2; slot += 1) {
      const at = uniform(optional, takenAt, end);
      optionalSlots += 1;
      if (optional() >= keepOptional || at <= takenAt) continue;
      const noteId = uuid7At(at, ids);
      const extra = concerns.some((c) => EXTRA_CONFIDENTIAL.includes(c));
      notes.push({
        province_code: provinceCode,
        id: noteId,
        case_id: caseId,
        author_id: commune.workerId,
        written_at: iso(at),
        body: 'Đã gặp gia đình, cháu hợp tác; hẹn lần thăm tiếp theo.',
        extra_confidential: extra || optional() < 0.05,
      });
      event(at, 'note_added', 'worker', { noteId });
    }
  }
  // Shares: 2 % of taken cases, with the next commune's worker; a third revoked later.
  const side = sfc32(hashSeed(seed, 'case-side', skeleton.index));
  if (takenAt !== null && side() < 0.02) {
    const at = uniform(side, takenAt, end);
    const shareId = uuid7At(at, ids);
    const reason = pick(side, SHARE_REASONS);
    const revoked = side() < 1 / 3 ? uniform(side, at, end) : null;
    shares.push({
      province_code: provinceCode,
      id: shareId,
      case_id: caseId,
      user_id: commune.neighbourWorkerId,
      reason,
      shared_by: commune.workerId,
      shared_at: iso(at),
      expires_on: null,
      revoked_at: revoked === null ? null : iso(revoked),
      revoked_by: revoked === null ? null : commune.workerId,
    });
    event(at, 'shared', 'worker', { userId: commune.neighbourWorkerId, reason });
    if (revoked !== null) event(revoked, 'share_revoked', 'worker', { shareId });
  }
  // Referrals: 10 % of the cases that reached implementation, 1–2 each, sent while implementing.
  if (approvedAt !== null && implementingEnd !== null && side() < 0.1) {
    const count = side() < 0.7 ? 1 : 2;
    for (let i = 0; i < count; i += 1) {
      const sentAt = uniform(side, approvedAt, Math.min(implementingEnd, approvedAt + 60 * DAY));
      if (sentAt >= now) continue;
      const provider = pick(side, SCALE_PROVIDERS);
      const serviceCode = pick(side, provider.services);
      const referralId = uuid7At(sentAt, ids);
      const responseDue = caseDeadlineDue(
        caseDeadlineCatalogue.referral_response,
        new Date(sentAt),
        calendar,
      ).getTime();
      const answeredAt = sentAt + uniform(side, 4 * HOUR, 4 * DAY);
      const completedAt = answeredAt + uniform(side, 10 * DAY, 60 * DAY);
      const roll = side();
      let status = 'sent';
      if (answeredAt < now) status = roll < 0.1 ? 'declined' : 'accepted';
      if (status === 'accepted' && completedAt < now && roll < 0.8) status = 'completed';
      const responded = status !== 'sent';
      referrals.push({
        province_code: provinceCode,
        id: referralId,
        case_id: caseId,
        person_id: null,
        org_path: commune.path,
        provider_id: providerId(seed, provinceCode, provider.key),
        service_code: serviceCode,
        reason: 'Cháu cần được hỗ trợ theo kế hoạch',
        urgency: side() < 0.15 ? 'urgent' : 'routine',
        consent_noted: true,
        consent_note: null,
        status,
        sent_at: iso(sentAt),
        sent_by: commune.workerId,
        response_due_at: iso(responseDue),
        responded_at: responded ? iso(answeredAt) : null,
        responded_by: null,
        response_note: status === 'declined' ? 'Hết chỗ, đề nghị chuyển nơi khác' : null,
        completed_at: status === 'completed' ? iso(completedAt) : null,
        outcome: status === 'completed' ? 'Đã hỗ trợ xong' : null,
        recorded_by: status === 'completed' ? commune.workerId : null,
        cancelled_at: null,
        cancel_reason: null,
        created_at: iso(sentAt),
        updated_at: iso(status === 'completed' ? completedAt : responded ? answeredAt : sentAt),
      });
      event(sentAt, 'referral_sent', 'worker', {
        referralId,
        providerId: providerId(seed, provinceCode, provider.key),
        serviceCode,
      });
      if (status === 'declined')
        event(answeredAt, 'referral_declined', 'worker', {
          referralId,
          note: 'Hết chỗ, đề nghị chuyển nơi khác',
        });
      if (status === 'accepted' || status === 'completed')
        event(answeredAt, 'referral_accepted', 'worker', { referralId });
      if (status === 'completed')
        event(completedAt, 'referral_completed', 'worker', { referralId, outcome: 'Đã hỗ trợ xong' });
    }
  }
  // Pending transfers: 0.5 % of the open cases that were taken, to the next commune, asked in the last 10 days.
  let transfer: { at: number; reason: string } | null = null;
  if (step !== 'closed' && takenAt !== null && side() < 0.005) {
    const at = Math.max(lastTransition + HOUR, now - uniform(side, HOUR, 10 * DAY));
    if (at < now) {
      transfer = { at, reason: 'Gia đình chuyển đến sinh sống tại xã khác' };
      event(at, 'transfer_requested', 'worker', {
        toCommuneId: commune.neighbourId,
        reason: transfer.reason,
      });
    }
  }

  const versionBumps = transitions.filter((tr) => tr.kind.startsWith('action:')).length + (transfer ? 1 : 0);
  const updatedAt = Math.max(lastTransition, transfer?.at ?? 0, receivedAt);
  const child = byName
    ? {
        child_name: pick(random, ['Cháu Hoa', 'Cháu Nam', 'Cháu Lan', 'Cháu Tuấn']) + ' (chưa rõ họ)',
        child_sex: random() < 0.5 ? 'female' : 'male',
        child_birth_year: new Date(now).getUTCFullYear() - 3 - Math.floor(random() * 12),
        child_address: `Thôn ${pick(random, ['Đông', 'Đoài', 'Trung'])}, ${commune.name}`,
      }
    : { child_name: null, child_sex: null, child_birth_year: null, child_address: null };
  const caseRow: Row = {
    province_code: provinceCode,
    id: caseId,
    case_number: skeleton.caseNumber,
    person_id: personId,
    ...child,
    commune_id: commune.id,
    org_path: commune.path,
    step,
    urgent,
    risk_level: riskLevel,
    concern_types: `{${concerns.join(',')}}`,
    extra_confidential: concerns.some((c) => EXTRA_CONFIDENTIAL.includes(c)),
    received_at: iso(receivedAt),
    channel,
    source,
    reporter_anonymous: anonymous,
    reporter_name: anonymous ? null : pick(random, REPORTER_NAMES),
    reporter_phone: anonymous ? null : `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    reporter_relation: pick(random, RELATIONS),
    description: DESCRIPTIONS[concerns[0]!] ?? DESCRIPTIONS.other,
    occurred_on: random() < 0.6 ? vietnamDay(receivedAt - uniform(random, 0, 10 * DAY)) : null,
    occurred_place: random() < 0.6 ? 'Tại nhà' : null,
    reported_by: commune.workerId,
    due_at: due.due === null ? null : iso(due.due),
    due_kind: due.kind,
    plan_due_at: planDueAt === null ? null : iso(planDueAt),
    step_changed_at: iso(stepChangedAt),
    closed_at: closedAt === null ? null : iso(closedAt),
    close_reason: closeReason,
    transfer_to_commune_id: transfer ? commune.neighbourId : null,
    transfer_requested_at: transfer ? iso(transfer.at) : null,
    transfer_requested_by: transfer ? commune.workerId : null,
    transfer_reason: transfer?.reason ?? null,
    version: 1 + versionBumps,
    created_at: iso(receivedAt),
    updated_at: iso(updatedAt),
  };
  return {
    rows: { cases: [caseRow], events, members, shares, notes, planActions, referrals },
    receivedAt,
    optionalSlots,
    baseEvents,
  };
}

/** A provider's id in the province: fixed by the seed, so a second run finds the first run's providers. */
function providerId(seed: number, provinceCode: string, key: string): string {
  return uuid7At(Date.UTC(2024, 0, 1), sfc32(hashSeed(seed, 'provider', provinceCode, key)));
}

export interface CasePlan {
  skeletons: CaseSkeleton[];
  /** The rate at which optional events (plan-action updates, notes) are kept, to land on the events wanted. */
  keepOptional: number;
  /** The highest case number of each year, for `protection_case_counter`. */
  lastNumbers: Map<number, number>;
  /** The events the plan writes (base + the optional ones expected at `keepOptional`). */
  expectedEvents: number;
}

/**
 * Pass one: which commune, which step at `now` and which number each of the province's cases gets, and the rate of
 * optional events. Numbers run per year of the report (in Vietnam) in the order the reports came, as
 * `nextCaseNumber` hands them out. The register is not needed: a case's instants do not depend on its child.
 */
export function planCases(
  seed: number,
  provinceCode: string,
  communeChildren: readonly number[],
  total: number,
  events: number,
  now: number,
): CasePlan {
  const perCommune = apportion(communeChildren, total);
  const skeletons: CaseSkeleton[] = [];
  for (const [communeIndex, count] of perCommune.entries()) {
    for (let i = 0; i < count; i += 1) {
      const index = skeletons.length;
      const random = sfc32(hashSeed(seed, 'case-step', index));
      skeletons.push({ index, communeIndex, step: weighted(random, STEP_MIX), caseNumber: '' });
    }
  }
  const placeholder: CaseScaleCommune = {
    id: '',
    path: '',
    code: '',
    name: '',
    index: 0,
    workerId: '',
    leaderId: '',
    neighbourWorkerId: '',
    neighbourId: '',
    childIds: ['-'],
  };
  let base = 0;
  let slots = 0;
  const received: number[] = [];
  for (const skeleton of skeletons) {
    const generated = generateCase(seed, skeleton, placeholder, provinceCode, now, 0);
    base += generated.rows.events.length;
    slots += generated.optionalSlots;
    received.push(generated.receivedAt);
  }
  const keepOptional = slots === 0 ? 0 : Math.min(1, Math.max(0, (events - base) / slots));
  const lastNumbers = new Map<number, number>();
  const order = skeletons.map((s) => s.index).sort((a, b) => received[a]! - received[b]! || a - b);
  for (const index of order) {
    const year = Number(vietnamDay(received[index]!).slice(0, 4));
    const number = (lastNumbers.get(year) ?? 0) + 1;
    lastNumbers.set(year, number);
    skeletons[index]!.caseNumber = `BV-${year}-${String(number).padStart(5, '0')}`;
  }
  return { skeletons, keepOptional, lastNumbers, expectedEvents: Math.round(base + keepOptional * slots) };
}

/** The rows of a commune's cases (pass two), given the rate at which optional events are kept. */
export function communeCaseRows(
  seed: number,
  provinceCode: string,
  commune: CaseScaleCommune,
  skeletons: readonly CaseSkeleton[],
  now: number,
  keepOptional: number,
): CaseRows {
  const rows: CaseRows = {
    cases: [],
    events: [],
    members: [],
    shares: [],
    notes: [],
    planActions: [],
    referrals: [],
  };
  for (const skeleton of skeletons) {
    const generated = generateCase(seed, skeleton, commune, provinceCode, now, keepOptional).rows;
    for (const key of Object.keys(rows) as (keyof CaseRows)[]) rows[key].push(...generated[key]);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// The writer
// ---------------------------------------------------------------------------------------------------------------

export interface CaseScaleOptions {
  /** Native PostgreSQL with the province's register written (`writeRegisterScale`) and migrations applied. */
  databaseUrl: string;
  provinceCode: string;
  cases?: number;
  /** About this many `case_event` rows in all (the optional events are kept at the rate that lands on it). */
  events?: number;
  seed?: number;
  /** Only the first N communes of the province (by code); default all. */
  communes?: number;
  /** The instant the histories run up to (default: now). */
  now?: Date;
  log?: (line: string) => void;
}

export interface CaseScaleReport {
  communes: number;
  /** Communes that already had cases and were kept (a resumed or repeated run). */
  communesKept: number;
  usersCreated: number;
  cases: number;
  events: number;
  members: number;
  shares: number;
  notes: number;
  planActions: number;
  referrals: number;
  /** Cases written per step, and the open ones past their deadline at `now`. */
  byStep: Partial<Record<CaseStep, number>>;
  overdue: number;
  keepOptional: number;
  writeMs: number;
  analyzeMs: number;
}

const CASE_COLUMNS = [
  'province_code',
  'id',
  'case_number',
  'person_id',
  'child_name',
  'child_sex',
  'child_birth_year',
  'child_address',
  'commune_id',
  'org_path',
  'step',
  'urgent',
  'risk_level',
  'concern_types',
  'extra_confidential',
  'received_at',
  'channel',
  'source',
  'reporter_anonymous',
  'reporter_name',
  'reporter_phone',
  'reporter_relation',
  'description',
  'occurred_on',
  'occurred_place',
  'reported_by',
  'due_at',
  'due_kind',
  'plan_due_at',
  'step_changed_at',
  'closed_at',
  'close_reason',
  'transfer_to_commune_id',
  'transfer_requested_at',
  'transfer_requested_by',
  'transfer_reason',
  'version',
  'created_at',
  'updated_at',
];
const EVENT_COLUMNS = [
  'province_code',
  'id',
  'case_id',
  'at',
  'actor_id',
  'kind',
  'from_step',
  'to_step',
  'data',
];
const MEMBER_COLUMNS = ['province_code', 'case_id', 'user_id', 'added_at', 'added_by', 'removed_at'];
const SHARE_COLUMNS = [
  'province_code',
  'id',
  'case_id',
  'user_id',
  'reason',
  'shared_by',
  'shared_at',
  'expires_on',
  'revoked_at',
  'revoked_by',
];
const NOTE_COLUMNS = [
  'province_code',
  'id',
  'case_id',
  'author_id',
  'written_at',
  'body',
  'extra_confidential',
];
const PLAN_ACTION_COLUMNS = [
  'province_code',
  'id',
  'case_id',
  'plan_number',
  'position',
  'description',
  'responsible',
  'due_on',
  'service_code',
  'status',
  'done_on',
  'outcome',
  'updated_at',
];
/** The referral table's columns in COPY order (the referral scale writer uses them too). */
export const REFERRAL_COLUMNS = [
  'province_code',
  'id',
  'case_id',
  'person_id',
  'org_path',
  'provider_id',
  'service_code',
  'reason',
  'urgency',
  'consent_noted',
  'consent_note',
  'status',
  'sent_at',
  'sent_by',
  'response_due_at',
  'responded_at',
  'responded_by',
  'response_note',
  'completed_at',
  'outcome',
  'recorded_by',
  'cancelled_at',
  'cancel_reason',
  'created_at',
  'updated_at',
];

/** The commune's benchmark users: its worker and its leader. */
export const caseScaleUsername = (communeCode: string, role: 'worker' | 'leader') =>
  `bench.case.${communeCode}.${role}`;

interface CommuneRow {
  id: string;
  path: string;
  code: string;
  name: string;
}

/**
 * The commune worker and leader of every commune (created when missing, kept when present). Their password is
 * random and thrown away: whoever signs in as one (the benchmark) sets its own.
 */
async function ensureCommuneUsers(
  client: pg.Client,
  communes: readonly CommuneRow[],
): Promise<{ ids: Map<string, { worker: string; leader: string }>; created: number }> {
  const usernames = communes.flatMap((c) => [
    caseScaleUsername(c.code, 'worker'),
    caseScaleUsername(c.code, 'leader'),
  ]);
  const existing = new Map(
    (
      await client.query<{ id: string; username: string }>(
        'select id, username from app_user where username = any($1::text[])',
        [usernames],
      )
    ).rows.map((r) => [r.username, r.id]),
  );
  const users: Row[] = [];
  const scopes: Row[] = [];
  const passwordHash = usernames.some((u) => !existing.has(u))
    ? await hashPassword(randomBytes(24).toString('base64url'))
    : '';
  const ids = new Map<string, { worker: string; leader: string }>();
  for (const commune of communes) {
    const entry = { worker: '', leader: '' };
    for (const role of ['worker', 'leader'] as const) {
      const username = caseScaleUsername(commune.code, role);
      let id = existing.get(username);
      if (!id) {
        id = uuid7At(Date.UTC(2023, 0, 1), sfc32(hashSeed(SCALE_CASE_SEED, 'user', username)));
        const fullName =
          role === 'worker' ? `Cán bộ LĐTBXH ${commune.name}` : `Chủ tịch UBND ${commune.name}`;
        users.push({
          id,
          username,
          full_name: fullName,
          full_name_search: foldVietnamese(fullName),
          role: role === 'worker' ? 'commune_worker' : 'commune_leader',
          sector: null,
          status: 'active',
          password_hash: passwordHash,
        });
        scopes.push({ user_id: id, org_unit_id: commune.id });
      }
      entry[role] = id;
    }
    ids.set(commune.id, entry);
  }
  await copyRows(
    client,
    'app_user',
    ['id', 'username', 'full_name', 'full_name_search', 'role', 'sector', 'status', 'password_hash'],
    users,
  );
  await copyRows(client, 'user_scope', ['user_id', 'org_unit_id'], scopes);
  return { ids, created: users.length };
}

/** The province's referral providers (`SCALE_PROVIDERS`), created when absent, serving the whole province. */
async function ensureProviders(
  client: pg.Client,
  seed: number,
  provinceCode: string,
  province: { id: string; path: string },
) {
  for (const provider of SCALE_PROVIDERS) {
    const id = providerId(seed, provinceCode, provider.key);
    await client.query(
      `insert into service_provider (province_code, id, owner_unit_id, org_path, name, name_search, sector, level,
         services, open_24_hours)
       values ($1, $2, $3, $4::ltree, $5, $6, $7, 'province', $8::text[], false)
       on conflict do nothing`,
      [
        provinceCode,
        id,
        province.id,
        province.path,
        provider.name,
        foldVietnamese(provider.name),
        provider.sector,
        provider.services,
      ],
    );
    await client.query(
      `insert into service_provider_coverage (province_code, provider_id, org_unit_id, org_path)
       values ($1, $2, $3, $4::ltree) on conflict do nothing`,
      [provinceCode, id, province.id, province.path],
    );
  }
}

export async function writeCaseScale(options: CaseScaleOptions): Promise<CaseScaleReport> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? SCALE_CASE_SEED;
  const now = (options.now ?? new Date()).getTime();
  const total = options.cases ?? 60_000;
  const wantedEvents = options.events ?? 500_000;
  const under16From = vietnamDay(now - 16 * YEAR);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const province = (
      await client.query<{ id: string; path: string }>(
        `select id, path from org_unit
          where generation = 'current' and level = 'province' and province_code = $1 and valid_to is null`,
        [options.provinceCode],
      )
    ).rows[0];
    if (!province) {
      throw new Error(
        `Province ${options.provinceCode} not found: load the administrative units first (treem seed).`,
      );
    }
    const communes = (
      await client.query<CommuneRow>(
        `select id, path, code, name from org_unit
          where generation = 'current' and level = 'commune' and parent_id = $1 and valid_to is null
          order by code`,
        [province.id],
      )
    ).rows.slice(0, options.communes ?? Number.MAX_SAFE_INTEGER);
    const counts = new Map(
      (
        await client.query<{ path: string; children: number }>(
          `select subpath(org_path, 0, 3)::text as path, count(*)::int as children from person
            where province_code = $1 and status = 'active' and birth_date > $2
            group by 1`,
          [options.provinceCode, under16From],
        )
      ).rows.map((r) => [r.path, r.children]),
    );
    const children = communes.map((c) => counts.get(c.path) ?? 0);
    if (children.every((n) => n === 0))
      throw new Error(`Province ${options.provinceCode} has no children: write its register first.`);

    const users = await ensureCommuneUsers(client, communes);
    if (users.created > 0) log(`created ${users.created} commune workers and leaders`);
    await ensureProviders(client, seed, options.provinceCode, province);

    // A province whose communes all have their cases is kept as it is, without planning it again.
    const withCases = new Set(
      (
        await client.query<{ commune_id: string }>(
          'select distinct commune_id from protection_case where province_code = $1',
          [options.provinceCode],
        )
      ).rows.map((r) => r.commune_id),
    );
    if (communes.every((c, index) => withCases.has(c.id) || children[index] === 0)) {
      log(`${communes.length} communes already have cases: kept as they are`);
      return {
        communes: communes.length,
        communesKept: communes.filter((c) => withCases.has(c.id)).length,
        usersCreated: users.created,
        cases: 0,
        events: 0,
        members: 0,
        shares: 0,
        notes: 0,
        planActions: 0,
        referrals: 0,
        byStep: {},
        overdue: 0,
        keepOptional: 0,
        writeMs: 0,
        analyzeMs: 0,
      };
    }
    const planStart = performance.now();
    const plan = planCases(seed, options.provinceCode, children, total, wantedEvents, now);
    log(
      `planned ${plan.skeletons.length.toLocaleString('en-US')} cases, ~${plan.expectedEvents.toLocaleString('en-US')} ` +
        `events (optional events kept at ${plan.keepOptional.toFixed(3)}) in ${((performance.now() - planStart) / 1000).toFixed(1)} s`,
    );
    const byCommune = new Map<number, CaseSkeleton[]>();
    for (const skeleton of plan.skeletons) {
      const list = byCommune.get(skeleton.communeIndex) ?? [];
      list.push(skeleton);
      byCommune.set(skeleton.communeIndex, list);
    }

    const totals = {
      cases: 0,
      events: 0,
      members: 0,
      shares: 0,
      notes: 0,
      planActions: 0,
      referrals: 0,
      overdue: 0,
    };
    const byStep: Partial<Record<CaseStep, number>> = {};
    let communesKept = 0;
    const start = performance.now();
    for (const [index, commune] of communes.entries()) {
      const skeletons = byCommune.get(index) ?? [];
      if (skeletons.length === 0) continue;
      const done = await client.query(
        'select 1 from protection_case where province_code = $1 and commune_id = $2 limit 1',
        [options.provinceCode, commune.id],
      );
      if (done.rowCount) {
        communesKept += 1;
        continue;
      }
      const childIds = (
        await client.query<{ id: string }>(
          `select id from person
            where province_code = $1 and org_path <@ $2::ltree and status = 'active' and birth_date > $3
            order by id`,
          [options.provinceCode, commune.path, under16From],
        )
      ).rows.map((r) => r.id);
      const neighbour = communes[(index + 1) % communes.length]!;
      const rows = communeCaseRows(
        seed,
        options.provinceCode,
        {
          id: commune.id,
          path: commune.path,
          code: commune.code,
          name: commune.name,
          index,
          workerId: users.ids.get(commune.id)!.worker,
          leaderId: users.ids.get(commune.id)!.leader,
          neighbourWorkerId: users.ids.get(neighbour.id)!.worker,
          neighbourId: neighbour.id,
          childIds,
        },
        skeletons,
        now,
        plan.keepOptional,
      );
      await client.query('begin');
      try {
        await copyRows(client, 'protection_case', CASE_COLUMNS, rows.cases);
        await copyRows(client, 'case_member', MEMBER_COLUMNS, rows.members);
        await copyRows(client, 'case_plan_action', PLAN_ACTION_COLUMNS, rows.planActions);
        await copyRows(client, 'case_note', NOTE_COLUMNS, rows.notes);
        await copyRows(client, 'case_share', SHARE_COLUMNS, rows.shares);
        await copyRows(client, 'referral', REFERRAL_COLUMNS, rows.referrals);
        await copyRows(client, 'case_event', EVENT_COLUMNS, rows.events);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
      totals.cases += rows.cases.length;
      totals.events += rows.events.length;
      totals.members += rows.members.length;
      totals.shares += rows.shares.length;
      totals.notes += rows.notes.length;
      totals.planActions += rows.planActions.length;
      totals.referrals += rows.referrals.length;
      for (const row of rows.cases) {
        const step = row.step as CaseStep;
        byStep[step] = (byStep[step] ?? 0) + 1;
        if (row.due_at !== null && Date.parse(String(row.due_at)) < now) totals.overdue += 1;
      }
      const seconds = (performance.now() - start) / 1000;
      log(
        `cases commune ${index + 1}/${communes.length} (${commune.name}): ${totals.cases.toLocaleString('en-US')} cases, ` +
          `${totals.events.toLocaleString('en-US')} events in ${seconds.toFixed(0)} s`,
      );
    }
    if (communesKept > 0) log(`${communesKept} communes already have cases: kept as they are`);
    // The counters continue after the numbers written, so a case reported through the API gets the next one.
    for (const [year, last] of plan.lastNumbers) {
      await client.query(
        `insert into protection_case_counter (province_code, year, last_number) values ($1, $2, $3)
         on conflict (province_code, year)
         do update set last_number = greatest(protection_case_counter.last_number, excluded.last_number)`,
        [options.provinceCode, year, last],
      );
    }
    const writeMs = performance.now() - start;
    const analyzeStart = performance.now();
    if (totals.cases > 0) {
      await client.query(
        'analyze protection_case, case_event, case_member, case_share, case_note, case_plan_action, referral',
      );
      log(`analyze: ${((performance.now() - analyzeStart) / 1000).toFixed(1)} s`);
    }
    return {
      communes: communes.length,
      communesKept,
      usersCreated: users.created,
      ...totals,
      byStep,
      keepOptional: plan.keepOptional,
      writeMs,
      analyzeMs: performance.now() - analyzeStart,
    };
  } finally {
    await client.end();
  }
}
