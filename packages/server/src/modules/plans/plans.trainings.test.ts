import { parsePeriod } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';
import { planTableCounts, seedActivity, seedPlan, seedTraining } from './testing/planFactories.ts';
import { trainedCounts } from './trainings.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let secondCommune: SeedUnit;
let otherProvince: SeedUnit;
let worker: TestClient;
let officer: TestClient;

const ecdRoles = ['health_staff', 'education_staff', 'social_staff', 'collaborator', 'parent', 'caregiver'];

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db, { name: 'Kon Tum' });
  commune = await seedCommune(t.db, province, { name: 'Đắk Hà' });
  secondCommune = await seedCommune(t.db, province, { name: 'Ngọc Hồi' });
  otherProvince = await seedProvince(t.db);
  worker = await signedIn(t, 'commune_worker', [commune]);
  officer = await signedIn(t, 'province_officer', [province]);
});
afterAll(() => t.close());

describe('a course and its sign-in sheet through the API', () => {
  test('a commune adds a parenting session, records who came, and attendance feeds the count', async () => {
    const plan = await seedPlan(t.db, commune, { periodStart: 2025, periodEnd: 2025 });
    const activity = await seedActivity(t.db, plan, { kind: 'parenting_education' });
    const created = await worker.post(`/api/plan-activities/${activity.id}/trainings`, {
      kind: 'parenting_session',
      topic: 'Nuôi con bằng sữa mẹ',
      trainer: 'Y sĩ Y Blăk',
      startDate: '2025-04-05',
      endDate: '2025-04-05',
      place: 'Nhà rông thôn Kon Klor',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'parenting_session',
      unit: { id: commune.id },
      participantCount: 0,
      attendedCount: 0,
      participants: [],
      editable: true,
    });
    const id = created.body.id as string;
    const sheet = await worker.put(`/api/trainings/${id}/participants`, {
      participants: [
        {
          fullName: ' Y   Thị Hoa ',
          role: 'parent',
          sex: 'female',
          unitName: 'Thôn Kon Klor',
          attended: true,
        },
        { fullName: 'A Phiên', role: 'caregiver', sex: 'male', attended: true },
        { fullName: 'Nguyễn Văn Bình', role: 'collaborator', sex: 'male', attended: false },
        { fullName: 'Trần Thị Lan', role: 'other', sex: 'female', attended: true },
      ],
    });
    expect(sheet.status, JSON.stringify(sheet.body)).toBe(200);
    expect(sheet.body).toMatchObject({ participantCount: 4, attendedCount: 3 });
    expect(sheet.body.participants[0]).toMatchObject({
      fullName: 'Y Thị Hoa',
      role: 'parent',
      unitName: 'Thôn Kon Klor',
      attended: true,
    });
    // Present, in an ECD role: Y Thị Hoa and A Phiên. Absent Bình and the "other" role do not count.
    expect(await trainedCounts(t.db, province.path, parsePeriod('2025'), ecdRoles)).toEqual([
      { unitPath: commune.path, count: 2 },
    ]);
    const detail = await worker.get(`/api/plan-activities/${activity.id}`);
    expect(detail.body.trainings).toEqual([
      expect.objectContaining({ id, participantCount: 4, attendedCount: 3 }),
    ]);
    expect(detail.body.counts.trainings).toBe(1);

    // A sheet with a bad row is refused as a whole.
    const before = await planTableCounts(t.db);
    const bad = await worker.put(`/api/trainings/${id}/participants`, {
      participants: [
        { fullName: 'Y Thị Hoa', role: 'parent', sex: 'female', attended: true },
        { fullName: '', role: 'teacher', sex: 'female', attended: 'yes' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.participants.1.attended',
      'body.participants.1.fullName',
      'body.participants.1.role',
    ]);
    expect(await planTableCounts(t.db)).toEqual(before);
    expect((await worker.get(`/api/trainings/${id}`)).body.participantCount).toBe(4);
  });

  test('a course outside the plan’s period or run by a unit outside the plan is refused', async () => {
    const plan = await seedPlan(t.db, commune, { periodStart: 2025, periodEnd: 2025 });
    const activity = await seedActivity(t.db, plan);
    const course = {
      kind: 'training',
      topic: 'Tập huấn',
      startDate: '2024-12-30',
      endDate: '2025-01-02',
      unitId: secondCommune.id,
    };
    const before = await planTableCounts(t.db);
    const response = await officer.post(`/api/plan-activities/${activity.id}/trainings`, course);
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.startDate', code: 'date_outside_period' }),
    ]);
    const wrongUnit = await officer.post(`/api/plan-activities/${activity.id}/trainings`, {
      ...course,
      startDate: '2025-01-02',
    });
    expect(wrongUnit.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.unitId', code: 'training_unit_outside_plan' }),
    ]);
    const reversed = await officer.post(`/api/plan-activities/${activity.id}/trainings`, {
      ...course,
      startDate: '2025-03-02',
      endDate: '2025-03-01',
      unitId: null,
    });
    expect(reversed.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.endDate', message: 'end_before_start' }),
    ]);
    expect(await planTableCounts(t.db)).toEqual(before);
  });
});

