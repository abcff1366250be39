import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';
import { planTableCounts, seedActivity, seedPlan } from './testing/planFactories.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let worker: TestClient;
let leader: TestClient;
let officer: TestClient;
let health: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db, { name: 'Lạng Sơn' });
  commune = await seedCommune(t.db, province, { name: 'Văn Lãng' });
  worker = await signedIn(t, 'commune_worker', [commune]);
  leader = await signedIn(t, 'commune_leader', [commune]);
  officer = await signedIn(t, 'province_officer', [province]);
  health = await signedIn(t, 'health_worker', [commune]);
});
afterAll(() => t.close());

const newPlan = async () => {
  const created = await worker.post('/api/plans', {
    unitId: commune.id,
    title: 'Kế hoạch chăm sóc phát triển toàn diện trẻ em xã năm 2024',
    periodStart: 2024,
    periodEnd: 2024,
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
};

describe('activities', () => {
  test('an activity is added, moved through the kanban and followed with notes, documents and events', async () => {
    const planId = await newPlan();
    const added = await worker.post(`/api/plans/${planId}/activities`, {
      kind: 'communication',
      title: 'Truyền thông về nuôi con bằng sữa mẹ',
      lead: 'Trạm Y tế xã',
      partners: ['Hội Liên hiệp Phụ nữ xã', 'Trường Mầm non xã'],
      startDate: '2024-03-01',
      endDate: '2024-10-31',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({
      code: '',
      kind: 'communication',
      status: 'planned',
      partners: ['Hội Liên hiệp Phụ nữ xã', 'Trường Mầm non xã'],
      counts: { notes: 0, documents: 0, events: 0, trainings: 0 },
      budget: { planned: 0, spent: 0 },
      editable: true,
    });
    const id = added.body.id as string;

    const moved = await leader.post(`/api/plan-activities/${id}/status`, { status: 'in_progress' });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('in_progress');

    const noted = await leader.post(`/api/plan-activities/${id}/notes`, {
      notedOn: '2024-04-15',
      text: 'Đã tổ chức 2 buổi nói chuyện tại thôn Nà Lầu.',
    });
    expect(noted.status).toBe(201);
    expect(noted.body.notes).toEqual([
      expect.objectContaining({
        notedOn: '2024-04-15',
        authorName: expect.stringContaining('commune.leader'),
      }),
    ]);

    const documented = await worker.post(`/api/plan-activities/${id}/documents`, {
      title: 'Công văn triển khai truyền thông',
      number: '25/UBND-VX',
      issuedOn: '2024-02-20',
      reference: 'https://vanlang.langson.gov.vn/vb/25',
    });
    expect(documented.status).toBe(201);
    const documentId = documented.body.documents[0].id as string;

    const event = await worker.post(`/api/plan-activities/${id}/events`, {
      heldOn: '2024-05-01',
      place: 'Nhà văn hóa thôn Nà Lầu',
      audience: 'Bà mẹ mang thai và nuôi con nhỏ',
      reach: 85,
    });
    expect(event.status).toBe(201);
    expect(event.body.events).toEqual([
      expect.objectContaining({ heldOn: '2024-05-01', reach: 85, note: null }),
    ]);
    expect(event.body.counts).toEqual({ notes: 1, documents: 1, events: 1, trainings: 0 });

    const outside = await worker.post(`/api/plan-activities/${id}/events`, {
      heldOn: '2025-01-05',
      place: 'Xã',
      audience: 'Cha mẹ',
      reach: 10,
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.heldOn', code: 'date_outside_period' }),
    ]);

    const removed = await worker.post(`/api/plan-activities/${id}/documents/${documentId}/delete`);
    expect(removed.status).toBe(200);
    expect(removed.body.documents).toEqual([]);
    expect((await worker.post(`/api/plan-activities/${id}/documents/${documentId}/delete`)).status).toBe(404);
    const eventId = event.body.events[0].id as string;
    expect((await worker.post(`/api/plan-activities/${id}/events/${eventId}/delete`)).body.events).toEqual(
      [],
    );

    const plan = await worker.get(`/api/plans/${planId}`);
    expect(plan.body.activities).toEqual([
      expect.objectContaining({
        id,
        status: 'in_progress',
        counts: { notes: 1, documents: 0, events: 0, trainings: 0 },
      }),
    ]);
    const actions = await t.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('org_path', '=', commune.path)
      .where('action', 'like', 'plan.%')
      .where('entity_type', '<>', 'plan')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => [a.action, a.after === null])).toEqual([
      ['plan.activity_saved', false],
      ['plan.activity_saved', false],
      ['plan.activity_note_added', false],
      ['plan.document_saved', false],
      ['plan.event_saved', false],
      ['plan.document_saved', true],
      ['plan.event_saved', true],
    ]);
  });

  test('a pilot model is an activity followed by its status and notes', async () => {
    const planId = await newPlan();
    const added = await officer.post(`/api/plans/${planId}/activities`, {
      kind: 'pilot_model',
      title: 'Mô hình nhóm cha mẹ nuôi dạy con tích cực',
      status: 'in_progress',
    });
    expect(added.status).toBe(201);
    const updated = await officer.put(`/api/plan-activities/${added.body.id}`, {
      kind: 'pilot_model',
      title: 'Mô hình nhóm cha mẹ nuôi dạy con tích cực tại 3 thôn',
      status: 'done',
      startDate: '2024-01-15',
      endDate: '2024-12-15',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ status: 'done', startDate: '2024-01-15', kind: 'pilot_model' });
  });

  test('readers read but do not change; bad input changes nothing', async () => {
    const planId = await newPlan();
    const activity = (
      await worker.post(`/api/plans/${planId}/activities`, { kind: 'other', title: 'Rà soát trẻ em' })
    ).body;
    expect((await health.get(`/api/plan-activities/${activity.id}`)).status).toBe(200);
    expect((await health.post(`/api/plan-activities/${activity.id}/status`, { status: 'done' })).status).toBe(
      403,
    );
    const before = await planTableCounts(t.db);
    const bad = await worker.put(`/api/plan-activities/${activity.id}`, {
      kind: 'party',
      title: '',
      startDate: '2024-05-01',
      endDate: '2024-04-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.kind',
      'body.title',
    ]);
    const reversed = await worker.put(`/api/plan-activities/${activity.id}`, {
      kind: 'other',
      title: 'Rà soát',
      startDate: '2024-05-01',
      endDate: '2024-04-01',
    });
    expect(reversed.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.endDate', message: 'end_before_start' }),
    ]);
    expect(await planTableCounts(t.db)).toEqual(before);
  });
});

describe('budget', () => {
  test('lines by source feed the plan’s totals, planned against spent', async () => {
    const plan = await seedPlan(t.db, commune, { periodStart: 2024, periodEnd: 2025 });
    const first = await seedActivity(t.db, plan, { title: 'Tập huấn' });
    const second = await seedActivity(t.db, plan, { title: 'Truyền thông' });
    const add = (activityId: string, body: Record<string, unknown>) =>
      worker.post(`/api/plan-activities/${activityId}/budget-lines`, { note: null, ...body });
    const lines = [
      await add(first.id, {
        source: 'state_commune',
        year: 2024,
        plannedVnd: 20_000_000,
        spentVnd: 15_500_000,
      }),
      await add(first.id, { source: 'oda_unicef', year: 2024, plannedVnd: 50_000_000, spentVnd: 50_000_000 }),
      await add(second.id, { source: 'state_commune', year: 2025, plannedVnd: 12_000_000, spentVnd: 0 }),
      await add(second.id, {
        source: 'social_mobilisation',
        year: 2025,
        plannedVnd: 3_000_000_000_000,
        spentVnd: 1_250_000,
      }),
    ];
    for (const line of lines) expect(line.status, JSON.stringify(line.body)).toBe(201);

    const detail = await worker.get(`/api/plans/${plan.id}`);
    expect(detail.body.budget).toEqual({
      bySource: [
        { source: 'state_central', planned: 0, spent: 0 },
        { source: 'state_province', planned: 0, spent: 0 },
        { source: 'state_commune', planned: 32_000_000, spent: 15_500_000 },
        { source: 'oda_unicef', planned: 50_000_000, spent: 50_000_000 },
        { source: 'social_mobilisation', planned: 3_000_000_000_000, spent: 1_250_000 },
        { source: 'other', planned: 0, spent: 0 },
      ],
      total: { planned: 3_000_082_000_000, spent: 66_750_000 },
    });
    expect(detail.body.activities.map((a: { budget: unknown }) => a.budget)).toEqual([
      { planned: 70_000_000, spent: 65_500_000 },
      { planned: 3_000_012_000_000, spent: 1_250_000 },
    ]);

    const budget = await worker.get(`/api/plans/${plan.id}/budget`);
    expect(budget.status).toBe(200);
    expect(budget.body.byYear).toEqual([
      { year: 2024, planned: 70_000_000, spent: 65_500_000 },
      { year: 2025, planned: 3_000_012_000_000, spent: 1_250_000 },
    ]);
    expect(budget.body.lines).toHaveLength(4);
    expect(budget.body.lines[0]).toMatchObject({ activityTitle: 'Tập huấn', plannedVnd: 20_000_000 });

    const changed = await worker.put(`/api/budget-lines/${lines[0]!.body.id}`, {
      source: 'state_province',
      year: 2024,
      plannedVnd: 20_000_000,
      spentVnd: 20_000_000,
      note: 'Tỉnh cấp bổ sung',
    });
    expect(changed.status).toBe(200);
    expect((await worker.post(`/api/budget-lines/${lines[1]!.body.id}/delete`)).status).toBe(200);
    const after = await worker.get(`/api/plans/${plan.id}/budget`);
    expect(after.body.totals.total).toEqual({ planned: 3_000_032_000_000, spent: 21_250_000 });
    expect(after.body.totals.bySource[1]).toEqual({
      source: 'state_province',
      planned: 20_000_000,
      spent: 20_000_000,
    });
  });

  test('amounts are whole, non-negative đồng within the plan’s years; a refused line writes nothing', async () => {
    const plan = await seedPlan(t.db, commune, { periodStart: 2024, periodEnd: 2024 });
    const activity = await seedActivity(t.db, plan);
    const before = await planTableCounts(t.db);
    const bad = await worker.post(`/api/plan-activities/${activity.id}/budget-lines`, {
      source: 'unicef',
      year: 2024,
      plannedVnd: 1500.5,
      spentVnd: -1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.plannedVnd',
      'body.source',
      'body.spentVnd',
    ]);
    const wrongYear = await worker.post(`/api/plan-activities/${activity.id}/budget-lines`, {
      source: 'oda_unicef',
      year: 2026,
      plannedVnd: 1,
      spentVnd: 0,
    });
    expect(wrongYear.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.year', code: 'year_outside_period' }),
    ]);
    expect(await planTableCounts(t.db)).toEqual(before);
  });
});
