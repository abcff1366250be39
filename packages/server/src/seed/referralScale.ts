// Early-childhood referrals and alternative care at benchmark scale: for a province whose register
// (`registerScale.ts`), early-childhood records (`ecdScale.ts`) and protection cases (`caseScale.ts`) are written,
// the referrals a commune sends for a young child outside any case, and the placements in alternative care (with
// their follow-up visits) of its children — written through COPY FROM STDIN on native PostgreSQL, one transaction
// per commune. A commune that already has a placement or an early-childhood referral is skipped, so an interrupted
// run resumes and a finished province is reused as it is. Deterministic for a seed, the records in the database
// and the instant `now` (each record's random stream is keyed by the record it follows from, not by its position).
// The indicators benchmark calls it; the case writer must have run first (its commune workers and leaders send and
// decide, its providers receive).
//
// Rates (bench/README.md, "Referral and alternative-care scale data"):
// - Early-childhood referrals (`case_id` null, the child named): 70 % of the development screenings whose result is
//   "referred" (3 % of screenings: a delay the commune cannot follow up itself) lead to a referral to the
//   province's children's hospital for early intervention (`disability_rehabilitation`), sent 0–7 days after the
//   screening; 40 % of the measurements with severe wasting (WHO: referral for severe acute malnutrition) lead to
//   a referral for medical care, sent 0–3 days after. 10 % urgent (wasting: 60 %). The parent's consent is noted.
// - Their answers: 2 % cancelled by the sender before an answer (1–3 days); the others answered 4 h–5 days after
//   sending (8 % declined: no place, "refer elsewhere"), and 85 % of the accepted completed 20–120 days after the
//   answer (the rest still in therapy). Whatever would fall after `now` has not happened yet.
// - Alternative care (Law on Children Art. 62–66; Decree 56/2017 Art. 27–36), from the special-circumstance
//   sub-groups the register records (Decree 56 Art. 3–4): every child in sub-group a4 (orphan in the care of a
//   non-relative) and b2 (abandoned, in alternative care) has a placement — a4 with a non-relative family, b2 35 %
//   in the province's social work centre (an institution) and 65 % with a family; 40 % of the children in a3
//   (orphan living with relatives) have their kinship care formalised as a placement with a relative. The hand-over
//   is the day the sub-group began; the commune leader decided 3–20 days before, on the worker's proposal 2–14
//   days before that. Such a placement lasts while the assignment is open (terminated on its last day otherwise).
//   Of the other a3 children, 1 % have a proposal pending (last 30 days) and 0.5 % a decision awaiting hand-over.
// - From protection cases: 6 % of the cases that reached implementation, about a child of the register, for
//   abandonment, neglect, violence, sexual abuse or trafficking, lead to a placement (55 % relative, 15 %
//   non-relative, 30 % the social work centre): proposed 1–10 days after the plan was approved, decided 2–7 days
//   later, handed over 1–15 days after the decision; the child returns home (terminated) 60–365 days after the
//   hand-over, or when the case closed, whichever is first. The case gets the events the service writes
//   (`care_proposed`, `care_decided`, `care_handed_over`, `care_visited`, `care_terminated`).
// - Visits: every 80–100 days after the hand-over while the child is placed, by the commune's worker; wellbeing
//   good 85 %, a concern 12 %, at risk 3 %; the next visit set 90 days later.
import { performance } from 'node:perf_hooks';
import {
  caseDeadlineCatalogue,
  caseDeadlineDue,
  type CaseStep,
  type ConcernType,
  type PlainDate,
} from '@treem/shared';
import pg from 'pg';
import { statutoryWorkingCalendar } from '../modules/cases/calendar.ts';
import { caseScaleUsername, REFERRAL_COLUMNS, SCALE_PROVIDERS } from './caseScale.ts';
import { hashSeed, sfc32, type Random } from './registerGenerator.ts';
import { copyRows } from './registerScale.ts';

export const SCALE_REFERRAL_SEED = 20260705;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Development screenings "referred" that lead to a referral, and severe-wasting measurements. */
export const SCREENING_REFERRAL_RATE = 0.7;
export const WASTING_REFERRAL_RATE = 0.4;
/** Of the kinship (a3) children, those whose care is formalised as a placement. */
export const KINSHIP_PLACEMENT_RATE = 0.4;
/** Of the cases that reached implementation for the concerns below, those that lead to a placement. */
export const CASE_PLACEMENT_RATE = 0.06;
const PLACEMENT_CONCERNS: readonly ConcernType[] = [
  'abandonment',
  'neglect',
  'violence',
  'sexual_abuse',
  'trafficking',
];

