import ExcelJS from 'exceljs';
import { addDaysToPlainDate, todayInVietnam, type ActionListKind, type PlainDate } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import {
  seedDoses,
  seedEnrolment,
  seedMeasurement,
  seedScreening,
  type SeedChild,
} from '../../testing/ecdFactories.ts';
import { seedCommune, seedProvince, seedUser, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { seedHousehold, seedPerson } from '../../testing/registerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';
import type { Scope } from '../access/scope.ts';
import { actionList } from './actionLists.ts';
import { markOutdatedSummaries } from './childSummary.ts';

/*
 * A commune with two villages and children whose lists are worked out by hand from the schedule (docs/
 * immunization.md): a dose is due at its age (or the previous dose + the interval, whichever is later), overdue from
 * the day after due + the on-time window (one month), and no longer given from its upper age.
 */
const today: PlainDate = '2026-03-15';

let t: TestApp;
let commune: SeedUnit;
let villageA: SeedUnit;
let villageB: SeedUnit;
let scope: Scope;
const kids: Record<string, SeedChild> = {};

async function child(name: string, village: SeedUnit, birthDate: PlainDate, status?: 'moved_away') {
  const person = await seedPerson(t.db, await seedHousehold(t.db, village), {
    fullName: name,
    sex: 'male',
    birthDate,
    ...(status ? { status } : {}),
  });
  kids[name] = { ...person, sex: 'male', birthDate };
  return kids[name];
}

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  villageA = await seedVillage(t.db, commune, { name: 'An Phú' });
  villageB = await seedVillage(t.db, commune, { name: 'Bình Minh' });
  scope = { userId: 'test', role: 'commune_worker', sector: null, paths: [commune.path] };

  // A1, 2 months: birth doses given; the 2-month doses fall due on 10/03 and are overdue only from 11/04.
  const a1 = await child('Lê Văn An', villageA, '2026-01-10');
  await seedDoses(t.db, a1, [
    ['hepb_birth', '2026-01-10'],
    ['bcg', '2026-01-10'],
  ]);
  await seedMeasurement(t.db, a1, '2026-03-01', { weightKg: 2.5 });
  await seedScreening(t.db, a1, {
    screenedOn: '2026-03-01',
    result: 'needs_follow_up',
    followUpOn: '2026-03-30',
  });

  // A2, 5 months: 5-in-1 and OPV 1 given on 01/12. Doses 2 are due 01/01 (overdue from 02/02), doses 3 due
  // 01/02 (planned from the due date of dose 2, overdue from 02/03); IPV 1 falls due on 01/03.
  const a2 = await child('Trần Văn Bảo', villageA, '2025-10-01');
  await seedDoses(t.db, a2, [
    ['hepb_birth', '2025-10-01'],
    ['bcg', '2025-10-05'],
    ['dpt_hepb_hib', '2025-12-01'],
    ['opv', '2025-12-01'],
  ]);
  await seedMeasurement(t.db, a2, '2025-12-10', { weightKg: 3.0 });
  await seedMeasurement(t.db, a2, '2026-01-05', { weightKg: 6.0 });
  await seedScreening(t.db, a2, {
    screenedOn: '2026-03-05',
    result: 'needs_follow_up',
    followUpOn: '2026-04-05',
  });

  // A3, 3 months, nothing recorded: the birth dose of hepatitis B expired on day 7; BCG overdue from 21/01;
  // doses 1 are due 20/02 (overdue only from 21/03), doses 2 due 20/03.
  const a3 = await child('Nguyễn Văn Cường', villageA, '2025-12-20');
  await seedScreening(t.db, a3, {
    screenedOn: '2026-01-01',
    result: 'referred',
    followUpOn: '2026-02-01',
    followUpDoneOn: '2026-02-03',
  });

  // B1, 6 years, nothing recorded: the doses of the first years have expired (5-in-1, MR at 5 y), JE (to 15 y)
  // and the DPT booster (to 7 y) are overdue since 02/03/2021; a 5-year-old of school year 2025-2026, not enrolled.
  const b1 = await child('Phạm Văn Dũng', villageB, '2020-02-01');
  await seedMeasurement(t.db, b1, '2026-01-01', { weightKg: 12 });
  await seedScreening(t.db, b1, {
    screenedOn: '2025-12-10',
    result: 'needs_follow_up',
    followUpOn: '2026-01-10',
  });

  // B2 is 9 (past early childhood); B3 moved away: on no list.
  await child('Hoàng Văn Em', villageB, '2017-01-01');
  await child('Vũ Văn Giang', villageB, '2025-12-20', 'moved_away');

  // Born in 2020 too: B4 enrolled this school year (not listed), B5 dropped out (listed); B6 born 2021 (too young).
  await seedEnrolment(t.db, await child('Đỗ Văn Hải', villageB, '2020-06-01'), '2025-2026');
  await seedEnrolment(t.db, await child('Bùi Văn Khoa', villageB, '2020-09-09'), '2025-2026', 'dropped_out');
  await child('Đặng Văn Long', villageB, '2021-01-01');
});
afterAll(() => t.close());

