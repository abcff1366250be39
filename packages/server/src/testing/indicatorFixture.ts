import { foldVietnamese, newId, type VaccineCode } from '@treem/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { ensureFlagCatalogue } from '../modules/register/flagCatalogue.ts';
import type { TestClient } from './client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage, type SeedUnit } from './factories.ts';
import { createTestApp, type TestApp } from './testApp.ts';

/**
 * A small province whose every indicator answer is worked out by hand in indicators.engine.test.ts. Ages are at
 * 31/12/2025 (the end of 2025H2 and of 2025). Commune A is a rural xã with villages A1 and A2, commune B an urban
 * phường with village B1. Each child's line says what the tests count them for; the test file repeats the
 * reasoning next to each expected number.
 */

export interface IndicatorFixture {
  province: SeedUnit;
  communeA: SeedUnit;
  communeB: SeedUnit;
  villageA1: SeedUnit;
  villageA2: SeedUnit;
  villageB1: SeedUnit;
  /** Child key (a1…, b8) → person id. */
  children: Record<string, string>;
}

type Class = 'none' | 'moderate' | 'severe' | 'overweight' | 'obese' | null;

interface ChildSpec {
  key: string;
  village: 'A1' | 'A2' | 'B1';
  sex: 'male' | 'female';
  birthDate: string;
  ethnicity?: string;
  status?: 'active' | 'deceased';
  deathDate?: string;
  birthRegistered?: boolean | null;
  birthRegistrationDate?: string | null;
  disability?: string | null;
  healthInsurance?: boolean | null;
}

const childSpecs: ChildSpec[] = [
  // 33 months. Weighed twice in H2: underweight at the later one.
  {
    key: 'a1',
    village: 'A1',
    sex: 'female',
    birthDate: '2023-03-10',
    birthRegistered: true,
    birthRegistrationDate: '2023-03-20',
  },
  // 47 months, Tày. Severely stunted on 10/10, normal on 11/11 when weight was flagged (no underweight class).
  { key: 'a2', village: 'A1', sex: 'male', birthDate: '2022-01-15', ethnicity: '02', birthRegistered: false },
  // 54 months, disability. Weighed in May only (H1).
  { key: 'a3', village: 'A1', sex: 'female', birthDate: '2021-06-01', disability: 'physical' },
  // Exactly 60 months on 31/12/2025: no longer under 5; aged 5, in kindergarten.
  { key: 'a4', village: 'A1', sex: 'male', birthDate: '2020-12-31', birthRegistered: true },
  // 69 months, aged 5, not in kindergarten. Special circumstance c, supported by a social-welfare service.
  { key: 'a5', village: 'A1', sex: 'female', birthDate: '2020-03-01', birthRegistered: true },
  // 127 months. Special circumstance a (open until 31/01/2026). Violence case received 15/08/2025, assessing.
  { key: 'a6', village: 'A1', sex: 'male', birthDate: '2015-05-05' },
  // 16 and a half: not a child under 16.
  { key: 'a7', village: 'A1', sex: 'female', birthDate: '2009-06-01' },
  // Died 01/11/2025: not in the register on 31/12/2025.
  {
    key: 'a8',
    village: 'A1',
    sex: 'male',
    birthDate: '2025-03-01',
    status: 'deceased',
    deathDate: '2025-11-01',
  },
  // First birthday 15/09/2025: every under-1 dose before it. No Japanese encephalitis dose (due at 12 months).
  { key: 'a9', village: 'A1', sex: 'female', birthDate: '2024-09-15' },
  // First birthday 01/10/2025: measles given on 05/10/2025, after it.
  { key: 'a10', village: 'A1', sex: 'male', birthDate: '2024-10-01' },
  // 31 months, health insurance. Screened twice in H2, on track at the later one; overweight on 01/10.
  { key: 'a11', village: 'A2', sex: 'female', birthDate: '2023-05-05', healthInsurance: true },
  // 46 months. Screened and referred; in kindergarten.
  { key: 'a12', village: 'A2', sex: 'male', birthDate: '2022-02-02', healthInsurance: false },
  // 35 months. Obese on 31/12/2025. Birth registered on 05/01/2026, after the period.
  {
    key: 'b1',
    village: 'B1',
    sex: 'female',
    birthDate: '2023-01-01',
    birthRegistered: true,
    birthRegistrationDate: '2026-01-05',
  },
  // 48 months. Underweight, stunted and wasted on 01/07/2025 (the period's first day).
  { key: 'b2', village: 'B1', sex: 'male', birthDate: '2021-12-31', birthRegistered: true },
  // 82 months. A health service in September.
  { key: 'b3', village: 'B1', sex: 'female', birthDate: '2019-02-01' },
  // 107 months: still 0–8. Nothing recorded.
  { key: 'b4', village: 'B1', sex: 'male', birthDate: '2017-01-01' },
  // Exactly 9 years: no longer 0–8. A health service in September.
  { key: 'b5', village: 'B1', sex: 'female', birthDate: '2016-12-31' },
  // 6 months. At risk; a neglect case closed as unverified; in nursery; doses on time.
  { key: 'b6', village: 'B1', sex: 'male', birthDate: '2025-06-01' },
  // 92 months. At risk; a sexual-abuse case received in March 2025, its plan in force since April.
  { key: 'b7', village: 'B1', sex: 'male', birthDate: '2018-04-04' },
  // 142 months. Special circumstance b; placed in alternative care since 01/05/2025.
  { key: 'b8', village: 'B1', sex: 'female', birthDate: '2014-02-02' },
];

