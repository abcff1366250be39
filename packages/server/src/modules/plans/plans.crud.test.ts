import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';
import { planTableCounts } from './testing/planFactories.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let village: SeedUnit;
let officer: TestClient;
let worker: TestClient;
let viewer: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db, { name: 'Lào Cai' });
  commune = await seedCommune(t.db, province, { name: 'Bắc Hà' });
  village = await seedVillage(t.db, commune);
  officer = await signedIn(t, 'province_officer', [province]);
  worker = await signedIn(t, 'commune_worker', [commune]);
  viewer = await signedIn(t, 'viewer', [province]);
});
afterAll(() => t.close());

const communePlan = (overrides: Record<string, unknown> = {}) => ({
  unitId: commune.id,
  title: '  Kế hoạch thực hiện công tác trẻ em xã Bắc Hà năm 2025 ',
  documentNumber: '15/KH-UBND',
  issuedDate: '2025-01-20',
  issuedBy: 'Ủy ban nhân dân xã Bắc Hà',
  legalBasis: ['Luật Trẻ em năm 2016', 'Quyết định 23/QĐ-TTg ngày 07/01/2021'],
  generalGoal: 'Bảo đảm mọi trẻ em được chăm sóc, giáo dục và bảo vệ.',
  periodStart: 2025,
  periodEnd: 2025,
  ...overrides,
});

describe('making a plan from scratch', () => {
  test('a commune worker makes a draft plan of the commune; it is audited in the commune', async () => {
    const created = await worker.post('/api/plans', communePlan());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Kế hoạch thực hiện công tác trẻ em xã Bắc Hà năm 2025',
      documentNumber: '15/KH-UBND',
      issuedDate: '2025-01-20',
      legalBasis: ['Luật Trẻ em năm 2016', 'Quyết định 23/QĐ-TTg ngày 07/01/2021'],
      periodStart: 2025,
      periodEnd: 2025,
      status: 'draft',
      version: 1,
      templateCode: null,
      derivedFrom: null,
      unit: { id: commune.id, level: 'commune' },
      targets: [],
      activities: [],
      fundingSources: [],
      editable: true,
      budget: { total: { planned: 0, spent: 0 } },
    });
    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'org_path'])
      .where('entity_id', '=', created.body.id)
      .execute();
    expect(events).toEqual([{ action: 'plan.created', org_path: commune.path }]);
  });

  test('bad input answers 400 with the field paths and writes nothing', async () => {
    const before = await planTableCounts(t.db);
    const response = await worker.post(
      '/api/plans',
      communePlan({ title: '', periodStart: 2026, periodEnd: 2024, issuedDate: '20/01/2025', colour: 'đỏ' }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.issuedDate', 'body']));
    const village_ = await worker.post('/api/plans', communePlan({ unitId: village.id }));
    expect(village_.status).toBe(400);
    expect(village_.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.unitId', code: 'plan_unit_level' }),
    ]);
    const reversed = await worker.post('/api/plans', communePlan({ periodStart: 2026, periodEnd: 2024 }));
    expect(reversed.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.periodEnd', message: 'period_end_before_start' }),
    ]);
    expect(await planTableCounts(t.db)).toEqual(before);
  });

  test('a plan of a unit outside the caller’s scope is refused as not found; a viewer cannot make one', async () => {
    const other = await seedCommune(t.db, province);
    const outside = await worker.post('/api/plans', communePlan({ unitId: other.id }));
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('NOT_FOUND');
    expect((await viewer.post('/api/plans', communePlan())).status).toBe(403);
    // The province plans for itself and for its communes.
    expect((await officer.post('/api/plans', communePlan({ unitId: province.id }))).status).toBe(201);
    expect((await officer.post('/api/plans', communePlan({ unitId: other.id }))).status).toBe(201);
  });
});