async function list(
  kind: ActionListKind,
  options: { months?: number; unit?: SeedUnit; on?: PlainDate } = {},
) {
  return actionList(
    t.db,
    scope,
    kind,
    { unitId: (options.unit ?? commune).id, months: options.months ?? 3, page: 1, pageSize: 50 },
    { today: options.on ?? today },
  );
}

const jeAndBooster = ['je_1', 'je_2', 'dpt_booster_1', 'je_3'];

const rows = (result: Awaited<ReturnType<typeof list>>) =>
  result.items.map((item) => [item.fullName, item.since, item.doseIds] as const);

describe('the lists of a commune, worked out by hand', () => {
  test('overdue doses: which children, since when, and which doses', async () => {
    const result = await list('overdue_doses');
    expect(rows(result)).toEqual([
      ['Nguyễn Văn Cường', '2026-01-21', ['bcg_1']],
      ['Trần Văn Bảo', '2026-02-02', ['dpt_hepb_hib_2', 'opv_2', 'dpt_hepb_hib_3', 'opv_3']],
      // Village B: every child from 5 to 8 without records; JE 1 is overdue from a year + a month + a day.
      ['Bùi Văn Khoa', '2021-10-10', jeAndBooster],
      ['Đặng Văn Long', '2022-02-02', jeAndBooster],
      ['Đỗ Văn Hải', '2021-07-02', jeAndBooster],
      ['Phạm Văn Dũng', '2021-03-02', jeAndBooster],
    ]);
    expect(result.total).toBe(6);
    expect(result.asOf).toBe(today);
    expect(result.items[0]!.villageName).toBe('An Phú');
  });

  test('doses falling due this month', async () => {
    expect(rows(await list('due_this_month'))).toEqual([
      ['Lê Văn An', '2026-03-10', ['dpt_hepb_hib_1', 'opv_1']],
      ['Nguyễn Văn Cường', '2026-03-20', ['dpt_hepb_hib_2', 'opv_2']],
      ['Trần Văn Bảo', '2026-03-01', ['ipv_1']],
    ]);
  });

  test('a dose given takes the child off the overdue list (the summary is rebuilt with the dose)', async () => {
    const { recordDose } = await import('./immunization.service.ts');
    const worker = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
    const ctx = {
      db: t.db,
      scope: { ...scope, userId: worker.id },
      userId: worker.id,
      actor: { userId: worker.id, username: worker.username, requestId: null, ip: null },
    };
    // BCG given today in real time is after the fixed list day, so the list is asked for a later day: A3's BCG
    // would be overdue then too, unless given.
    const later = addDaysToPlainDate(todayInVietnam(), 1);
    const before = await list('overdue_doses', { on: later });
    expect(before.items.find((i) => i.fullName === 'Nguyễn Văn Cường')?.doseIds).toContain('bcg_1');
    await recordDose(ctx, kids['Nguyễn Văn Cường']!.id, { vaccineCode: 'bcg', givenOn: '2026-03-14' });
    const after = await list('overdue_doses', { on: later });
    expect(after.items.find((i) => i.fullName === 'Nguyễn Văn Cường')?.doseIds ?? []).not.toContain('bcg_1');
    expect((await list('overdue_doses')).items.map((i) => i.fullName)).toEqual([
      'Trần Văn Bảo',
      'Bùi Văn Khoa',
      'Đặng Văn Long',
      'Đỗ Văn Hải',
      'Phạm Văn Dũng',
    ]);
  });

  test('malnourished under 5: at the last measurement only, with its classification', async () => {
    const result = await list('malnourished_under5');
    expect(rows(result)).toEqual([['Lê Văn An', '2026-03-01', []]]);
    expect(result.items[0]!.classification).toMatchObject({ underweight: 'severe' });
  });

  test('under 2 and not measured in the chosen number of months', async () => {
    expect(rows(await list('not_measured_under2', { months: 3 }))).toEqual([['Nguyễn Văn Cường', null, []]]);
    expect(rows(await list('not_measured_under2', { months: 2 }))).toEqual([
      ['Nguyễn Văn Cường', null, []],
      ['Trần Văn Bảo', '2026-01-05', []],
    ]);
  });

  test('5-year-olds of the school year not enrolled in preschool', async () => {
    expect((await list('not_in_preschool_5y')).items.map((i) => i.fullName)).toEqual([
      'Bùi Văn Khoa',
      'Phạm Văn Dũng',
    ]);
  });

  test('screening follow-ups open and due by the end of the month', async () => {
    expect(rows(await list('screening_follow_up'))).toEqual([
      ['Lê Văn An', '2026-03-30', []],
      ['Phạm Văn Dũng', '2026-01-10', []],
    ]);
  });

  test('a village’s list holds only that village’s children; pages split the list', async () => {
    expect((await list('screening_follow_up', { unit: villageB })).items.map((i) => i.fullName)).toEqual([
      'Phạm Văn Dũng',
    ]);
    const first = await actionList(
      t.db,
      scope,
      'not_in_preschool_5y',
      { unitId: commune.id, months: 3, page: 1, pageSize: 1 },
      { today },
    );
    const second = await actionList(
      t.db,
      scope,
      'not_in_preschool_5y',
      { unitId: commune.id, months: 3, page: 2, pageSize: 1 },
      { today },
    );
    const beyond = await actionList(
      t.db,
      scope,
      'not_in_preschool_5y',
      { unitId: commune.id, months: 3, page: 5, pageSize: 1 },
      { today },
    );
    expect([first.total, second.total, beyond.total]).toEqual([2, 2, 2]);
    expect([...first.items, ...second.items].map((i) => i.fullName)).toEqual([
      'Bùi Văn Khoa',
      'Phạm Văn Dũng',
    ]);
    expect(beyond.items).toEqual([]);
  });
});