export async function seedIndicatorFixture(db: Kysely<DB>): Promise<IndicatorFixture> {
  const province = await seedProvince(db);
  const communeA = await seedCommune(db, province, { name: 'Xã An' });
  const communeB = await seedCommune(db, province, { name: 'Phường Bình' });
  await db
    .updateTable('org_unit')
    .set({ type: 'Phường', type_code: 'phuong' })
    .where('id', '=', communeB.id)
    .execute();
  const villageA1 = await seedVillage(db, communeA, { name: 'An Một' });
  const villageA2 = await seedVillage(db, communeA, { name: 'An Hai' });
  const villageB1 = await seedVillage(db, communeB, { name: 'Bình Một' });
  const villages = { A1: villageA1, A2: villageA2, B1: villageB1 };
  const provinceCode = province.code;
  await ensureFlagCatalogue(db, provinceCode);
  const worker = await seedUser(db, { role: 'commune_worker', scope: [communeA] });

  const children: Record<string, string> = {};
  for (const spec of childSpecs) {
    const village = villages[spec.village];
    const id = newId();
    children[spec.key] = id;
    const fullName = `Trẻ ${spec.key.toUpperCase()} Chỉ Tiêu`;
    await db
      .insertInto('person')
      .values({
        province_code: provinceCode,
        id,
        village_id: village.id,
        org_path: village.path,
        full_name: fullName,
        name_search: foldVietnamese(fullName),
        sex: spec.sex,
        birth_date: spec.birthDate,
        ethnicity_code: spec.ethnicity ?? '01',
        status: spec.status ?? 'active',
        death_date: spec.deathDate ?? null,
        birth_registered: spec.birthRegistered ?? null,
        birth_registration_date: spec.birthRegistrationDate ?? null,
        disability_type: spec.disability ?? null,
        has_health_insurance: spec.healthInsurance ?? null,
      })
      .execute();
  }
  const child = (key: string) => ({ id: children[key]!, spec: childSpecs.find((s) => s.key === key)! });

  const measure = async (
    key: string,
    on: string,
    classes: { uw: Class; st: Class; wa: Class; ow: Class; z?: number },
  ) => {
    const { id, spec } = child(key);
    await db
      .insertInto('growth_measurement')
      .values({
        province_code: provinceCode,
        id: newId(),
        person_id: id,
        measured_on: on,
        weight_kg: 12,
        length_height_cm: 90,
        scored_sex: spec.sex,
        scored_birth_date: spec.birthDate,
        scored_birth_precision: 'day',
        underweight: classes.uw as 'none' | 'moderate' | 'severe' | null,
        stunting: classes.st as 'none' | 'moderate' | 'severe' | null,
        wasting: classes.wa as 'none' | 'moderate' | 'severe' | null,
        overweight: classes.ow as 'none' | 'overweight' | 'obese' | null,
        z_wfa: classes.z ?? null,
        malnourished: [classes.uw, classes.st, classes.wa].some((c) => c === 'moderate' || c === 'severe'),
        f_wfa: false,
        f_lhfa: false,
        f_wflh: false,
        f_bmifa: false,
        f_hcfa: false,
        f_acfa: false,
      })
      .execute();
  };
  await measure('a1', '2025-08-01', { uw: 'none', st: 'none', wa: 'none', ow: 'none', z: -1.1 });
  await measure('a1', '2025-09-01', { uw: 'moderate', st: 'none', wa: 'none', ow: 'none', z: -2.5 });
  await measure('a2', '2025-10-10', { uw: 'none', st: 'severe', wa: 'none', ow: 'none', z: -0.4 });
  await measure('a2', '2025-11-10', { uw: null, st: 'none', wa: null, ow: null });
  await measure('a3', '2025-05-05', { uw: 'severe', st: 'none', wa: 'none', ow: 'none', z: -3.3 });
  await measure('a4', '2025-12-01', { uw: 'moderate', st: 'none', wa: 'none', ow: 'none', z: -2.2 });
  await measure('a11', '2025-10-01', { uw: 'none', st: 'none', wa: 'none', ow: 'overweight', z: 1.4 });
  await measure('b1', '2025-12-31', { uw: 'none', st: 'none', wa: 'none', ow: 'obese', z: 2.9 });
  await measure('b2', '2025-07-01', { uw: 'moderate', st: 'moderate', wa: 'moderate', ow: 'none', z: -2.6 });

  const doses = async (key: string, list: readonly (readonly [VaccineCode, string])[]) => {
    for (const [vaccine, on] of list) {
      const doseNumber = list.filter(([v, d]) => v === vaccine && d <= on).length;
      await db
        .insertInto('immunization_dose')
        .values({
          province_code: provinceCode,
          id: newId(),
          person_id: child(key).id,
          vaccine_code: vaccine,
          dose_number: doseNumber,
          given_on: on,
        })
        .execute();
    }
  };
  const series = (first: string, second: string, third: string) =>
    (['dpt_hepb_hib', 'opv'] as const).flatMap(
      (v) =>
        [
          [v, first],
          [v, second],
          [v, third],
        ] as const,
    );
  await doses('a9', [
    ['bcg', '2024-09-16'],
    ...series('2024-11-01', '2024-12-01', '2025-01-01'),
    ['measles', '2025-06-20'],
  ]);
  await doses('a10', [
    ['bcg', '2024-10-02'],
    ...series('2024-12-01', '2025-01-01', '2025-02-01'),
    ['measles', '2025-10-05'],
  ]);
  await doses('b6', [
    ['hepb_birth', '2025-06-01'],
    ['bcg', '2025-06-02'],
    ...series('2025-08-01', '2025-09-01', '2025-10-01'),
  ]);

  const screen = async (key: string, on: string, result: 'on_track' | 'needs_follow_up' | 'referred') => {
    await db
      .insertInto('development_screening')
      .values({
        province_code: provinceCode,
        id: newId(),
        person_id: child(key).id,
        screened_on: on,
        tool: 'checklist',
        domains: ['motor'],
        result,
      })
      .execute();
  };
  await screen('a11', '2025-08-01', 'needs_follow_up');
  await screen('a11', '2025-11-01', 'on_track');
  await screen('a12', '2025-09-09', 'referred');

  const enrol = async (key: string, level: 'nursery' | 'kindergarten', year = '2025-2026') => {
    await db
      .insertInto('school_enrolment')
      .values({
        province_code: provinceCode,
        id: newId(),
        person_id: child(key).id,
        school_year: year,
        level,
        school_name: 'Trường Mầm non Thử',
        status: 'enrolled',
      })
      .execute();
  };
  await enrol('a4', 'kindergarten');
  await enrol('a12', 'kindergarten');
  await enrol('b6', 'nursery');
  // Last school year's enrolment does not count for 2025H2.
  await enrol('a5', 'kindergarten', '2024-2025');

  const service = async (key: string, code: string, domain: string, on: string) => {
    await db
      .insertInto('ecd_service_contact')
      .values({
        province_code: provinceCode,
        id: newId(),
        person_id: child(key).id,
        service_code: code,
        domain,
        received_on: on,
      })
      .execute();
  };
  await service('a5', 'social_allowance', 'social_welfare', '2025-08-01');
  await service('b3', 'health_check', 'health', '2025-09-01');
  await service('b5', 'health_check', 'health', '2025-09-01');

  const circumstance = async (key: string, group: string, from: string, to: string | null) => {
    const { id, spec } = child(key);
    await db
      .insertInto('circumstance_assignment')
      .values({
        province_code: provinceCode,
        id: newId(),
        person_id: id,
        org_path: villages[spec.village].path,
        group_code: group,
        valid_from: from,
        valid_to: to,
      })
      .execute();
  };
  await circumstance('a5', 'c', '2024-01-01', null);
  await circumstance('a6', 'a', '2023-01-01', '2026-01-31');
  await circumstance('b8', 'b', '2022-01-01', null);
  // Ended on the period's last day: no longer in the group on 31/12/2025.
  await circumstance('b4', 'd', '2024-01-01', '2025-12-31');

  const flag = async (key: string, from: string) => {
    const { id, spec } = child(key);
    await db
      .insertInto('at_risk_flag')
      .values({
        province_code: provinceCode,
        id: newId(),
        person_id: id,
        org_path: villages[spec.village].path,
        flag_code: 'parents_away',
        valid_from: from,
      })
      .execute();
  };
  await flag('b6', '2025-06-15');
  await flag('b7', '2025-01-01');

  let caseNumber = 0;
  const protectionCase = async (
    key: string,
    receivedAt: string,
    concerns: string[],
    step: 'assessing' | 'implementing' | 'closed',
    closeReason: string | null = null,
  ) => {
    const { id, spec } = child(key);
    const village = villages[spec.village];
    const commune = spec.village === 'B1' ? communeB : communeA;
    const caseId = newId();
    await db
      .insertInto('protection_case')
      .values({
        province_code: provinceCode,
        id: caseId,
        case_number: `BV-2025-${++caseNumber}`,
        person_id: id,
        commune_id: commune.id,
        org_path: village.path.split('.').slice(0, 3).join('.'),
        step,
        concern_types: concerns,
        received_at: receivedAt,
        channel: 'phone',
        source: 'neighbour',
        description: 'Vụ việc thử cho chỉ tiêu',
        reported_by: worker.id,
        step_changed_at: receivedAt,
        closed_at: step === 'closed' ? '2025-10-20T03:00:00Z' : null,
        close_reason: closeReason,
      })
      .execute();
    if (step === 'implementing') {
      await db
        .insertInto('case_event')
        .values({
          province_code: provinceCode,
          id: newId(),
          case_id: caseId,
          at: new Date('2025-04-01T03:00:00Z'),
          kind: 'action',
          from_step: 'awaiting_approval',
          to_step: 'implementing',
          data: '{}',
        })
        .execute();
    }
    return caseId;
  };
  await protectionCase('a6', '2025-08-15T02:00:00Z', ['violence'], 'assessing');
  await protectionCase('b6', '2025-10-01T02:00:00Z', ['neglect'], 'closed', 'not_verified');
  await protectionCase('b7', '2025-03-01T02:00:00Z', ['sexual_abuse'], 'implementing');

  await db
    .insertInto('care_placement')
    .values({
      province_code: provinceCode,
      id: newId(),
      person_id: child('b8').id,
      commune_id: communeB.id,
      org_path: villageB1.path.split('.').slice(0, 3).join('.'),
      kind: 'relative',
      carer_name: 'Bà Ngoại Thử',
      status: 'placed',
      proposed_at: '2025-04-01T03:00:00Z',
      proposed_by: worker.id,
      decided_on: '2025-04-10',
      handed_over_on: '2025-05-01',
    })
    .execute();

  return { province, communeA, communeB, villageA1, villageA2, villageB1, children };
}

/**
 * A test app with the fixture and a signed-in province officer of the child-protection sector, who sees every case
 * of the province (caseAccess.ts): what the indicator tests read the numbers as.
 */
export async function indicatorTestApp(): Promise<{
  t: TestApp;
  fixture: IndicatorFixture;
  officer: TestClient;
}> {
  const t = await createTestApp();
  const fixture = await seedIndicatorFixture(t.db);
  const user = await seedUser(t.db, {
    role: 'province_officer',
    scope: [fixture.province],
    sector: 'social_protection',
  });
  const officer = t.client();
  await officer.login(user.username, user.password);
  return { t, fixture, officer };
}
