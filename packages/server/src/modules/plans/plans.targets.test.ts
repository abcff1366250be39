import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';
import { planTableCounts } from './testing/planFactories.ts';

let t: TestApp;
let hanoi: SeedUnit;
let kontum: SeedUnit;
let hanoiOfficer: TestClient;
let kontumOfficer: TestClient;
let hanoiPlanId: string;
let kontumPlanId: string;

beforeAll(async () => {
  t = await createTestApp();
  hanoi = await seedProvince(t.db, { name: 'Hà Nội' });
  kontum = await seedProvince(t.db, { name: 'Kon Tum' });
  await seedCommune(t.db, hanoi);
  hanoiOfficer = await signedIn(t, 'province_officer', [hanoi]);
  kontumOfficer = await signedIn(t, 'province_admin', [kontum]);
  // Both provinces start from the same ECD template.
  const fromTemplate = async (client: TestClient, unit: SeedUnit) => {
    const created = await client.post('/api/plans/from-template', {
      unitId: unit.id,
      templateCode: 'ha-noi-ecd-2019-2025',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as string;
  };
  hanoiPlanId = await fromTemplate(hanoiOfficer, hanoi);
  kontumPlanId = await fromTemplate(kontumOfficer, kontum);
});
afterAll(() => t.close());

const targetOf = async (client: TestClient, planId: string, code: string) => {
  const plan = await client.get(`/api/plans/${planId}`);
  expect(plan.status).toBe(200);
  return plan.body.targets.find((target: { code: string }) => target.code === code);
};

/** The fields of a target as the edit form sends them back. */
const editable = (target: Record<string, unknown>) => ({
  code: target.code,
  text: target.text,
  en: target.en,
  measure: target.measure,
  unit: target.unit,
  direction: target.direction,
  comparator: target.comparator,
  values: target.values,
  disaggregation: target.disaggregation,
  population: target.population,
  responsibleAgency: target.responsibleAgency,
  note: target.note,
});

describe('each province sets its own numbers for the same template', () => {
  test('Hà Nội 80 %/95 %, Kon Tum 70 %/90 %: each reads only its own', async () => {
    const hanoiTarget = await targetOf(hanoiOfficer, hanoiPlanId, 'ECD-01');
    const kontumTarget = await targetOf(kontumOfficer, kontumPlanId, 'ECD-01');
    expect(hanoiTarget.id).not.toBe(kontumTarget.id);

    const hanoiSaved = await hanoiOfficer.put(`/api/plan-targets/${hanoiTarget.id}`, {
      ...editable(hanoiTarget),
      values: [
        { year: 2020, value: 80 },
        { year: 2025, value: 95 },
      ],
    });
    expect(hanoiSaved.status, JSON.stringify(hanoiSaved.body)).toBe(200);
    const kontumSaved = await kontumOfficer.put(`/api/plan-targets/${kontumTarget.id}`, {
      ...editable(kontumTarget),
      values: [
        { year: 2020, value: 70 },
        { year: 2025, value: 90 },
      ],
    });
    expect(kontumSaved.status, JSON.stringify(kontumSaved.body)).toBe(200);

    expect((await targetOf(hanoiOfficer, hanoiPlanId, 'ECD-01')).values).toEqual([
      { year: 2020, value: 80 },
      { year: 2025, value: 95 },
    ]);
    expect((await targetOf(kontumOfficer, kontumPlanId, 'ECD-01')).values).toEqual([
      { year: 2020, value: 70 },
      { year: 2025, value: 90 },
    ]);
    // Neither sees the other's plan, nor can change its target.
    expect((await hanoiOfficer.get(`/api/plans/${kontumPlanId}`)).status).toBe(404);
    expect((await kontumOfficer.get(`/api/plans/${hanoiPlanId}`)).status).toBe(404);
    const crossEdit = await hanoiOfficer.put(`/api/plan-targets/${kontumTarget.id}`, {
      ...editable(kontumTarget),
      values: [{ year: 2025, value: 10 }],
    });
    expect(crossEdit.status).toBe(404);
    expect(crossEdit.body.error.code).toBe('NOT_FOUND');
    expect((await targetOf(kontumOfficer, kontumPlanId, 'ECD-01')).values[1]).toEqual({
      year: 2025,
      value: 90,
    });
  });

  test('each edit is audited with the values before and after, in the province', async () => {
    const target = await targetOf(kontumOfficer, kontumPlanId, 'ECD-02');
    const saved = await kontumOfficer.put(`/api/plan-targets/${target.id}`, {
      ...editable(target),
      values: [
        { year: 2020, value: 70 },
        { year: 2025, value: 90 },
      ],
    });
    expect(saved.status).toBe(200);
    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'org_path', 'before', 'after'])
      .where('entity_id', '=', target.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'plan.target_saved',
      org_path: kontum.path,
      before: {
        values: [
          { year: 2020, value: 80 },
          { year: 2025, value: 100 },
        ],
      },
      after: {
        values: [
          { year: 2020, value: 70 },
          { year: 2025, value: 90 },
        ],
      },
    });
  });
});

