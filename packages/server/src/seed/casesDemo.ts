import {
  addYears,
  foldVietnamese,
  newId,
  todayInVietnam,
  type CaseAction,
  type CaseIntake,
  type ProviderSector,
  type ReferralServiceCode,
} from '@treem/shared';
import type { Kysely, Transaction } from 'kysely';
import { systemActor } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import type { Operator } from '../http/context.ts';
import { actOnCase, addCaseNote, takeCase } from '../modules/cases/case.service.ts';
import { reportCase } from '../modules/cases/intake.service.ts';
import { proposeCare, decideCare, handOverCare, recordCareVisit } from '../modules/referrals/care.service.ts';
import { acceptReferral, referFromCase } from '../modules/referrals/referral.service.ts';
import { provinceCodeOfPath } from '../modules/register/registerScope.ts';

/**
 * The demo province's child-protection work in Xã Hoà Lạc: its referral network, and a case at each step of
 * Decree 56 so that every screen has something to show — a report waiting in the inbox, an urgent case on its
 * 12-hour clock, plans being drafted and waiting for the leader, a case in implementation with referrals (one to a
 * provider without an account), a closed case, and a child in alternative care. Written through the services, so
 * the deadlines, events and audit are the real ones. Runs once: a province that has cases keeps them.
 */
export interface CasesDemoReport {
  providers: number;
  cases: number;
}

interface DemoUser {
  id: string;
  username: string;
  role: string;
  path: string;
}

async function demoUsers(db: Kysely<DB>): Promise<Map<string, DemoUser>> {
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('user_scope as us', 'us.user_id', 'u.id')
    .innerJoin('org_unit as o', 'o.id', 'us.org_unit_id')
    .select(['u.id', 'u.username', 'u.role', 'u.sector', 'o.path'])
    .where('u.username', 'in', ['xa.canbo', 'xa.chutich', 'xa.tramyte', 'xa.truonghoc', 'thon.ctv'])
    .execute();
  return new Map(
    rows.map((r) => [r.username, { id: r.id, username: r.username, role: r.role, path: r.path }]),
  );
}

function operator(db: Transaction<DB>, user: DemoUser): Operator {
  return {
    db,
    userId: user.id,
    actor: { ...systemActor('seed'), userId: user.id, username: user.username },
    scope: {
      userId: user.id,
      role: user.role as Operator['scope']['role'],
      sector: null,
      paths: [user.path],
    },
  };
}

const providers: {
  name: string;
  sector: ProviderSector;
  level: 'province' | 'commune';
  services: ReferralServiceCode[];
  member?: string;
  phone: string;
  address: string;
  hours: string;
}[] = [
  {
    name: 'Trạm Y tế xã Hòa Lạc',
    sector: 'health_facility',
    level: 'commune',
    services: ['medical_care', 'nutrition_support', 'counselling'],
    member: 'xa.tramyte',
    phone: '0243 3680 115',
    address: 'Thôn Hòa Lạc, xã Hòa Lạc',
    hours: 'Thứ 2 – Thứ 7, 7:30–17:00; trực cấp cứu 24/24',
  },
  {
    name: 'Trường Mầm non Hòa Lạc',
    sector: 'school',
    level: 'commune',
    services: ['preschool_education', 'education_support'],
    member: 'xa.truonghoc',
    phone: '0243 3680 226',
    address: 'Thôn Hòa Bình, xã Hòa Lạc',
    hours: 'Thứ 2 – Thứ 6, 7:00–17:00',
  },
  {
    name: 'Trung tâm Công tác xã hội thành phố Hà Nội',
    sector: 'social_work_centre',
    level: 'province',
    services: ['psychological_support', 'counselling', 'emergency_shelter', 'case_management'],
    phone: '0243 8256 111',
    address: 'Số 2 Trấn Vũ, Ba Đình, Hà Nội',
    hours: 'Thứ 2 – Thứ 6, 8:00–17:00',
  },
  {
    name: 'Trung tâm Trợ giúp pháp lý nhà nước thành phố Hà Nội',
    sector: 'justice_legal_aid',
    level: 'province',
    services: ['legal_aid'],
    phone: '0243 7347 254',
    address: 'Số 1 Tôn Thất Thuyết, Cầu Giấy, Hà Nội',
    hours: 'Thứ 2 – Thứ 6, 8:00–17:00',
  },
  {
    name: 'Công an xã Hòa Lạc',
    sector: 'police',
    level: 'commune',
    services: ['police_protection'],
    phone: '0243 3680 113',
    address: 'Thôn Tân Xã, xã Hòa Lạc',
    hours: '24/24',
  },
  {
    name: 'Hội Liên hiệp Phụ nữ xã Hòa Lạc',
    sector: 'women_union',
    level: 'commune',
    services: ['parenting_support', 'material_support'],
    phone: '0243 3680 330',
    address: 'UBND xã Hòa Lạc',
    hours: 'Thứ 2 – Thứ 6, 7:30–16:30',
  },
];

