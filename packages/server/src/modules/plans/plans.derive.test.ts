import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';
import { planTableCounts, seedActivity, seedPlan, seedTraining } from './testing/planFactories.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let secondCommune: SeedUnit;
let foreignProvince: SeedUnit;
let foreignCommune: SeedUnit;
let officer: TestClient;
let worker: TestClient;
let secondWorker: TestClient;
let collaborator: TestClient;
let provincePlan: Record<string, any>;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db, { name: 'Hải Dương' });
  commune = await seedCommune(t.db, province, { name: 'Thanh Hà' });
  secondCommune = await seedCommune(t.db, province, { name: 'Kim Thành' });
  foreignProvince = await seedProvince(t.db, { name: 'Nam Định' });
  foreignCommune = await seedCommune(t.db, foreignProvince);
  officer = await signedIn(t, 'province_officer', [province]);
  worker = await signedIn(t, 'commune_worker', [commune]);
  secondWorker = await signedIn(t, 'commune_worker', [secondCommune]);
  collaborator = await signedIn(t, 'village_collaborator', [await seedVillage(t.db, commune)]);
  const created = await officer.post('/api/plans/from-template', {
    unitId: province.id,
    templateCode: 'hai-duong-npa-2021-2030',
  });
  expect(created.status).toBe(201);
  provincePlan = created.body;
});
afterAll(() => t.close());

describe('deriving a commune’s plan from the province’s', () => {
  test('copies every target with its values and indicator, and every activity; records where it came from', async () => {
    const derived = await worker.post(`/api/plans/${provincePlan.id}/derive`, {
      unitId: commune.id,
      title: 'Kế hoạch thực hiện Chương trình hành động vì trẻ em xã Thanh Hà',
    });
    expect(derived.status, JSON.stringify(derived.body)).toBe(201);
    expect(derived.body).toMatchObject({
      title: 'Kế hoạch thực hiện Chương trình hành động vì trẻ em xã Thanh Hà',
      unit: { id: commune.id, level: 'commune' },
      status: 'draft',
      periodStart: 2021,
      periodEnd: 2030,
      documentNumber: null,
      templateCode: 'hai-duong-npa-2021-2030',
      derivedFrom: { id: provincePlan.id, title: provincePlan.title },
      editable: true,
    });
    expect(derived.body.id).not.toBe(provincePlan.id);
    const strip = (target: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(target).filter(([key]) => key !== 'id' && key !== 'planId'));
    expect(derived.body.targets).toHaveLength(34);
    expect(derived.body.targets.map(strip)).toEqual(provincePlan.targets.map(strip));
    expect(derived.body.activities.map((a: { title: string }) => a.title)).toEqual(
      provincePlan.activities.map((a: { title: string }) => a.title),
    );
    const row = await t.db
      .selectFrom('plan')
      .select(['derived_from_plan_id', 'org_path'])
      .where('id', '=', derived.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ derived_from_plan_id: provincePlan.id, org_path: commune.path });
    const sourceIds = await t.db
      .selectFrom('plan_target')
      .select('source_target_id')
      .where('plan_id', '=', derived.body.id)
      .orderBy('sort_order')
      .execute();
    expect(sourceIds.map((r) => r.source_target_id)).toEqual(
      provincePlan.targets.map((x: { id: string }) => x.id),
    );

    // The commune then sets its own numbers without touching the province's.
    const target = derived.body.targets[0];
    const fields = Object.fromEntries(
      Object.entries(target).filter(([key]) => !['id', 'planId', 'indicatorCode'].includes(key)),
    );
    const saved = await worker.put(`/api/plan-targets/${target.id}`, {
      ...fields,
      values: [
        { year: 2025, value: 60 },
        { year: 2030, value: 75 },
      ],
    });
    expect(saved.status).toBe(200);
    const source = await officer.get(`/api/plans/${provincePlan.id}`);
    expect(source.body.targets[0].values).toEqual([
      { year: 2025, value: 80 },
      { year: 2030, value: 85 },
    ]);
  });

  test('a unit that is not below the plan’s unit is refused, and nothing is written', async () => {
    const before = await planTableCounts(t.db);
    const same = await officer.post(`/api/plans/${provincePlan.id}/derive`, { unitId: province.id });
    expect(same.status).toBe(400);
    expect(same.body.error.code).toBe('PLAN_UNIT_NOT_BELOW');
    const communePlan = await seedPlan(t.db, commune);
    const sideways = await officer.post(`/api/plans/${communePlan.id}/derive`, { unitId: secondCommune.id });
    expect(sideways.status).toBe(400);
    expect(sideways.body.error.code).toBe('PLAN_UNIT_NOT_BELOW');
    const after = await planTableCounts(t.db);
    expect(after).toEqual({ ...before, plan: before.plan! + 1 });
  });

  test('a unit outside the caller’s scope is not found, even below the plan’s unit', async () => {
    const response = await worker.post(`/api/plans/${provincePlan.id}/derive`, { unitId: secondCommune.id });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});

describe('who sees a plan', () => {
  test('another province’s plan is not found, for reading and for every change', async () => {
    const foreign = await seedPlan(t.db, foreignCommune);
    const foreignWorker = await signedIn(t, 'commune_worker', [foreignCommune]);
    expect((await foreignWorker.get(`/api/plans/${foreign.id}`)).status).toBe(200);
    for (const response of [
      await officer.get(`/api/plans/${foreign.id}`),
      await officer.get(`/api/plans/${foreign.id}/budget`),
      await officer.post(`/api/plans/${foreign.id}/status`, { status: 'in_force', version: 1 }),
      await officer.post(`/api/plans/${foreign.id}/derive`, { unitId: commune.id }),
      await officer.post(`/api/plans/${foreign.id}/activities`, { kind: 'other', title: 'Lạ' }),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });

  test('a commune cannot see another commune’s plan, and sees the province’s without changing it', async () => {
    const plan = await seedPlan(t.db, commune);
    expect((await worker.get(`/api/plans/${plan.id}`)).status).toBe(200);
    expect((await collaborator.get(`/api/plans/${plan.id}`)).status).toBe(200);
    const other = await secondWorker.get(`/api/plans/${plan.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');

    const read = await secondWorker.get(`/api/plans/${provincePlan.id}`);
    expect(read.status).toBe(200);
    expect(read.body.editable).toBe(false);
    const change = await secondWorker.post(`/api/plans/${provincePlan.id}/status`, {
      status: 'in_force',
      version: read.body.version,
    });
    expect(change.status).toBe(404);
  });

  test('a commune sees the courses a province plan ran in it, not those run in another commune', async () => {
    const plan = await seedPlan(t.db, province);
    const activity = await seedActivity(t.db, plan);
    const here = await seedTraining(t.db, activity, { unit: commune });
    const there = await seedTraining(t.db, activity, { unit: secondCommune });
    const atProvince = await seedTraining(t.db, activity);
    const detail = await worker.get(`/api/plan-activities/${activity.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.trainings.map((c: { id: string }) => c.id).sort()).toEqual(
      [here.id, atProvince.id].sort(),
    );
    expect((await worker.get(`/api/trainings/${there.id}`)).status).toBe(404);
    expect((await worker.get(`/api/trainings/${here.id}`)).status).toBe(200);
    expect((await officer.get(`/api/trainings/${there.id}`)).status).toBe(200);
  });
});