const CARER_RELATIONS = ['Bà nội', 'Bà ngoại', 'Ông bà nội', 'Chú ruột', 'Cô ruột', 'Bác ruột', 'Dì ruột'];
const CARER_NAMES = [
  'Nguyễn Thị Lan',
  'Trần Văn Hải',
  'Lê Thị Hồng',
  'Phạm Văn Dũng',
  'Hoàng Thị Mai',
  'Vũ Văn Thắng',
  'Đỗ Thị Hạnh',
  'Bùi Văn Nam',
];
const VISIT_FINDINGS = {
  good: 'Cháu khỏe mạnh, đi học đều; gia đình chăm sóc chu đáo.',
  concern: 'Cháu gầy hơn lần trước, học lực giảm; đã trao đổi với người chăm sóc.',
  at_risk: 'Người chăm sóc ốm nặng, cháu thường ở nhà một mình; đề nghị xem xét lại việc chăm sóc.',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------------

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

/** The calendar day in Vietnam (UTC+7) of an instant, and the instant of a Vietnamese day at a given hour. */
const vietnamDay = (ms: number): PlainDate => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);
const atVietnam = (day: PlainDate, hour: number) => Date.parse(`${day}T00:00:00+07:00`) + hour * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

// ---------------------------------------------------------------------------------------------------------------
// The generator (pure: no database, no clock)
// ---------------------------------------------------------------------------------------------------------------

type Row = Record<string, string | number | boolean | null>;

export interface ReferralScaleCommune {
  id: string;
  path: string;
  workerId: string;
  leaderId: string;
}

/** The province's providers by `SCALE_PROVIDERS` key. */
export type ReferralScaleProviders = Record<(typeof SCALE_PROVIDERS)[number]['key'], string>;