const ratings = (level: 'high' | 'medium' | 'low') =>
  ({
    harm_severity: level,
    perpetrator_access: level,
    care_environment: 'medium',
    self_protection: 'medium',
  }) as const;

export async function seedCasesDemo(db: Transaction<DB>, communeId: string): Promise<CasesDemoReport> {
  const commune = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', '=', communeId)
    .executeTakeFirstOrThrow();
  const provinceCode = provinceCodeOfPath(commune.path);
  const existing = await db
    .selectFrom('protection_case')
    .select('id')
    .where('province_code', '=', provinceCode)
    .limit(1)
    .executeTakeFirst();
  if (existing) return { providers: 0, cases: 0 };
  const users = await demoUsers(db);
  const need = (username: string) => {
    const user = users.get(username);
    if (!user) throw new Error(`demo user ${username} missing`);
    return user;
  };
  const worker = operator(db, need('xa.canbo'));
  const leader = operator(db, need('xa.chutich'));
  const collaborator = operator(db, need('thon.ctv'));
  const health = operator(db, need('xa.tramyte'));

  // The referral network.
  const provinceUnit = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('path', '=', commune.path.split('.').slice(0, 2).join('.'))
    .executeTakeFirstOrThrow();
  const providerIds = new Map<string, string>();
  for (const p of providers) {
    const owner = p.level === 'province' ? provinceUnit : commune;
    const id = newId();
    providerIds.set(p.name, id);
    await db
      .insertInto('service_provider')
      .values({
        province_code: provinceCode,
        id,
        owner_unit_id: owner.id,
        org_path: owner.path,
        name: p.name,
        name_search: foldVietnamese(p.name),
        sector: p.sector,
        level: p.level,
        address: p.address,
        phone: p.phone,
        opening_hours: p.hours,
        services: p.services,
        created_by: worker.userId,
      })
      .execute();
    await db
      .insertInto('service_provider_coverage')
      .values({ province_code: provinceCode, provider_id: id, org_unit_id: owner.id, org_path: owner.path })
      .execute();
    if (p.member)
      await db
        .insertInto('service_provider_member')
        .values({ province_code: provinceCode, provider_id: id, user_id: need(p.member).id })
        .execute();
  }

  // Children of the collaborator's village, 4 to 14 years old, in a stable order.
  const today = todayInVietnam();
  const children = await db
    .selectFrom('person')
    .select(['id', 'full_name'])
    .where('org_path', '<@', need('thon.ctv').path)
    .where('status', '=', 'active')
    .where('birth_date', '<=', addYears(today, -4))
    .where('birth_date', '>', addYears(today, -14))
    .orderBy('id')
    .limit(8)
    .execute();
  if (children.length < 7) return { providers: providers.length, cases: 0 };
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  const intake = (personId: string, overrides: Partial<CaseIntake>) =>
    ({
      personId,
      channel: 'in_person',
      source: 'village_collaborator',
      reporter: {
        anonymous: false,
        name: 'Hoàng Thị Nga',
        phone: '0912 345 678',
        relation: 'Cộng tác viên thôn',
      },
      concernTypes: ['neglect'],
      description: 'Cháu thường xuyên ở nhà một mình, bố mẹ đi làm ăn xa, ông bà già yếu.',
      occurredPlace: 'Tại nhà',
      ...overrides,
    }) as never;
  const report = async (personId: string, overrides: Partial<CaseIntake>) =>
    (await reportCase(collaborator, intake(personId, overrides))).id;
  const step = async (who: Operator, id: string, action: CaseAction) => {
    const current = await db
      .selectFrom('protection_case')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await actOnCase(who, id, { version: current.version, action }, who === leader ? 'approver' : 'worker');
  };
  const assessed = (urgent: boolean): CaseAction => ({
    type: 'assess_initial',
    verified: true,
    urgent,
    ratings: ratings(urgent ? 'high' : 'medium'),
    findings: 'Cán bộ đã đến nhà xác minh: thông tin đúng.',
  });
  const specific: CaseAction = {
    type: 'assess_specific',
    needs: 'Khám sức khỏe; hỗ trợ tâm lý; tư vấn kỹ năng làm cha mẹ cho người chăm sóc.',
    meetingOn: today,
    meetingParticipants: 'Cán bộ bảo vệ trẻ em xã, Trạm Y tế, Hội Phụ nữ, người chăm sóc',
    conclusions: 'Cần kế hoạch hỗ trợ trong 3 tháng.',
  };
  const plan: CaseAction = {
    type: 'submit_plan',
    goals: [
      { text: 'Trẻ được chăm sóc an toàn, đi học đều' },
      { text: 'Người chăm sóc có kỹ năng bảo vệ trẻ' },
    ],
    actions: [
      {
        description: 'Khám sức khỏe tổng quát',
        responsible: 'Trạm Y tế xã',
        dueOn: today,
        serviceCode: 'medical_care',
      },
      {
        description: 'Tư vấn tâm lý 4 buổi',
        responsible: 'Trung tâm CTXH',
        dueOn: today,
        serviceCode: 'psychological_support',
      },
      {
        description: 'Tập huấn kỹ năng làm cha mẹ',
        responsible: 'Hội Phụ nữ xã',
        dueOn: today,
        serviceCode: 'parenting_support',
      },
    ],
    reviewOn: today,
  };

  let cases = 0;
  // 1. A new report in the inbox, 2 hours old.
  await report(children[0]!.id, { receivedAt: hoursAgo(2), channel: 'phone' });
  cases += 1;
  // 2. Urgent: violence, assessed, the 12-hour clock running (received 5 hours ago).
  const urgent = await report(children[1]!.id, {
    receivedAt: hoursAgo(5),
    concernTypes: ['violence'],
    description: 'Hàng xóm báo cháu bị bố đánh, có vết bầm ở tay và lưng.',
    source: 'neighbour',
    reporter: { anonymous: true },
  });
  await takeCase(worker, urgent);
  await step(worker, urgent, assessed(true));
  cases += 1;
  // 3. Drafting the plan, its 5 working days running.
  const drafting = await report(children[2]!.id, {
    receivedAt: hoursAgo(30),
    source: 'school',
    concernTypes: ['neglect'],
  });
  await takeCase(worker, drafting);
  await step(worker, drafting, assessed(false));
  await step(worker, drafting, specific);
  cases += 1;
  // 4. A plan waiting for the leader.
  const waiting = await report(children[3]!.id, { receivedAt: hoursAgo(72), concernTypes: ['child_labour'] });
  await takeCase(worker, waiting);
  await step(worker, waiting, assessed(false));
  await step(worker, waiting, specific);
  await step(worker, waiting, plan);
  cases += 1;
  // 5. In implementation, with a referral to the health station (answered in treem) and one to legal aid (no account).
  const running = await report(children[4]!.id, {
    receivedAt: hoursAgo(24 * 20),
    concernTypes: ['sexual_abuse'],
  });
  await takeCase(worker, running);
  await step(worker, running, assessed(true));
  await step(worker, running, {
    type: 'record_emergency',
    measures: 'Tạm thời đưa cháu về nhà bà ngoại; Công an xã tiếp nhận vụ việc.',
    separated: true,
    intervenedAt: hoursAgo(24 * 20 - 6),
  });
  await step(worker, running, specific);
  await step(worker, running, plan);
  await step(leader, running, { type: 'approve_plan', decisionNumber: '27/QĐ-UBND', decidedOn: today });
  await addCaseNote(worker, running, {
    body: 'Chi tiết lời khai của cháu được lưu tại hồ sơ giấy.',
    extraConfidential: true,
  });
  const toStation = await referFromCase(worker, running, {
    providerId: providerIds.get('Trạm Y tế xã Hòa Lạc')!,
    serviceCode: 'medical_care',
    reason: 'Khám và theo dõi thương tích',
    urgency: 'urgent',
    consentNoted: true,
    consentNote: 'Mẹ cháu và cháu (đủ 7 tuổi) đồng ý',
  });
  await acceptReferral(health, toStation.id, 'Đã hẹn khám sáng thứ Hai');
  await referFromCase(worker, running, {
    providerId: providerIds.get('Trung tâm Trợ giúp pháp lý nhà nước thành phố Hà Nội')!,
    serviceCode: 'legal_aid',
    reason: 'Trợ giúp pháp lý cho cháu và gia đình trong quá trình tố tụng',
    urgency: 'urgent',
    consentNoted: true,
    consentNote: 'Mẹ cháu đồng ý',
  });
  cases += 1;
  // 6. Closed after review.
  const closed = await report(children[5]!.id, { receivedAt: hoursAgo(24 * 90), concernTypes: ['neglect'] });
  await takeCase(worker, closed);
  await step(worker, closed, assessed(false));
  await step(worker, closed, specific);
  await step(worker, closed, plan);
  await step(leader, closed, { type: 'approve_plan', decisionNumber: '12/QĐ-UBND', decidedOn: today });
  await step(worker, closed, {
    type: 'review',
    ratings: ratings('low'),
    conclusion: 'propose_close',
    findings: 'Cháu ổn định, mẹ đã về địa phương chăm sóc.',
  });
  await step(leader, closed, { type: 'close', reason: 'no_longer_at_risk' });
  cases += 1;
  // 7. A child in alternative care with her aunt, visited once.
  const placement = await proposeCare(worker, {
    personId: children[6]!.id,
    kind: 'relative',
    carerName: 'Nguyễn Thị Thu',
    carerRelation: 'Dì ruột',
    carerAddress: 'Thôn Hòa Bình, xã Hòa Lạc',
    carerPhone: '0987 111 222',
    note: 'Bố mẹ cháu đi làm ăn xa dài hạn, dì ruột xin nhận chăm sóc.',
  });
  await decideCare(leader, placement.id, { approved: true, decisionNumber: '31/QĐ-UBND', decidedOn: today });
  await handOverCare(worker, placement.id, today);
  await recordCareVisit(worker, placement.id, {
    visitedOn: today,
    wellbeing: 'good',
    findings: 'Cháu ăn ngủ tốt, đi học đều.',
  });
  return { providers: providers.length, cases };
}