describe('the lists follow the register', () => {
  test('a child moved to another village, then dead, moves and then leaves the lists', async () => {
    // Born 20/01, nothing given: BCG overdue from 21/02.
    const x = await child('Cao Văn Xuân', villageA, '2026-01-20');
    const names = async (unit: SeedUnit) =>
      (await list('overdue_doses', { unit })).items.map((i) => i.fullName);
    expect(await names(villageA)).toContain('Cao Văn Xuân');
    await t.db
      .updateTable('person')
      .set({ village_id: villageB.id, org_path: villageB.path })
      .where('id', '=', x.id)
      .execute();
    expect(await names(villageA)).not.toContain('Cao Văn Xuân');
    expect(await names(villageB)).toContain('Cao Văn Xuân');
    await t.db
      .updateTable('person')
      .set({ status: 'deceased', death_date: '2026-03-01' })
      .where('id', '=', x.id)
      .execute();
    expect(await names(commune)).not.toContain('Cao Văn Xuân');
  });

  test('a corrected birth date rebuilds the child’s plan before the next list', async () => {
    // Born 25/01 (BCG overdue from 26/02), corrected to 01/03: BCG is then due, overdue only from 02/04, and the
    // hepatitis B birth dose (due 01/03) expired on 08/03, so it is not "due this month" on 15/03.
    const y = await child('Cao Văn Yên', villageA, '2026-01-25');
    expect((await list('overdue_doses')).items.map((i) => i.fullName)).toContain('Cao Văn Yên');
    await t.db.updateTable('person').set({ birth_date: '2026-03-01' }).where('id', '=', y.id).execute();
    expect((await list('overdue_doses')).items.map((i) => i.fullName)).not.toContain('Cao Văn Yên');
    const due = (await list('due_this_month')).items.find((i) => i.fullName === 'Cao Văn Yên');
    expect(due).toMatchObject({ since: '2026-03-01', doseIds: ['bcg_1'] });
  });

  test('a child registered by any path is on the lists at once (the register trigger gives them a summary)', async () => {
    const z = await child('Cao Thị Zen', villageB, '2026-02-01');
    const summary = await t.db
      .selectFrom('ecd_child_summary')
      .select(['stale', 'org_path'])
      .where('person_id', '=', z.id)
      .executeTakeFirstOrThrow();
    expect(summary).toEqual({ stale: true, org_path: villageB.path });
    expect((await list('not_measured_under2', { unit: villageB })).items.map((i) => i.fullName)).toContain(
      'Cao Thị Zen',
    );
    const rebuilt = await t.db
      .selectFrom('ecd_child_summary')
      .select(['stale'])
      .where('person_id', '=', z.id)
      .executeTakeFirstOrThrow();
    expect(rebuilt.stale).toBe(false);
    // Adults get no summary row.
    const adult = await seedPerson(t.db, villageB, { birthDate: '1990-01-01' });
    expect(
      await t.db
        .selectFrom('ecd_child_summary')
        .select('person_id')
        .where('person_id', '=', adult.id)
        .execute(),
    ).toEqual([]);
  });
});

