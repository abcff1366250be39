import { addDaysToPlainDate, addMonthsToPlainDate, todayInVietnam } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { seedHousehold, seedPerson, type SeedHousehold } from '../../testing/registerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';
import { schoolYearOf } from './records.service.ts';

let t: TestApp;
let village: SeedUnit;
let otherCommuneVillage: SeedUnit;
let household: SeedHousehold;
let health: TestClient;
let school: TestClient;
let leader: TestClient;
const today = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  const commune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  otherCommuneVillage = await seedVillage(t.db, await seedCommune(t.db, province));
  household = await seedHousehold(t.db, village);
  health = await signedIn(t, 'health_worker', [commune]);
  school = await signedIn(t, 'school_staff', [commune]);
  leader = await signedIn(t, 'commune_leader', [commune]);
});
afterAll(() => t.close());

const child = (ageDays: number) =>
  seedPerson(t.db, household, { birthDate: addDaysToPlainDate(today, -ageDays), sex: 'male' });

describe('development screening', () => {
  test('"needs follow-up" opens a follow-up a month later unless a date is given; closing it is recorded once', async () => {
    const boy = await child(400);
    const screenedOn = addDaysToPlainDate(today, -20);
    const created = await school.post(`/api/ecd/persons/${boy.id}/screenings`, {
      screenedOn,
      tool: 'checklist',
      domains: ['language', 'gross_motor'],
      result: 'needs_follow_up',
      milestonesNotMet: ['m12_waves_bye'],
    });
    expect(created.status).toBe(201);
    expect(created.body.followUpOn).toBe(addMonthsToPlainDate(screenedOn, 1));
    expect(created.body.followUpDoneOn).toBeNull();

    const done = await health.post(`/api/ecd/screenings/${created.body.id}/follow-up-done`, {
      doneOn: today,
      note: 'Đã khám lại, bé nói được 2 từ',
    });
    expect(done.status).toBe(200);
    expect(done.body.followUpDoneOn).toBe(today);
    const twice = await health.post(`/api/ecd/screenings/${created.body.id}/follow-up-done`, {
      doneOn: today,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('FOLLOW_UP_NOT_OPEN');
    const list = await leader.get(`/api/ecd/persons/${boy.id}/screenings`);
    expect(list.body.items).toHaveLength(1);
  });

  test('"on track" opens no follow-up; unknown milestones, or milestones without the checklist, are refused', async () => {
    const boy = await child(800);
    const onTrack = await health.post(`/api/ecd/persons/${boy.id}/screenings`, {
      screenedOn: today,
      tool: 'asq3',
      domains: ['cognitive'],
      result: 'on_track',
      followUpOn: addDaysToPlainDate(today, 10),
    });
    expect(onTrack.body.followUpOn).toBeNull();
    const closing = await health.post(`/api/ecd/screenings/${onTrack.body.id}/follow-up-done`, {
      doneOn: today,
    });
    expect(closing.body.error.code).toBe('FOLLOW_UP_NOT_OPEN');

    const unknown = await health.post(`/api/ecd/persons/${boy.id}/screenings`, {
      screenedOn: today,
      tool: 'checklist',
      domains: ['cognitive'],
      result: 'needs_follow_up',
      milestonesNotMet: ['m99_flies'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0]).toMatchObject({
      path: 'body.milestonesNotMet.0',
      code: 'unknown_milestone',
    });
    const withoutChecklist = await health.post(`/api/ecd/persons/${boy.id}/screenings`, {
      screenedOn: today,
      tool: 'denver_ii',
      domains: ['cognitive'],
      result: 'referred',
      milestonesNotMet: ['m12_waves_bye'],
    });
    expect(withoutChecklist.body.error.issues[0].code).toBe('milestones_need_checklist');
    const earlyFollowUp = await health.post(`/api/ecd/persons/${boy.id}/screenings`, {
      screenedOn: today,
      tool: 'denver_ii',
      domains: ['cognitive'],
      result: 'referred',
      followUpOn: addDaysToPlainDate(today, -1),
    });
    expect(earlyFollowUp.body.error.issues[0].code).toBe('follow_up_before_screening');
    expect((await health.get(`/api/ecd/persons/${boy.id}/screenings`)).body.items).toHaveLength(1);
  });

  test('a screening removed with a reason takes its follow-up with it; the removal is audited', async () => {
    const boy = await child(500);
    const created = await health.post(`/api/ecd/persons/${boy.id}/screenings`, {
      screenedOn: today,
      tool: 'checklist',
      domains: ['language'],
      result: 'needs_follow_up',
    });
    expect((await health.post(`/api/ecd/screenings/${created.body.id}/delete`, {})).status).toBe(400);
    const removed = await health.post(`/api/ecd/screenings/${created.body.id}/delete`, {
      reason: 'Nhầm trẻ',
    });
    expect(removed.status).toBe(200);
    expect((await health.get(`/api/ecd/persons/${boy.id}/screenings`)).body.items).toEqual([]);
    const done = await health.post(`/api/ecd/screenings/${created.body.id}/follow-up-done`, {
      doneOn: today,
    });
    expect(done.status).toBe(404);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['reason'])
      .where('action', '=', 'ecd.screening_deleted')
      .where('entity_id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(audit.reason).toBe('Nhầm trẻ');
  });

  test('a commune leader reads screenings but cannot record one', async () => {
    const boy = await child(300);
    const response = await leader.post(`/api/ecd/persons/${boy.id}/screenings`, {
      screenedOn: today,
      tool: 'checklist',
      domains: ['cognitive'],
      result: 'on_track',
    });
    expect(response.status).toBe(403);
  });
});

describe('service contacts', () => {
  test('a child service is recorded with its domain; a parenting session names the caregiver who came', async () => {
    const boy = await child(500);
    const mother = await seedPerson(t.db, household, { fullName: 'Hà Thị Mẹ', birthDate: '1995-04-04' });
    const check = await health.post(`/api/ecd/persons/${boy.id}/services`, {
      serviceCode: 'health_check',
      receivedOn: addDaysToPlainDate(today, -3),
      provider: 'Trạm y tế xã',
      outcome: 'Bình thường',
    });
    expect(check.status).toBe(201);
    expect(check.body).toMatchObject({ domain: 'health', caregiverPersonId: null });
    const session = await health.post(`/api/ecd/persons/${boy.id}/services`, {
      serviceCode: 'parenting_session',
      receivedOn: today,
      caregiverPersonId: mother.id,
    });
    expect(session.status).toBe(201);
    expect(session.body).toMatchObject({ caregiverName: 'Hà Thị Mẹ' });
    const list = await leader.get(`/api/ecd/persons/${boy.id}/services`);
    expect(list.body.items.map((s: { serviceCode: string }) => s.serviceCode)).toEqual([
      'parenting_session',
      'health_check',
    ]);
  });

  test('caregiver rules: required for caregiver services, refused for child services, must be in scope', async () => {
    const boy = await child(500);
    const outsider = await seedPerson(t.db, otherCommuneVillage, { birthDate: '1990-01-01' });
    const cases = [
      [{ serviceCode: 'parenting_session' }, 'caregiver_required'],
      [{ serviceCode: 'deworming', caregiverPersonId: outsider.id }, 'caregiver_not_applicable'],
      [{ serviceCode: 'parenting_session', caregiverPersonId: outsider.id }, 'unknown_person'],
      [{ serviceCode: 'parenting_session', caregiverPersonId: boy.id }, 'self_caregiver'],
    ] as const;
    for (const [fields, code] of cases) {
      const response = await health.post(`/api/ecd/persons/${boy.id}/services`, {
        ...fields,
        receivedOn: today,
      });
      expect(response.status, code).toBe(400);
      expect(response.body.error.issues[0]).toMatchObject({ path: 'body.caregiverPersonId', code });
    }
    expect((await health.get(`/api/ecd/persons/${boy.id}/services`)).body.items).toEqual([]);
  });

  test('a service removed with a reason is gone from the list', async () => {
    const boy = await child(500);
    const created = await health.post(`/api/ecd/persons/${boy.id}/services`, {
      serviceCode: 'deworming',
      receivedOn: today,
    });
    const removed = await health.post(`/api/ecd/services/${created.body.id}/delete`, { reason: 'Ghi trùng' });
    expect(removed.status).toBe(200);
    expect((await health.get(`/api/ecd/persons/${boy.id}/services`)).body.items).toEqual([]);
    expect(
      (await health.post(`/api/ecd/services/${created.body.id}/delete`, { reason: 'Ghi trùng' })).status,
    ).toBe(404);
  });
});

describe('enrolment', () => {
  test('one enrolment per school year: saving the year again replaces it', async () => {
    const boy = await child(365 * 5);
    const year = schoolYearOf(today);
    const first = await school.put(`/api/ecd/persons/${boy.id}/enrolments`, {
      schoolYear: year,
      level: 'kindergarten',
      schoolName: 'Trường Mầm non Hoa Sen',
      status: 'enrolled',
    });
    expect(first.status).toBe(200);
    const changed = await school.put(`/api/ecd/persons/${boy.id}/enrolments`, {
      schoolYear: year,
      level: 'kindergarten',
      schoolName: 'Trường Mầm non Hoa Sen',
      status: 'transferred',
      note: 'Chuyển theo gia đình',
    });
    expect(changed.body.id).toBe(first.body.id);
    const list = await leader.get(`/api/ecd/persons/${boy.id}/enrolments`);
    expect(list.body.items).toEqual([expect.objectContaining({ schoolYear: year, status: 'transferred' })]);
  });

  test('a school year removed with a reason is gone, and can be recorded again', async () => {
    const boy = await child(365 * 4);
    const year = schoolYearOf(today);
    const body = {
      schoolYear: year,
      level: 'kindergarten',
      schoolName: 'Trường Mầm non Sen Hồng',
      status: 'enrolled',
    };
    const first = await school.put(`/api/ecd/persons/${boy.id}/enrolments`, body);
    const removed = await school.post(`/api/ecd/enrolments/${first.body.id}/delete`, {
      reason: 'Nhầm năm học',
    });
    expect(removed.status).toBe(200);
    expect((await leader.get(`/api/ecd/persons/${boy.id}/enrolments`)).body.items).toEqual([]);
    expect(
      (await leader.post(`/api/ecd/enrolments/${first.body.id}/delete`, { reason: 'x y z' })).status,
    ).toBe(403);
    const again = await school.put(`/api/ecd/persons/${boy.id}/enrolments`, body);
    expect(again.status).toBe(200);
    expect(again.body.id).not.toBe(first.body.id);
  });

  test('a school year that is not a year pair, before the birth or years ahead is refused', async () => {
    const boy = await child(365 * 3);
    const birthYear = Number(addDaysToPlainDate(today, -365 * 3).slice(0, 4));
    for (const [schoolYear, status] of [
      ['2025-2027', 400],
      [`${birthYear - 1}-${birthYear}`, 400],
      [`${Number(today.slice(0, 4)) + 3}-${Number(today.slice(0, 4)) + 4}`, 400],
    ] as const) {
      const response = await school.put(`/api/ecd/persons/${boy.id}/enrolments`, {
        schoolYear,
        level: 'nursery',
        schoolName: 'Nhóm trẻ Sao Mai',
        status: 'enrolled',
      });
      expect(response.status, schoolYear).toBe(status);
      expect(response.body.error.issues[0].path).toBe('body.schoolYear');
    }
  });

  test('the school year of a date starts in September', () => {
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
    expect(schoolYearOf('2027-01-15')).toBe('2026-2027');
  });
});