describe('trainedCounts', () => {
  test('counts each person present once per unit, by name and role, at courses ending in the period', async () => {
    const fresh = await seedProvince(t.db);
    const a = await seedCommune(t.db, fresh);
    const b = await seedCommune(t.db, fresh);
    const provincePlan = await seedPlan(t.db, fresh);
    const activity = await seedActivity(t.db, provincePlan);
    const communePlan = await seedPlan(t.db, a);
    const communeActivity = await seedActivity(t.db, communePlan, { kind: 'parenting_education' });

    // Commune A: Lan attends two courses (the second with her name typed without diacritics): once.
    await seedTraining(t.db, activity, {
      unit: a,
      endDate: '2025-03-12',
      participants: [
        { fullName: 'Hà Thị Lan', role: 'health_staff', attended: true },
        { fullName: 'Vũ Văn Nam', role: 'education_staff', attended: true },
        { fullName: 'Đỗ Văn Tú', role: 'social_staff', attended: false },
      ],
    });
    await seedTraining(t.db, communeActivity, {
      endDate: '2025-11-30',
      kind: 'parenting_session',
      participants: [
        { fullName: 'Ha Thi Lan', role: 'health_staff', attended: true },
        { fullName: 'Lò Thị Mai', role: 'parent', attended: true },
        { fullName: 'Lò Thị Mai', role: 'caregiver', attended: true },
        { fullName: 'Giàng A Páo', role: 'other', attended: true },
      ],
    });
    // Ended before the period (started inside it, ended after: counted only where it ends).
    await seedTraining(t.db, activity, {
      unit: a,
      startDate: '2024-12-20',
      endDate: '2024-12-31',
      participants: [{ fullName: 'Phạm Thị Hồng', role: 'parent', attended: true }],
    });
    await seedTraining(t.db, activity, {
      unit: a,
      startDate: '2025-12-30',
      endDate: '2026-01-02',
      participants: [{ fullName: 'Phạm Thị Hồng', role: 'parent', attended: true }],
    });
    // Commune B: Lan again (another unit, counted there too); an absent collaborator.
    await seedTraining(t.db, activity, {
      unit: b,
      endDate: '2025-06-30',
      participants: [
        { fullName: 'Hà Thị Lan', role: 'health_staff', attended: true },
        { fullName: 'Trần Văn Hải', role: 'collaborator', attended: false },
      ],
    });
    // At the province itself.
    await seedTraining(t.db, activity, {
      endDate: '2025-01-01',
      participants: [
        { fullName: 'Nguyễn Thị Thu', role: 'social_staff', attended: true },
        { fullName: 'Nguyễn Thị Thu', role: 'social_staff', attended: true },
      ],
    });

    // By hand: A = Lan, Nam, Mai (parent), Mai (caregiver) = 4; B = Lan = 1; province = Thu = 1.
    expect(await trainedCounts(t.db, fresh.path, parsePeriod('2025'), ecdRoles)).toEqual(
      [
        { unitPath: fresh.path, count: 1 },
        { unitPath: a.path, count: 4 },
        { unitPath: b.path, count: 1 },
      ].sort((x, y) => (x.unitPath < y.unitPath ? -1 : 1)),
    );
    // The first half: A's March course (Lan, Nam), B's June course (Lan), the province's 1 January course (Thu).
    expect(await trainedCounts(t.db, fresh.path, parsePeriod('2025H1'), ecdRoles)).toEqual(
      [
        { unitPath: fresh.path, count: 1 },
        { unitPath: a.path, count: 2 },
        { unitPath: b.path, count: 1 },
      ].sort((x, y) => (x.unitPath < y.unitPath ? -1 : 1)),
    );
    // Inside one commune's subtree only that commune; only parents asked for.
    expect(await trainedCounts(t.db, a.path, parsePeriod('2025'), ['parent'])).toEqual([
      { unitPath: a.path, count: 1 },
    ]);
    expect(await trainedCounts(t.db, a.path, parsePeriod('2024'), ecdRoles)).toEqual([
      { unitPath: a.path, count: 1 },
    ]);
    expect(await trainedCounts(t.db, otherProvince.path, parsePeriod('2025'), ecdRoles)).toEqual([]);
    expect(await trainedCounts(t.db, fresh.path, parsePeriod('2025'), [])).toEqual([]);
    // A village below a commune has no course of its own.
    expect(
      await trainedCounts(t.db, (await seedVillage(t.db, a)).path, parsePeriod('2025'), ecdRoles),
    ).toEqual([]);
  });
});