describe('a new version of the schedule rules', () => {
  test('marks every summary built by another version stale once, and the next list rebuilds them', async () => {
    const w = await child('Cao Văn Wạn', villageA, '2026-01-20');
    await list('overdue_doses');
    await t.db
      .updateTable('ecd_child_summary')
      .set({ summary_version: 'TT10_2024/0', overdue_periods: '{}' })
      .where('person_id', '=', w.id)
      .execute();
    await t.db.deleteFrom('reference_data_load').where('name', '=', 'ecd_child_summary').execute();
    // Built by the old rules, the row says nothing is overdue: the list believes it until the row is marked.
    expect((await list('overdue_doses')).items.map((i) => i.fullName)).not.toContain('Cao Văn Wạn');
    expect(await markOutdatedSummaries(t.db)).toBe(1);
    expect(await markOutdatedSummaries(t.db)).toBe(0);
    expect((await list('overdue_doses')).items.map((i) => i.fullName)).toContain('Cao Văn Wạn');
  });
});

describe('through the API', () => {
  let collaborator: TestClient;
  let worker: TestClient;
  let outsider: TestClient;

  beforeAll(async () => {
    collaborator = await signedIn(t, 'village_collaborator', [villageA]);
    worker = await signedIn(t, 'commune_worker', [commune]);
    outsider = await signedIn(t, 'commune_worker', [await seedCommune(t.db, await seedProvince(t.db))]);
    // Never-measured babies in both villages, born relative to the real day.
    await child('Mai Văn Nam', villageA, addDaysToPlainDate(todayInVietnam(), -30));
    await child('Mai Văn Phúc', villageB, addDaysToPlainDate(todayInVietnam(), -30));
  });

  test('a village collaborator sees their village’s list, and nothing of the commune or the other village', async () => {
    const own = await collaborator.get(`/api/ecd/action-lists/not_measured_under2?unitId=${villageA.id}`);
    expect(own.status).toBe(200);
    const names = own.body.items.map((i: { fullName: string }) => i.fullName);
    expect(names).toContain('Mai Văn Nam');
    expect(names).not.toContain('Mai Văn Phúc');
    expect(
      (await collaborator.get(`/api/ecd/action-lists/not_measured_under2?unitId=${commune.id}`)).status,
    ).toBe(404);
    expect(
      (await collaborator.get(`/api/ecd/action-lists/not_measured_under2?unitId=${villageB.id}`)).status,
    ).toBe(404);
    const commune_ = await worker.get(`/api/ecd/action-lists/not_measured_under2?unitId=${commune.id}`);
    expect(commune_.body.items.map((i: { fullName: string }) => i.fullName)).toEqual(
      expect.arrayContaining(['Mai Văn Nam', 'Mai Văn Phúc']),
    );
  });

  test('another province’s worker gets 404; a bad kind or interval is a validation error', async () => {
    expect((await outsider.get(`/api/ecd/action-lists/overdue_doses?unitId=${commune.id}`)).status).toBe(404);
    expect((await worker.get(`/api/ecd/action-lists/everything?unitId=${commune.id}`)).status).toBe(400);
    const months = await worker.get(
      `/api/ecd/action-lists/not_measured_under2?unitId=${commune.id}&months=0`,
    );
    expect(months.status).toBe(400);
    expect(months.body.error.issues[0].path).toBe('query.months');
  });

  test('exports the list as a spreadsheet with its title and rows, and as a printable PDF; both audited', async () => {
    const xlsx = await worker.get(`/api/ecd/action-lists/not_measured_under2/export?unitId=${villageA.id}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toContain('chưa được cân đo trong 3 tháng');
    const names: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 3) names.push(row.getCell(2).text);
    });
    expect(names).toContain('Mai Văn Nam');
    expect(names).not.toContain('Mai Văn Phúc');

    const pdf = await worker.get(
      `/api/ecd/action-lists/overdue_doses/export?unitId=${commune.id}&format=pdf`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await t.db
      .selectFrom('audit_event')
      .select('after')
      .where('action', '=', 'ecd.action_list_exported')
      .execute();
    expect(audit.map((a) => (a.after as { format: string }).format).sort()).toEqual(['pdf', 'xlsx']);
  });
});
