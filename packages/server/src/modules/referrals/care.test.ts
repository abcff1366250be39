import { todayInVietnam } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { intakeFor, signedInWithSector } from '../../testing/caseFactories.ts';
import {
  seedCommune,
  seedProvince,
  seedVillage,
  tableCounts,
  type SeedUnit,
} from '../../testing/factories.ts';
import { seedProvider } from '../../testing/providerFactories.ts';
import { seedHousehold, seedPerson, type SeedHousehold } from '../../testing/registerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let household: SeedHousehold;
let worker: TestClient;
let leader: TestClient;
let otherLeader: TestClient;
let health: TestClient;
let supervisor: TestClient;
let collaborator: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  const village = await seedVillage(t.db, commune);
  household = await seedHousehold(t.db, village);
  worker = await signedIn(t, 'commune_worker', [commune]);
  leader = await signedIn(t, 'commune_leader', [commune]);
  otherLeader = await signedIn(t, 'commune_leader', [await seedCommune(t.db, province)]);
  health = await signedIn(t, 'health_worker', [commune]);
  collaborator = await signedIn(t, 'village_collaborator', [village]);
  supervisor = (await signedInWithSector(t, 'province_officer', [province], 'social_protection')).client;
});
afterAll(() => t.close());

const orphan = () => seedPerson(t.db, household, { birthDate: '2017-09-05', sex: 'female' });
const withAunt = (personId: string) => ({
  personId,
  kind: 'relative',
  carerName: 'Lò Thị Hương',
  carerRelation: 'Dì ruột',
  carerAddress: 'Bản Na Lang',
  carerPhone: '0987654321',
  note: 'Bố mẹ mất do tai nạn; dì ruột xin nhận nuôi',
});

describe('a placement with a relative', () => {
  test('proposed by the worker, decided by the leader with the 15-working-day hand-over, visited, ended', async () => {
    const child = await orphan();
    const proposed = await worker.post('/api/care-placements', withAunt(child.id));
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      status: 'proposed',
      carerName: 'Lò Thị Hương',
      handoverDueAt: null,
    });

    // The worker cannot decide; another commune's leader cannot see it.
    expect(
      (
        await worker.post(`/api/care-placements/${proposed.body.id}/decision`, {
          approved: true,
          decisionNumber: '1',
          decidedOn: todayInVietnam(),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await otherLeader.post(`/api/care-placements/${proposed.body.id}/decision`, {
          approved: true,
          decisionNumber: '1',
          decidedOn: todayInVietnam(),
        })
      ).status,
    ).toBe(404);

    // Decided on Friday 24/04/2026: the hand-over is due 15 working days later (counted below).
    const decided = await leader.post(`/api/care-placements/${proposed.body.id}/decision`, {
      approved: true,
      decisionNumber: '08/QĐ-UBND',
      decidedOn: '2026-04-24',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('decided');
    expect(decided.body.handoverDueAt).toBe(expectedHandover);
    expect(decided.body.handoverOverdue).toBe(true);

    const early = await worker.post(`/api/care-placements/${proposed.body.id}/handover`, {
      handedOverOn: '2026-04-20',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.issues[0].code).toBe('before_decision');
    const placed = await worker.post(`/api/care-placements/${proposed.body.id}/handover`, {
      handedOverOn: '2026-05-04',
    });
    expect(placed.body).toMatchObject({
      status: 'placed',
      handedOverOn: '2026-05-04',
      handoverOverdue: false,
    });

    const visited = await worker.post(`/api/care-placements/${proposed.body.id}/visits`, {
      visitedOn: '2026-06-01',
      wellbeing: 'good',
      findings: 'Cháu đi học đều, ăn ngủ tốt',
      nextVisitOn: '2026-09-01',
    });
    expect(visited.status).toBe(201);
    expect(visited.body.visits).toHaveLength(1);

    // A second placement cannot start while one is in progress.
    expect((await worker.post('/api/care-placements', withAunt(child.id))).body.error.code).toBe(
      'CARE_STATE_CONFLICT',
    );

    const ended = await worker.post(`/api/care-placements/${proposed.body.id}/terminate`, {
      terminatedOn: '2026-11-30',
      reason: 'Dì chuyển đi làm ăn xa, cháu về ở với ông bà',
    });
    expect(ended.body.status).toBe('terminated');

    const listed = await leader.get(`/api/care-placements/persons/${child.id}`);
    expect(listed.body.items.map((p: { status: string }) => p.status)).toEqual(['terminated']);
    expect((await supervisor.get(`/api/care-placements/persons/${child.id}`)).body.items).toHaveLength(1);
  });
});

// Decided on Friday 24/04/2026. Counted by hand from the 2026 schedule: Sat 25, Sun 26 (Hùng Kings) and Mon 27
// (its compensatory day) are off; Tue 28 = 1, Wed 29 = 2; 30/4 and 1/5 are off; Mon 4/5 = 3 … Fri 8 = 7,
// Mon 11 = 8 … Fri 15 = 12, Mon 18 = 13, Tue 19 = 14, Wed 20/5 = 15 → the end of 20/05/2026 in Vietnam.
const expectedHandover = '2026-05-20T16:59:59.999Z';

describe('who sees and changes a placement', () => {
  test('staff outside child protection see no placement unless the case is shared; bad input changes nothing', async () => {
    const child = await orphan();
    await worker.post('/api/care-placements', withAunt(child.id));
    expect((await health.get(`/api/care-placements/persons/${child.id}`)).body.items).toEqual([]);
    expect((await collaborator.get(`/api/care-placements/persons/${child.id}`)).body.items).toEqual([]);

    const other = await orphan();
    const before = await tableCounts(t.db);
    const noInstitution = await worker.post('/api/care-placements', {
      ...withAunt(other.id),
      kind: 'institution',
    });
    expect(noInstitution.status).toBe(400);
    expect(noInstitution.body.error.issues[0].message).toBe('institution_required');
    expect((await health.post('/api/care-placements', withAunt(other.id))).status).toBe(403);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test('a placement from a case is visible to those who may see the case, and its steps join the case timeline', async () => {
    const child = await orphan();
    const { body } = await collaborator.post(
      '/api/cases',
      intakeFor(child.id, { concernTypes: ['abandonment'] }),
    );
    await worker.post(`/api/cases/${body.id}/take`);
    const institution = await seedProvider(t.db, province, {
      sector: 'social_assistance_facility',
      services: ['alternative_care'],
    });
    const proposed = await worker.post('/api/care-placements', {
      ...withAunt(child.id),
      caseId: body.id,
      kind: 'institution',
      carerName: 'Trung tâm Bảo trợ xã hội tỉnh',
      providerId: institution.id,
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.provider.id).toBe(institution.id);
    await leader.post(`/api/care-placements/${proposed.body.id}/decision`, {
      approved: false,
      reason: 'Ưu tiên người thân',
    });
    const events = (await worker.get(`/api/cases/${body.id}`)).body.events.map(
      (e: { kind: string }) => e.kind,
    );
    expect(events).toContain('care_proposed');
    expect(events).toContain('care_rejected');
  });
});
