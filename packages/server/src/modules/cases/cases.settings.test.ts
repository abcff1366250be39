import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { intakeFor } from '../../testing/caseFactories.ts';
import {
  seedCommune,
  seedProvince,
  seedVillage,
  tableCounts,
  type SeedUnit,
} from '../../testing/factories.ts';
import { seedHousehold, seedPerson } from '../../testing/registerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let province: SeedUnit;
let village: SeedUnit;
let admin: TestClient;
let otherAdmin: TestClient;
let collaborator: TestClient;
let worker: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  const commune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  admin = await signedIn(t, 'province_admin', [province]);
  otherAdmin = await signedIn(t, 'province_admin', [await seedProvince(t.db)]);
  collaborator = await signedIn(t, 'village_collaborator', [village]);
  worker = await signedIn(t, 'commune_worker', [commune]);
});
afterAll(() => t.close());

test('without settings the law applies', async () => {
  const settings = await admin.get(`/api/case-settings/${province.code}`);
  expect(settings.status).toBe(200);
  const amounts = Object.fromEntries(
    settings.body.deadlines.map((d: { code: string; amount: number }) => [d.code, d.amount]),
  );
  expect(amounts).toEqual({
    urgent_intervention: 12,
    plan_draft: 5,
    plan_approval: 7,
    care_handover: 15,
    referral_response: 2,
  });
  expect(settings.body.extraDaysOff).toEqual([]);
});

test('a province shortens the plan deadline and adds a local day off; new cases count with both', async () => {
  const saved = await admin.put(`/api/case-settings/${province.code}`, {
    deadlineOverrides: { plan_draft: 3, referral_response: 1 },
    extraDaysOff: ['2026-11-04'],
    extraWorkingDays: [],
  });
  expect(saved.status).toBe(200);
  expect(saved.body.deadlines.find((d: { code: string }) => d.code === 'plan_draft')).toMatchObject({
    amount: 3,
    nationalAmount: 5,
  });
  // Reported on Monday 02/11/2026: Tue 3 = 1, Wed 4 is the province's day off, Thu 5 = 2, Fri 6 = 3.
  const child = await seedPerson(t.db, await seedHousehold(t.db, village), { birthDate: '2015-01-01' });
  const reported = await collaborator.post('/api/cases', {
    ...intakeFor(child.id),
    receivedAt: '2026-11-02T09:00:00+07:00',
  });
  expect(reported.status).toBe(201);
  const seen = await worker.get(`/api/cases/${reported.body.id}`);
  expect(seen.body.planDueAt).toBe('2026-11-06T16:59:59.999Z');
  const audit = await t.db
    .selectFrom('audit_event')
    .select('after')
    .where('action', '=', 'case.settings_changed')
    .executeTakeFirstOrThrow();
  expect(audit.after).toMatchObject({ overrides: { plan_draft: 3, referral_response: 1 } });
});

test('a statutory deadline cannot be lengthened; a day cannot be both off and worked; nothing changes', async () => {
  const before = await tableCounts(t.db);
  const longer = await admin.put(`/api/case-settings/${province.code}`, {
    deadlineOverrides: { urgent_intervention: 24 },
    extraDaysOff: [],
    extraWorkingDays: [],
  });
  expect(longer.status).toBe(400);
  expect(longer.body.error.issues).toEqual([
    expect.objectContaining({ path: 'body.deadlineOverrides.urgent_intervention', code: 'above_maximum' }),
  ]);
  const both = await admin.put(`/api/case-settings/${province.code}`, {
    deadlineOverrides: {},
    extraDaysOff: ['2026-12-24'],
    extraWorkingDays: ['2026-12-24'],
  });
  expect(both.status).toBe(400);
  expect(both.body.error.issues[0].message).toBe('day_both_off_and_working');
  expect(await tableCounts(t.db)).toEqual(before);
});

test('another province’s administrator gets 404; a commune worker has no access', async () => {
  expect((await otherAdmin.get(`/api/case-settings/${province.code}`)).status).toBe(404);
  expect((await worker.get(`/api/case-settings/${province.code}`)).status).toBe(403);
});