describe('changing a plan', () => {
  test('an edit carries the version it started from; a stale one is refused and changes nothing', async () => {
    const created = await worker.post('/api/plans', communePlan());
    const id = created.body.id as string;
    const edit = (version: number, title: string) =>
      worker.put(`/api/plans/${id}`, {
        title,
        documentNumber: '16/KH-UBND',
        issuedDate: '2025-02-01',
        issuedBy: 'Ủy ban nhân dân xã Bắc Hà',
        legalBasis: ['Luật Trẻ em năm 2016'],
        generalGoal: null,
        periodStart: 2025,
        periodEnd: 2026,
        fundingSources: ['Ngân sách xã'],
        version,
      });
    const first = await edit(1, 'Kế hoạch năm 2025–2026');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      title: 'Kế hoạch năm 2025–2026',
      documentNumber: '16/KH-UBND',
      periodEnd: 2026,
      generalGoal: null,
      fundingSources: ['Ngân sách xã'],
      version: 2,
    });
    const stale = await edit(1, 'Bản cũ');
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('PLAN_STATE_CONFLICT');
    expect((await worker.get(`/api/plans/${id}`)).body.title).toBe('Kế hoạch năm 2025–2026');
  });

  test('a draft is put in force, closed and reopened; other moves are refused', async () => {
    const id = (await worker.post('/api/plans', communePlan())).body.id as string;
    const move = (status: string, version: number) =>
      worker.post(`/api/plans/${id}/status`, { status, version });
    const refused = await move('closed', 1);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PLAN_STATE_CONFLICT');
    expect((await move('in_force', 1)).body).toMatchObject({ status: 'in_force', version: 2 });
    expect((await move('in_force', 2)).status).toBe(409);
    expect((await move('closed', 2)).body).toMatchObject({ status: 'closed', version: 3 });
    // A closed plan's header does not change until it is reopened.
    const edit = await worker.put(`/api/plans/${id}`, { ...communePlan(), unitId: undefined, version: 3 });
    expect(edit.status).toBe(409);
    expect((await move('in_force', 3)).body).toMatchObject({ status: 'in_force', version: 4 });
    const actions = await t.db
      .selectFrom('audit_event')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', id)
      .where('action', '=', 'plan.status_changed')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => [a.before, a.after])).toEqual([
      [{ status: 'draft' }, { status: 'in_force' }],
      [{ status: 'in_force' }, { status: 'closed' }],
      [{ status: 'closed' }, { status: 'in_force' }],
    ]);
  });
});

describe('listing plans', () => {
  test('a unit’s list holds its plans, those below it and those above it; a status narrows it', async () => {
    const fresh = await seedProvince(t.db, { name: 'Yên Bái' });
    const communeA = await seedCommune(t.db, fresh);
    const communeB = await seedCommune(t.db, fresh);
    const admin = await signedIn(t, 'province_admin', [fresh]);
    const make = async (unit: SeedUnit, title: string) => {
      const created = await admin.post('/api/plans', { ...communePlan(), unitId: unit.id, title });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const provincePlan = await make(fresh, 'Tỉnh');
    const planA = await make(communeA, 'Xã A');
    await make(communeB, 'Xã B');
    await admin.post(`/api/plans/${planA}/status`, { status: 'in_force', version: 1 });

    const all = await admin.get(`/api/plans?unitId=${fresh.id}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items[0]).toMatchObject({ id: provincePlan, title: 'Tỉnh', targetCount: 0 });

    const ofA = await admin.get(`/api/plans?unitId=${communeA.id}`);
    expect(ofA.body.items.map((p: { title: string }) => p.title)).toEqual(['Tỉnh', 'Xã A']);
    const inForce = await admin.get(`/api/plans?unitId=${fresh.id}&status=in_force`);
    expect(inForce.body.items.map((p: { title: string }) => p.title)).toEqual(['Xã A']);

    const workerA = await signedIn(t, 'commune_worker', [communeA]);
    const seen = await workerA.get(`/api/plans?unitId=${fresh.id}`);
    // A commune sees the province's plan and its own, never another commune's.
    expect(seen.body.items.map((p: { title: string; editable: boolean }) => [p.title, p.editable])).toEqual([
      ['Tỉnh', false],
      ['Xã A', true],
    ]);
    expect((await workerA.get(`/api/plans?unitId=${communeB.id}`)).status).toBe(404);
  });
});