describe('editing rules', () => {
  test('impossible values are refused on their field and change nothing', async () => {
    const target = await targetOf(hanoiOfficer, hanoiPlanId, 'ECD-03');
    const before = await planTableCounts(t.db);
    const response = await hanoiOfficer.put(`/api/plan-targets/${target.id}`, {
      ...editable(target),
      comparator: '>=',
      values: [
        { year: 2018, value: 50 },
        { year: 2025, value: 120 },
        { year: 2025, value: 100 },
        { year: 2021, value: true },
        { year: 2022, value: 40, group: 'urban' },
        { year: 2023, value: 40, toYear: 2023 },
        { year: 2024, value: 40, valueMax: 30 },
        { year: 2020, value: -5 },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    // The shape is checked first: a negative value is refused before any rule of the plan.
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['body.values.7.value']);
    const rules = await hanoiOfficer.put(`/api/plan-targets/${target.id}`, {
      ...editable(target),
      values: [
        { year: 2018, value: 50 },
        { year: 2025, value: 120 },
        { year: 2025, value: 100 },
        { year: 2021, value: true },
        { year: 2022, value: 40, group: 'urban' },
        { year: 2023, value: 40, toYear: 2023 },
        { year: 2024, value: 40, valueMax: 30 },
      ],
    });
    expect(rules.status).toBe(400);
    expect(rules.body.error.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`)).toEqual(
      [
        'body.values.0.year year_outside_period',
        'body.values.1.value percent_over_100',
        'body.values.2.year duplicate_year',
        'body.values.3.value value_type_unit',
        'body.values.4.group unknown_group',
        'body.values.5.toYear to_year_invalid',
        'body.values.6.valueMax value_max_below_value',
      ],
    );
    const noComparator = await hanoiOfficer.put(`/api/plan-targets/${target.id}`, {
      ...editable(target),
      comparator: null,
    });
    expect(noComparator.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.comparator', code: 'comparator_required' }),
    ]);
    expect(await planTableCounts(t.db)).toEqual(before);
    expect((await targetOf(hanoiOfficer, hanoiPlanId, 'ECD-03')).values).toEqual(target.values);
  });

  test('a code is unique within its plan', async () => {
    const target = await targetOf(hanoiOfficer, hanoiPlanId, 'ECD-03');
    const response = await hanoiOfficer.put(`/api/plan-targets/${target.id}`, {
      ...editable(target),
      code: 'ECD-01',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.code', code: 'target_code_taken' }),
    ]);
  });
});

describe('adding, linking and deleting targets', () => {
  test('a province adds its own target, links it to a catalogue indicator, unlinks it and deletes it', async () => {
    const added = await hanoiOfficer.post(`/api/plans/${hanoiPlanId}/targets`, {
      code: 'HN-01',
      text: 'Tỷ lệ trẻ em dưới 5 tuổi được cân, đo đạt 95% vào năm 2025',
      unit: 'percent',
      direction: 'increase',
      comparator: '>=',
      values: [{ year: 2025, value: 95 }],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({
      code: 'HN-01',
      indicatorCode: null,
      disaggregation: [],
      en: null,
      values: [{ year: 2025, value: 95 }],
    });
    const id = added.body.id as string;

    const unknown = await hanoiOfficer.put(`/api/plan-targets/${id}/indicator`, { indicatorCode: 'NPA-99' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues).toEqual([
      expect.objectContaining({ path: 'body.indicatorCode', code: 'unknown_indicator' }),
    ]);

    const linked = await hanoiOfficer.put(`/api/plan-targets/${id}/indicator`, { indicatorCode: 'NPA-04a' });
    expect(linked.status).toBe(200);
    expect(linked.body.indicatorCode).toBe('NPA-04a');
    expect((await targetOf(hanoiOfficer, hanoiPlanId, 'HN-01')).indicatorCode).toBe('NPA-04a');

    const unlinked = await hanoiOfficer.put(`/api/plan-targets/${id}/indicator`, { indicatorCode: null });
    expect(unlinked.body.indicatorCode).toBeNull();

    const removed = await hanoiOfficer.post(`/api/plan-targets/${id}/delete`);
    expect(removed.status).toBe(200);
    expect(await targetOf(hanoiOfficer, hanoiPlanId, 'HN-01')).toBeUndefined();
    expect((await hanoiOfficer.post(`/api/plan-targets/${id}/delete`)).status).toBe(404);
    const actions = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'plan.target_saved',
      'plan.target_saved',
      'plan.target_saved',
      'plan.target_deleted',
    ]);
  });

  test('a closed plan keeps its targets as they were', async () => {
    const plan = (await hanoiOfficer.get(`/api/plans/${hanoiPlanId}`)).body;
    const inForce = await hanoiOfficer.post(`/api/plans/${hanoiPlanId}/status`, {
      status: 'in_force',
      version: plan.version,
    });
    expect(inForce.status).toBe(200);
    const closed = await hanoiOfficer.post(`/api/plans/${hanoiPlanId}/status`, {
      status: 'closed',
      version: inForce.body.version,
    });
    expect(closed.status).toBe(200);
    const target = plan.targets[0];
    const edit = await hanoiOfficer.put(`/api/plan-targets/${target.id}`, {
      ...editable(target),
      values: [{ year: 2025, value: 1 }],
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('PLAN_STATE_CONFLICT');
    expect((await hanoiOfficer.post(`/api/plan-targets/${target.id}/delete`)).status).toBe(409);
  });
});
