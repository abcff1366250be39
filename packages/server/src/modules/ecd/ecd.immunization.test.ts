import { addDaysToPlainDate, addMonthsToPlainDate, todayInVietnam } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { seedHousehold, seedPerson } from '../../testing/registerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let commune: SeedUnit;
let village: SeedUnit;
let otherCommuneVillage: SeedUnit;
let health: TestClient;
let collaborator: TestClient;

const today = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  otherCommuneVillage = await seedVillage(t.db, await seedCommune(t.db, province));
  health = await signedIn(t, 'health_worker', [commune]);
  collaborator = await signedIn(t, 'village_collaborator', [village]);
});
afterAll(() => t.close());

const baby = async (ageDays: number, overrides: Parameters<typeof seedPerson>[2] = {}) =>
  seedPerson(t.db, await seedHousehold(t.db, village), {
    birthDate: addDaysToPlainDate(today, -ageDays),
    ...overrides,
  });

const statusOf = (card: { doses: { doseId: string; status: string }[] }, doseId: string) =>
  card.doses.find((d) => d.doseId === doseId)?.status;

const doseCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('immunization_dose')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the immunisation card', () => {
  test('lists every scheduled dose with its status on the day', async () => {
    const child = await baby(80);
    const card = await collaborator.get(`/api/ecd/persons/${child.id}/immunization`);
    expect(card.status).toBe(200);
    expect(card.body.scheduleCode).toBe('TT10_2024');
    expect(card.body.asOf).toBe(today);
    expect(card.body.doses).toHaveLength(17);
    // At 80 days with nothing given: the birth dose of hepatitis B is past its 7 days, BCG is overdue (from a
    // month and a day), the 2-month doses are due (overdue only from 2 months + 1 month + 1 day).
    expect(statusOf(card.body, 'hepb_birth_1')).toBe('expired');
    expect(statusOf(card.body, 'bcg_1')).toBe('overdue');
    expect(statusOf(card.body, 'dpt_hepb_hib_1')).toBe('due');
    expect(statusOf(card.body, 'measles_1')).toBe('not_yet_due');
    expect(card.body.fullyImmunizedUnder1).toMatchObject({ fully: false, settled: false });
    expect(card.body.fullyImmunizedUnder1.missing).toContain('bcg_1');
  });

  test('recording a dose gives it its status; a late one is "given late"; the same vaccine twice a day is refused', async () => {
    const child = await baby(100);
    const birth = addDaysToPlainDate(today, -100);
    const bcg = await health.post(`/api/ecd/persons/${child.id}/doses`, {
      vaccineCode: 'bcg',
      givenOn: addDaysToPlainDate(birth, 60),
      place: 'Trạm y tế xã',
      lot: 'BCG-2026-01',
    });
    expect(bcg.status).toBe(201);
    expect(statusOf(bcg.body, 'bcg_1')).toBe('given_late');
    expect(bcg.body.records[0]).toMatchObject({
      vaccineCode: 'bcg',
      place: 'Trạm y tế xã',
      lot: 'BCG-2026-01',
    });
    const dpt = await health.post(`/api/ecd/persons/${child.id}/doses`, {
      vaccineCode: 'dpt_hepb_hib',
      doseNumber: 1,
      givenOn: addMonthsToPlainDate(birth, 2),
    });
    expect(statusOf(dpt.body, 'dpt_hepb_hib_1')).toBe('given');
    const before = await doseCount();
    const again = await health.post(`/api/ecd/persons/${child.id}/doses`, {
      vaccineCode: 'bcg',
      givenOn: addDaysToPlainDate(birth, 60),
    });
    expect(again.status).toBe(400);
    expect(again.body.error.issues[0]).toMatchObject({ path: 'body.givenOn', code: 'dose_already_recorded' });
    expect(await doseCount()).toBe(before);
  });

  test('a dose given too early is kept apart as invalid and the dose stays due', async () => {
    const child = await baby(120);
    const birth = addDaysToPlainDate(today, -120);
    const card = await health.post(`/api/ecd/persons/${child.id}/doses`, {
      vaccineCode: 'dpt_hepb_hib',
      givenOn: addDaysToPlainDate(birth, 20),
    });
    const first = card.body.doses.find((d: { doseId: string }) => d.doseId === 'dpt_hepb_hib_1');
    expect(first.givenOn).toBeNull();
    expect(first.invalidDoses).toEqual([
      { givenOn: addDaysToPlainDate(birth, 20), reason: 'before_minimum_age' },
    ]);
  });

  test('a dose removed with a reason goes back to its status, and the removal is audited', async () => {
    const child = await baby(40);
    const recorded = await health.post(`/api/ecd/persons/${child.id}/doses`, {
      vaccineCode: 'bcg',
      givenOn: addDaysToPlainDate(today, -39),
    });
    expect(statusOf(recorded.body, 'bcg_1')).toBe('given');
    const doseId = recorded.body.records[0].id;
    expect((await health.post(`/api/ecd/doses/${doseId}/delete`, { reason: 'x' })).status).toBe(400);
    const removed = await health.post(`/api/ecd/doses/${doseId}/delete`, { reason: 'Ghi nhầm trẻ khác' });
    expect(removed.status).toBe(200);
    expect(removed.body.records).toEqual([]);
    expect(statusOf(removed.body, 'bcg_1')).toBe('overdue');
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('entity_id', '=', doseId)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'ecd.dose_recorded', reason: null },
      { action: 'ecd.dose_deleted', reason: 'Ghi nhầm trẻ khác' },
    ]);
  });

  test('dates before the birth or after today are refused; children out of scope are not found', async () => {
    const child = await baby(40);
    const early = await health.post(`/api/ecd/persons/${child.id}/doses`, {
      vaccineCode: 'bcg',
      givenOn: addDaysToPlainDate(today, -41),
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('ECD_DATE_INVALID');
    const outsider = await seedPerson(t.db, otherCommuneVillage, {
      birthDate: addDaysToPlainDate(today, -40),
    });
    expect((await health.get(`/api/ecd/persons/${outsider.id}/immunization`)).status).toBe(404);
    expect(
      (await health.post(`/api/ecd/persons/${outsider.id}/doses`, { vaccineCode: 'bcg', givenOn: today }))
        .status,
    ).toBe(404);
    const unknown = await health.post(`/api/ecd/persons/${child.id}/doses`, {
      vaccineCode: 'covid',
      givenOn: today,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe('body.vaccineCode');
  });
});

describe('importing immunisation records', () => {
  const upload = (client: TestClient, unitId: string, text: string) =>
    client.request('POST', `/api/ecd/imports/doses?unitId=${unitId}`, text, {
      'content-type': 'text/csv',
    });

  test('imports every row, by personal ID or treem id, with Vietnamese names and dates; a second import adds nothing', async () => {
    const first = await baby(200, { personalId: '001226000101', sex: 'female' });
    const second = await baby(150);
    const csv = [
      'personal_id,person_id,vaccine,dose,given_on,place,lot',
      `001226000101,,BCG,1,${addDaysToPlainDate(today, -199)},Trạm y tế,L1`,
      `001226000101,,5 trong 1,1,${addDaysToPlainDate(today, -140).split('-').reverse().join('/')},,`,
      `,${second.id},opv,1,${addDaysToPlainDate(today, -90)},,`,
    ].join('\n');
    const result = await upload(health, commune.id, csv);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ imported: 3, alreadyRecorded: 0, errors: [] });
    const card = await health.get(`/api/ecd/persons/${first.id}/immunization`);
    expect(card.body.records.map((r: { vaccineCode: string }) => r.vaccineCode)).toEqual([
      'bcg',
      'dpt_hepb_hib',
    ]);
    expect(statusOf(card.body, 'dpt_hepb_hib_1')).toBe('given');
    const again = await upload(health, commune.id, csv);
    expect(again.body).toEqual({ imported: 0, alreadyRecorded: 3, errors: [] });
  });

  test('any bad row: nothing is imported and every problem is reported by row and column', async () => {
    const child = await baby(200, { personalId: '001226000102' });
    const outsider = await seedPerson(t.db, otherCommuneVillage, {
      birthDate: addDaysToPlainDate(today, -200),
      personalId: '001226000103',
    });
    expect(outsider).toBeDefined();
    const before = await doseCount();
    const csv = [
      'Số định danh;Vắc xin;Mũi;Ngày tiêm',
      `001226000102;BCG;1;${addDaysToPlainDate(today, -199)}`,
      `001226000102;vắc xin lạ;1;${addDaysToPlainDate(today, -150)}`,
      `001226000103;OPV;1;${addDaysToPlainDate(today, -150)}`,
      `001226000102;OPV;x;31/02/2026`,
      `001226000102;OPV;1;${addDaysToPlainDate(today, -300)}`,
      `;OPV;1;${addDaysToPlainDate(today, -100)}`,
      `001226000102;BCG;1;${addDaysToPlainDate(today, -199)}`,
    ].join('\n');
    const result = await upload(health, commune.id, csv);
    expect(result.status).toBe(200);
    expect(result.body.imported).toBe(0);
    expect(result.body.errors).toEqual([
      { row: 3, column: 'vaccine', code: 'vaccine_unknown' },
      { row: 4, column: 'personal_id', code: 'person_not_found' },
      { row: 5, column: 'dose', code: 'dose_invalid' },
      { row: 5, column: 'given_on', code: 'date_invalid' },
      { row: 6, column: 'given_on', code: 'before_birth' },
      { row: 7, column: 'personal_id', code: 'person_missing' },
      { row: 8, column: 'vaccine', code: 'duplicate_in_file' },
    ]);
    expect(await doseCount()).toBe(before);
    expect(child).toBeDefined();
  });

  test('a file without the needed columns, an empty file and another commune are refused', async () => {
    const missing = await upload(health, commune.id, 'ten,ngay\nA,2026-01-01\n');
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('IMPORT_MAPPING_INCOMPLETE');
    expect(missing.body.error.details.missing).toEqual(['personal_id', 'vaccine', 'given_on']);
    const empty = await upload(health, commune.id, 'personal_id,vaccine,given_on\n');
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('IMPORT_FILE_UNREADABLE');
    const otherCommune = await t.db
      .selectFrom('org_unit')
      .select('parent_id')
      .where('id', '=', otherCommuneVillage.id)
      .executeTakeFirstOrThrow();
    expect(
      (await upload(health, otherCommune.parent_id!, 'personal_id,vaccine,given_on\n1,bcg,2026-01-01'))
        .status,
    ).toBe(404);
    // A village collaborator's scope is a village: a commune's import is not theirs, their village's is.
    expect(
      (await upload(collaborator, commune.id, 'personal_id,vaccine,given_on\n1,bcg,2026-01-01')).status,
    ).toBe(404);
    const own = await upload(
      collaborator,
      village.id,
      'personal_id,vaccine,given_on\n001226000999,bcg,2026-01-01',
    );
    expect(own.body.errors).toEqual([{ row: 2, column: 'personal_id', code: 'person_not_found' }]);
  });
});