/** What the rows follow from: the commune's records, read from the database (or made up by a test). */
export interface ReferralScaleSources {
  /** Development screenings with result "referred". */
  screenings: readonly { id: string; personId: string; screenedOn: PlainDate }[];
  /** Measurements with severe wasting. */
  wasting: readonly { id: string; personId: string; measuredOn: PlainDate }[];
  /** Assignments to the sub-groups a3, a4 and b2 of active children. */
  circumstances: readonly {
    id: string;
    personId: string;
    subGroup: 'a3' | 'a4' | 'b2';
    validFrom: PlainDate;
    validTo: PlainDate | null;
  }[];
  /** Cases about an active child of the register that reached implementation, with the first instant they did. */
  cases: readonly {
    id: string;
    personId: string;
    concerns: readonly string[];
    step: CaseStep;
    implementingAt: number;
    closedAt: number | null;
  }[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

const emptySources = (): Mutable<ReferralScaleSources> => ({
  screenings: [],
  wasting: [],
  circumstances: [],
  cases: [],
});

export interface ReferralScaleRows {
  referrals: Row[];
  placements: Row[];
  visits: Row[];
  events: Row[];
}

interface PlacementPlan {
  key: string;
  personId: string;
  caseId: string | null;
  kind: 'relative' | 'non_relative' | 'institution';
  proposedAt: number;
  /** null: still a proposal. */
  decidedOn: PlainDate | null;
  /** null: decided, not yet handed over. */
  handedOverOn: PlainDate | null;
  terminatedOn: PlainDate | null;
  terminationReason: string | null;
  note: string;
}

/** The commune's early-childhood referrals, placements, visits and case events. */
export function communeReferralRows(
  seed: number,
  provinceCode: string,
  commune: ReferralScaleCommune,
  providers: ReferralScaleProviders,
  sources: ReferralScaleSources,
  now: number,
): ReferralScaleRows {
  const calendar = statutoryWorkingCalendar();
  const rows: ReferralScaleRows = { referrals: [], placements: [], visits: [], events: [] };

  // Early-childhood referrals.
  const refer = (
    key: string,
    personId: string,
    from: PlainDate,
    sendWithinDays: number,
    serviceCode: 'disability_rehabilitation' | 'medical_care',
    reason: string,
    urgentRate: number,
  ) => {
    const random = sfc32(hashSeed(seed, 'ecd-referral', key));
    const sentAt =
      atVietnam(from, uniform(random, 8, 17)) + Math.floor(random() * (sendWithinDays + 1)) * DAY;
    if (sentAt >= now) return;
    const responseDue = caseDeadlineDue(caseDeadlineCatalogue.referral_response, new Date(sentAt), calendar);
    const cancelledAt = random() < 0.02 ? sentAt + uniform(random, 1, 3) * DAY : null;
    const answeredAt = sentAt + uniform(random, 4 * HOUR, 5 * DAY);
    const declined = random() < 0.08;
    const completedAt = answeredAt + uniform(random, 20, 120) * DAY;
    const completes = random() < 0.85;
    let status: 'sent' | 'accepted' | 'declined' | 'completed' | 'cancelled' = 'sent';
    if (cancelledAt !== null && cancelledAt < now) status = 'cancelled';
    else if (cancelledAt === null && answeredAt < now) {
      status = declined ? 'declined' : 'accepted';
      if (status === 'accepted' && completes && completedAt < now) status = 'completed';
    }
    const responded = status === 'accepted' || status === 'declined' || status === 'completed';
    rows.referrals.push({
      province_code: provinceCode,
      id: uuid7At(sentAt, random),
      case_id: null,
      person_id: personId,
      org_path: commune.path,
      provider_id: providers.benhvien,
      service_code: serviceCode,
      reason,
      urgency: random() < urgentRate ? 'urgent' : 'routine',
      consent_noted: true,
      consent_note: null,
      status,
      sent_at: iso(sentAt),
      sent_by: commune.workerId,
      response_due_at: responseDue.toISOString(),
      responded_at: responded ? iso(answeredAt) : null,
      responded_by: null,
      response_note: status === 'declined' ? 'Hết chỗ can thiệp, đề nghị chuyển cơ sở khác' : null,
      completed_at: status === 'completed' ? iso(completedAt) : null,
      outcome: status === 'completed' ? 'Đã khám và can thiệp theo phác đồ' : null,
      recorded_by: status === 'completed' ? commune.workerId : null,
      cancelled_at: status === 'cancelled' ? iso(cancelledAt!) : null,
      cancel_reason: status === 'cancelled' ? 'Gia đình đưa cháu đi khám nơi khác' : null,
      created_at: iso(sentAt),
      updated_at: iso(
        status === 'completed'
          ? completedAt
          : status === 'cancelled'
            ? cancelledAt!
            : responded
              ? answeredAt
              : sentAt,
      ),
    });
  };
  for (const screening of sources.screenings) {
    const random = sfc32(hashSeed(seed, 'screening-referred', screening.id));
    if (random() >= SCREENING_REFERRAL_RATE) continue;
    refer(
      screening.id,
      screening.personId,
      screening.screenedOn,
      7,
      'disability_rehabilitation',
      'Sàng lọc phát triển: cháu chậm phát triển, cần khám và can thiệp sớm',
      0.1,
    );
  }
  for (const measurement of sources.wasting) {
    const random = sfc32(hashSeed(seed, 'wasting-referred', measurement.id));
    if (random() >= WASTING_REFERRAL_RATE) continue;
    refer(
      measurement.id,
      measurement.personId,
      measurement.measuredOn,
      3,
      'medical_care',
      'Suy dinh dưỡng cấp tính nặng (gầy còm nặng), cần khám và điều trị',
      0.6,
    );
  }

  // Placements.
  const plans: PlacementPlan[] = [];
  for (const assignment of sources.circumstances) {
    const random = sfc32(hashSeed(seed, 'placement', assignment.id));
    let kind: PlacementPlan['kind'] | null = null;
    if (assignment.subGroup === 'a4') kind = 'non_relative';
    else if (assignment.subGroup === 'b2') kind = random() < 0.35 ? 'institution' : 'non_relative';
    else if (random() < KINSHIP_PLACEMENT_RATE) kind = 'relative';
    const handover = atVietnam(assignment.validFrom, 9);
    if (kind !== null) {
      const decided = handover - Math.round(uniform(random, 3, 20)) * DAY;
      const proposedAt = decided - uniform(random, 2, 14) * DAY;
      const ended = assignment.validTo !== null && assignment.validTo < vietnamDay(now);
      plans.push({
        key: assignment.id,
        personId: assignment.personId,
        caseId: null,
        kind,
        proposedAt,
        decidedOn: vietnamDay(decided),
        handedOverOn: handover < now ? assignment.validFrom : null,
        terminatedOn: ended ? assignment.validTo : null,
        terminationReason: ended ? 'Cháu không còn thuộc nhóm hoàn cảnh đặc biệt' : null,
        note:
          kind === 'relative'
            ? 'Cháu mồ côi, đang sống với người thân; đề nghị công nhận chăm sóc thay thế'
            : 'Cháu cần người chăm sóc thay thế',
      });
      continue;
    }
    // a3 without a placement: a few in the pipeline.
    const pipeline = random();
    if (pipeline < 0.015) {
      const proposedAt = now - uniform(random, 1, 30) * DAY;
      const decided = pipeline < 0.005 ? proposedAt + uniform(random, 2, 10) * DAY : null;
      plans.push({
        key: assignment.id,
        personId: assignment.personId,
        caseId: null,
        kind: 'relative',
        proposedAt,
        decidedOn: decided !== null && decided < now ? vietnamDay(decided) : null,
        handedOverOn: null,
        terminatedOn: null,
        terminationReason: null,
        note: 'Cháu mồ côi, đang sống với người thân; đề nghị công nhận chăm sóc thay thế',
      });
    }
  }
  for (const protectionCase of sources.cases) {
    if (!protectionCase.concerns.some((c) => PLACEMENT_CONCERNS.includes(c as ConcernType))) continue;
    const random = sfc32(hashSeed(seed, 'case-placement', protectionCase.id));
    if (random() >= CASE_PLACEMENT_RATE) continue;
    const roll = random();
    const kind: PlacementPlan['kind'] =
      roll < 0.55 ? 'relative' : roll < 0.7 ? 'non_relative' : 'institution';
    const end = Math.min(now, protectionCase.closedAt ?? now);
    const proposedAt = protectionCase.implementingAt + uniform(random, 1, 10) * DAY;
    const decided = proposedAt + uniform(random, 2, 7) * DAY;
    const handover = decided + uniform(random, 1, 15) * DAY;
    // A case closed before the child was handed over took another way: no placement.
    if (proposedAt >= end || (protectionCase.closedAt !== null && handover >= protectionCase.closedAt))
      continue;
    const returns = handover + uniform(random, 60, 365) * DAY;
    const closedFirst = protectionCase.closedAt !== null && protectionCase.closedAt < returns;
    const terminated = Math.min(returns, protectionCase.closedAt ?? Number.POSITIVE_INFINITY);
    plans.push({
      key: protectionCase.id,
      personId: protectionCase.personId,
      caseId: protectionCase.id,
      kind,
      proposedAt,
      decidedOn: decided < end ? vietnamDay(decided) : null,
      handedOverOn: decided < end && handover < end ? vietnamDay(handover) : null,
      terminatedOn: handover < end && terminated < now ? vietnamDay(Math.max(terminated, handover)) : null,
      terminationReason:
        handover < end && terminated < now
          ? closedFirst
            ? 'Đóng hồ sơ vụ việc, cháu ổn định'
            : 'Cháu trở về sống cùng gia đình'
          : null,
      note: 'Cháu cần được chăm sóc thay thế khẩn cấp theo kế hoạch hỗ trợ',
    });
  }

  // A child has one placement in progress at a time (as `proposeCare` requires): a child keeps the first plan only.
  const placed = new Set<string>();
  for (const plan of plans) {
    if (placed.has(plan.personId)) continue;
    placed.add(plan.personId);
    const random = sfc32(hashSeed(seed, 'placement-rows', plan.key));
    const id = uuid7At(plan.proposedAt, random);
    const decidedAt = plan.decidedOn === null ? null : atVietnam(plan.decidedOn, 10);
    const status = plan.terminatedOn
      ? 'terminated'
      : plan.handedOverOn
        ? 'placed'
        : plan.decidedOn
          ? 'decided'
          : 'proposed';
    const carerName = plan.kind === 'institution' ? SCALE_PROVIDERS[0].name : pick(random, CARER_NAMES);
    const lastChange = plan.terminatedOn ?? plan.handedOverOn ?? plan.decidedOn;
    rows.placements.push({
      province_code: provinceCode,
      id,
      person_id: plan.personId,
      case_id: plan.caseId,
      commune_id: commune.id,
      org_path: commune.path,
      kind: plan.kind,
      carer_name: carerName,
      carer_relation:
        plan.kind === 'relative'
          ? pick(random, CARER_RELATIONS)
          : plan.kind === 'non_relative'
            ? 'Gia đình nhận chăm sóc'
            : null,
      carer_address: plan.kind === 'institution' ? null : 'Cùng thôn',
      carer_phone:
        plan.kind === 'institution' ? null : `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      provider_id: plan.kind === 'institution' ? providers.ctxh : null,
      status,
      proposed_at: iso(plan.proposedAt),
      proposed_by: commune.workerId,
      proposal_note: plan.note,
      decision_number: plan.decidedOn ? `${1 + Math.floor(random() * 400)}/QĐ-UBND` : null,
      decided_on: plan.decidedOn,
      decided_by: plan.decidedOn ? commune.leaderId : null,
      handover_due_at:
        decidedAt === null
          ? null
          : caseDeadlineDue(caseDeadlineCatalogue.care_handover, new Date(decidedAt), calendar).toISOString(),
      handed_over_on: plan.handedOverOn,
      terminated_on: plan.terminatedOn,
      termination_reason: plan.terminationReason,
      version: 1 + [plan.decidedOn, plan.handedOverOn, plan.terminatedOn].filter(Boolean).length,
      created_at: iso(plan.proposedAt),
      updated_at: iso(lastChange ? Math.max(plan.proposedAt, atVietnam(lastChange, 10)) : plan.proposedAt),
    });
    const event = (at: number, kind: string, by: string, data: Record<string, unknown>) => {
      if (!plan.caseId) return;
      rows.events.push({
        province_code: provinceCode,
        id: uuid7At(at, random),
        case_id: plan.caseId,
        at: iso(at),
        actor_id: by,
        kind,
        from_step: null,
        to_step: null,
        data: JSON.stringify({ placementId: id, ...data }),
      });
    };
    event(plan.proposedAt, 'care_proposed', commune.workerId, { kind: plan.kind });
    if (decidedAt !== null) event(decidedAt, 'care_decided', commune.leaderId, {});
    if (plan.handedOverOn) {
      event(atVietnam(plan.handedOverOn, 9), 'care_handed_over', commune.workerId, {
        handedOverOn: plan.handedOverOn,
      });
      // Visits while placed.
      const until = plan.terminatedOn ? atVietnam(plan.terminatedOn, 0) : now;
      let visit = atVietnam(plan.handedOverOn, 9) + uniform(random, 80, 100) * DAY;
      while (visit < until) {
        const visitedOn = vietnamDay(visit);
        const roll = random();
        const wellbeing = roll < 0.85 ? 'good' : roll < 0.97 ? 'concern' : 'at_risk';
        rows.visits.push({
          province_code: provinceCode,
          id: uuid7At(visit, random),
          placement_id: id,
          visited_on: visitedOn,
          visited_by: commune.workerId,
          wellbeing,
          findings: VISIT_FINDINGS[wellbeing],
          next_visit_on: vietnamDay(visit + 90 * DAY),
          created_at: iso(visit),
        });
        event(visit, 'care_visited', commune.workerId, { visitedOn, wellbeing });
        visit += uniform(random, 80, 100) * DAY;
      }
      if (plan.terminatedOn)
        event(atVietnam(plan.terminatedOn, 10), 'care_terminated', commune.workerId, {
          terminatedOn: plan.terminatedOn,
        });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// The writer (native PostgreSQL, COPY)
// ---------------------------------------------------------------------------------------------------------------

export interface ReferralScaleOptions {
  /** Native PostgreSQL with the province's register, ECD records and cases written. */
  databaseUrl: string;
  provinceCode: string;
  seed?: number;
  /** Only the first N communes of the province (by code); default all. */
  communes?: number;
  /** The instant the histories run up to; default now. */
  now?: Date;
  log?: (line: string) => void;
}

export interface ReferralScaleReport {
  communes: number;
  /** Communes that already had placements or early-childhood referrals and were kept. */
  communesKept: number;
  referrals: number;
  placements: number;
  visits: number;
  caseEvents: number;
  byStatus: Record<string, number>;
  writeMs: number;
  analyzeMs: number;
}

const PLACEMENT_COLUMNS = [
  'province_code',
  'id',
  'person_id',
  'case_id',
  'commune_id',
  'org_path',
  'kind',
  'carer_name',
  'carer_relation',
  'carer_address',
  'carer_phone',
  'provider_id',
  'status',
  'proposed_at',
  'proposed_by',
  'proposal_note',
  'decision_number',
  'decided_on',
  'decided_by',
  'handover_due_at',
  'handed_over_on',
  'terminated_on',
  'termination_reason',
  'version',
  'created_at',
  'updated_at',
];
const VISIT_COLUMNS = [
  'province_code',
  'id',
  'placement_id',
  'visited_on',
  'visited_by',
  'wellbeing',
  'findings',
  'next_visit_on',
  'created_at',
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

export async function writeReferralScale(options: ReferralScaleOptions): Promise<ReferralScaleReport> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? SCALE_REFERRAL_SEED;
  const now = (options.now ?? new Date()).getTime();
  const provinceCode = options.provinceCode;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  client.setTypeParser(1082, (value: string) => value);
  await client.connect();
  try {
    const province = (
      await client.query<{ id: string }>(
        `select id from org_unit
          where generation = 'current' and level = 'province' and province_code = $1 and valid_to is null`,
        [provinceCode],
      )
    ).rows[0];
    if (!province) {
      throw new Error(
        `Province ${provinceCode} not found: load the administrative units first (treem seed).`,
      );
    }
    const communes = (
      await client.query<{ id: string; path: string; code: string; name: string }>(
        `select id, path, code, name from org_unit
          where generation = 'current' and level = 'commune' and parent_id = $1 and valid_to is null
          order by code`,
        [province.id],
      )
    ).rows.slice(0, options.communes ?? Number.MAX_SAFE_INTEGER);
    const providerRows = (
      await client.query<{ id: string; name: string }>(
        'select id, name from service_provider where province_code = $1 and name = any($2::text[])',
        [provinceCode, SCALE_PROVIDERS.map((p) => p.name)],
      )
    ).rows;
    const providers = Object.fromEntries(
      SCALE_PROVIDERS.map((p) => [p.key, providerRows.find((r) => r.name === p.name)?.id]),
    ) as Partial<ReferralScaleProviders>;
    if (!providers.benhvien || !providers.ctxh)
      throw new Error(
        `Province ${provinceCode} has no scale providers: write its cases first (writeCaseScale).`,
      );
    const users = new Map(
      (
        await client.query<{ id: string; username: string }>(
          `select id, username from app_user where username like 'bench.case.%'`,
        )
      ).rows.map((r) => [r.username, r.id]),
    );

    // The records the rows follow from, for the whole province at once (a few tens of thousands), by commune.
    const byCommune = new Map<string, Mutable<ReferralScaleSources>>();
    const sourcesOf = (path: string) => {
      let sources = byCommune.get(path);
      if (!sources) byCommune.set(path, (sources = emptySources()));
      return sources;
    };
    const screenings = await client.query<{
      id: string;
      person_id: string;
      screened_on: PlainDate;
      commune: string;
    }>(
      `select s.id, s.person_id, s.screened_on, subpath(p.org_path, 0, 3)::text as commune
         from development_screening s
         join person p on p.province_code = s.province_code and p.id = s.person_id
        where s.province_code = $1 and p.status = 'active' and s.result = 'referred'
        order by s.id`,
      [provinceCode],
    );
    for (const r of screenings.rows)
      sourcesOf(r.commune).screenings.push({ id: r.id, personId: r.person_id, screenedOn: r.screened_on });
    const wasting = await client.query<{
      id: string;
      person_id: string;
      measured_on: PlainDate;
      commune: string;
    }>(
      `select g.id, g.person_id, g.measured_on, subpath(p.org_path, 0, 3)::text as commune
         from growth_measurement g
         join person p on p.province_code = g.province_code and p.id = g.person_id
        where g.province_code = $1 and p.status = 'active' and g.wasting = 'severe'
        order by g.id`,
      [provinceCode],
    );
    for (const r of wasting.rows)
      sourcesOf(r.commune).wasting.push({ id: r.id, personId: r.person_id, measuredOn: r.measured_on });
    const circumstances = await client.query<{
      id: string;
      person_id: string;
      sub_group_code: 'a3' | 'a4' | 'b2';
      valid_from: PlainDate;
      valid_to: PlainDate | null;
      commune: string;
    }>(
      `select a.id, a.person_id, a.sub_group_code, a.valid_from, a.valid_to,
              subpath(p.org_path, 0, 3)::text as commune
         from circumstance_assignment a
         join person p on p.province_code = a.province_code and p.id = a.person_id
        where a.province_code = $1 and p.status = 'active' and a.sub_group_code in ('a3', 'a4', 'b2')
        order by a.id`,
      [provinceCode],
    );
    for (const r of circumstances.rows)
      sourcesOf(r.commune).circumstances.push({
        id: r.id,
        personId: r.person_id,
        subGroup: r.sub_group_code,
        validFrom: r.valid_from,
        validTo: r.valid_to,
      });
    const cases = await client.query<{
      id: string;
      person_id: string;
      concern_types: string[];
      step: CaseStep;
      implementing_at: Date;
      closed_at: Date | null;
      commune: string;
    }>(
      `select k.id, k.person_id, k.concern_types, k.step, k.closed_at, i.implementing_at,
              subpath(p.org_path, 0, 3)::text as commune
         from protection_case k
         join person p on p.province_code = k.province_code and p.id = k.person_id
         join (select ev.case_id, min(ev.at) as implementing_at from case_event ev
                where ev.province_code = $1 and ev.to_step = 'implementing' group by ev.case_id) i
           on i.case_id = k.id
        where k.province_code = $1 and p.status = 'active'
        order by k.id`,
      [provinceCode],
    );
    for (const r of cases.rows)
      sourcesOf(r.commune).cases.push({
        id: r.id,
        personId: r.person_id,
        concerns: r.concern_types,
        step: r.step,
        implementingAt: new Date(r.implementing_at).getTime(),
        closedAt: r.closed_at === null ? null : new Date(r.closed_at).getTime(),
      });

    const totals = { referrals: 0, placements: 0, visits: 0, caseEvents: 0 };
    const byStatus: Record<string, number> = {};
    let communesKept = 0;
    const start = performance.now();
    for (const [index, commune] of communes.entries()) {
      const done = await client.query(
        `select 1 from care_placement where province_code = $1 and commune_id = $2
         union all
         select 1 from referral where province_code = $1 and case_id is null and org_path = $3::ltree
         limit 1`,
        [provinceCode, commune.id, commune.path],
      );
      if (done.rowCount) {
        communesKept += 1;
        continue;
      }
      const workerId = users.get(caseScaleUsername(commune.code, 'worker'));
      const leaderId = users.get(caseScaleUsername(commune.code, 'leader'));
      if (!workerId || !leaderId)
        throw new Error(`Commune ${commune.code} has no scale worker or leader: write the cases first.`);
      const sources = byCommune.get(commune.path) ?? emptySources();
      const rows = communeReferralRows(
        seed,
        provinceCode,
        { id: commune.id, path: commune.path, workerId, leaderId },
        providers as ReferralScaleProviders,
        sources,
        now,
      );
      await client.query('begin');
      try {
        await copyRows(client, 'referral', REFERRAL_COLUMNS, rows.referrals);
        await copyRows(client, 'care_placement', PLACEMENT_COLUMNS, rows.placements);
        await copyRows(client, 'care_visit', VISIT_COLUMNS, rows.visits);
        await copyRows(client, 'case_event', EVENT_COLUMNS, rows.events);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
      totals.referrals += rows.referrals.length;
      totals.placements += rows.placements.length;
      totals.visits += rows.visits.length;
      totals.caseEvents += rows.events.length;
      for (const placement of rows.placements) {
        const key = `placement ${String(placement.status)}`;
        byStatus[key] = (byStatus[key] ?? 0) + 1;
      }
      for (const referral of rows.referrals) {
        const key = `referral ${String(referral.status)}`;
        byStatus[key] = (byStatus[key] ?? 0) + 1;
      }
      log(
        `referrals and care, commune ${index + 1}/${communes.length} (${commune.name}): ` +
          `${totals.referrals.toLocaleString('en-US')} referrals, ${totals.placements.toLocaleString('en-US')} placements ` +
          `in ${((performance.now() - start) / 1000).toFixed(0)} s`,
      );
    }
    if (communesKept > 0)
      log(`${communesKept} communes already have referrals or placements: kept as they are`);
    const writeMs = performance.now() - start;
    const analyzeStart = performance.now();
    if (totals.referrals + totals.placements > 0) {
      await client.query('analyze referral, care_placement, care_visit, case_event');
      log(`analyze: ${((performance.now() - analyzeStart) / 1000).toFixed(1)} s`);
    }
    return {
      communes: communes.length,
      communesKept,
      ...totals,
      byStatus,
      writeMs,
      analyzeMs: performance.now() - analyzeStart,
    };
  } finally {
    await client.end();
  }
}
