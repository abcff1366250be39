import { api, hasPermission, type Endpoint, type Role } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { intakeFor, signedInWithSector, walkTo } from '../../testing/caseFactories.ts';
import {
  seedCommune,
  seedProvince,
  seedVillage,
  tableCounts,
  type SeedUnit,
} from '../../testing/factories.ts';
import { seedHousehold, seedPerson } from '../../testing/registerFactories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

/**
 * The confidentiality matrix: for every case endpoint, every user who must not see a case gets 404 (or 403 when
 * their role lacks the endpoint's permission altogether — which says nothing about the case), nothing changes, and
 * the lists leave the case out. Then: who may read it, and that every read is audited.
 */

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let village: SeedUnit;
let caseId: string;
let personId: string;
let shareId: string;
let planActionId: string;
let otherCommune: SeedUnit;

interface User {
  role: Role;
  client: TestClient;
  userId: string;
}
const insiders: Record<string, User> = {};
const outsiders: Record<string, User> = {};

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  otherCommune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  const household = await seedHousehold(t.db, village);
  const child = await seedPerson(t.db, household, { birthDate: '2015-06-01', sex: 'female' });
  personId = child.id;
  const user = async (
    role: Role,
    scope: SeedUnit[],
    sector: Parameters<typeof signedInWithSector>[3] = null,
  ) => {
    const signed = await signedInWithSector(t, role, scope, sector);
    return { role, ...signed };
  };
  insiders.worker = await user('commune_worker', [commune]);
  insiders.leader = await user('commune_leader', [commune]);
  insiders.supervisor = await user('province_officer', [province], 'social_protection');
  insiders.sharedHealth = await user('health_worker', [commune]);

  outsiders.sameCommuneWorker = await user('commune_worker', [commune]);
  outsiders.sameCommuneHealth = await user('health_worker', [commune]);
  outsiders.sameCommuneSchool = await user('school_staff', [commune]);
  outsiders.reporter = await user('village_collaborator', [village]);
  outsiders.otherCommuneWorker = await user('commune_worker', [otherCommune]);
  outsiders.otherCommuneLeader = await user('commune_leader', [otherCommune]);
  outsiders.healthSectorOfficer = await user('province_officer', [province], 'health');
  outsiders.educationSectorOfficer = await user('province_officer', [province], 'education');
  outsiders.provinceAdmin = await user('province_admin', [province]);
  outsiders.viewer = await user('viewer', [province]);

  const reported = await outsiders.reporter.client.post('/api/cases', {
    ...intakeFor(personId),
    concernTypes: ['sexual_abuse'],
  });
  caseId = reported.body.id;
  const worker = insiders.worker.client;
  await worker.post(`/api/cases/${caseId}/take`);
  await walkTo(caseId, 'implementing', { worker, approver: insiders.leader.client });
  await worker.post(`/api/cases/${caseId}/notes`, { body: 'Chi tiết xâm hại' });
  await worker.post(`/api/cases/${caseId}/shares`, {
    userId: insiders.sharedHealth.userId,
    reason: 'Khám và điều trị',
  });
  const detail = await worker.get(`/api/cases/${caseId}`);
  shareId = detail.body.shares[0].id;
  planActionId = detail.body.planActions[0].id;
});
afterAll(() => t.close());

/** One request per case endpoint, aimed at the case under test. */
function probes(): Record<string, { method: 'GET' | 'POST'; url: string; body?: unknown }> {
  const c = `/api/cases/${caseId}`;
  return {
    'GET /api/cases/:id': { method: 'GET', url: c },
    'POST /api/cases/:id/take': { method: 'POST', url: `${c}/take` },
    'GET /api/cases/:id/forms/:form': { method: 'GET', url: `${c}/forms/mau04` },
    'GET /api/cases/:id/transfer-targets': { method: 'GET', url: `${c}/transfer-targets` },
    'GET /api/cases/:id/share-candidates': { method: 'GET', url: `${c}/share-candidates` },
    'POST /api/cases/:id/actions': {
      method: 'POST',
      url: `${c}/actions`,
      body: {
        version: 1,
        action: {
          type: 'review',
          ratings: {
            harm_severity: 'low',
            perpetrator_access: 'low',
            care_environment: 'low',
            self_protection: 'low',
          },
          conclusion: 'propose_close',
          findings: 'x',
        },
      },
    },
    'POST /api/cases/:id/decisions': {
      method: 'POST',
      url: `${c}/decisions`,
      body: { version: 1, action: { type: 'keep_open', reason: 'x' } },
    },
    'POST /api/cases/:id/notes': { method: 'POST', url: `${c}/notes`, body: { body: 'x' } },
    'POST /api/cases/:id/shares': {
      method: 'POST',
      url: `${c}/shares`,
      body: { userId: insiders.sharedHealth!.userId, reason: 'x' },
    },
    'POST /api/cases/:id/shares/:shareId/revoke': { method: 'POST', url: `${c}/shares/${shareId}/revoke` },
    'POST /api/cases/:id/plan-actions/:actionId': {
      method: 'POST',
      url: `${c}/plan-actions/${planActionId}`,
      body: { status: 'cancelled' },
    },
    'POST /api/cases/:id/link-child': { method: 'POST', url: `${c}/link-child`, body: { personId } },
    'POST /api/cases/:id/transfer': {
      method: 'POST',
      url: `${c}/transfer`,
      body: { communeId: otherCommune.id, reason: 'x' },
    },
    'POST /api/cases/:id/transfer/accept': { method: 'POST', url: `${c}/transfer/accept` },
    'POST /api/cases/:id/transfer/decline': {
      method: 'POST',
      url: `${c}/transfer/decline`,
      body: { reason: 'x' },
    },
  };
}

const listEndpoints = [
  'GET /api/cases',
  'GET /api/cases/inbox',
  'GET /api/cases/approvals',
  'GET /api/cases/transfers-in',
];
const otherEndpoints = ['POST /api/cases', 'GET /api/cases/persons/:id'];

const key = (e: Endpoint) => `${e.method} ${e.path}`;

test('every case endpoint is covered by this matrix', () => {
  const covered = new Set([...Object.keys(probes()), ...listEndpoints, ...otherEndpoints]);
  for (const endpoint of Object.values(api.cases)) expect(covered, key(endpoint)).toContain(key(endpoint));
});

describe('users who must not see the case', () => {
  const endpointByKey = new Map(Object.values(api.cases).map((e) => [key(e), e]));

  test('get 404 from every endpoint that names it (403 if their role lacks the endpoint), and nothing changes', async () => {
    const before = await tableCounts(t.db);
    for (const [name, user] of Object.entries(outsiders)) {
      for (const [route, probe] of Object.entries(probes())) {
        const endpoint = endpointByKey.get(route)!;
        const response = await user.client.request(
          probe.method,
          probe.url,
          probe.body ?? (probe.method === 'POST' ? {} : undefined),
        );
        const expected = hasPermission(user.role, endpoint.permission as never) ? 404 : 403;
        expect(response.status, `${name} ${route}`).toBe(expected);
      }
    }
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test('do not find it in any list', async () => {
    for (const [name, user] of Object.entries(outsiders)) {
      for (const url of [
        '/api/cases?status=all',
        '/api/cases/inbox',
        '/api/cases/approvals',
        '/api/cases/transfers-in',
      ]) {
        const response = await user.client.get(url);
        if (response.status === 403) continue;
        expect(response.status, `${name} ${url}`).toBe(200);
        expect(
          response.body.items.map((i: { id: string }) => i.id),
          `${name} ${url}`,
        ).not.toContain(caseId);
      }
    }
  });

  test('on the child’s profile learn at most that the child has an open case', async () => {
    for (const [name, user] of Object.entries(outsiders)) {
      const response = await user.client.get(`/api/cases/persons/${personId}`);
      if (!hasPermission(user.role, 'case.knowOpen')) {
        expect(response.status, name).toBe(403);
        continue;
      }
      // The other commune's staff cannot see the child at all.
      if (name.startsWith('otherCommune')) {
        expect(response.status, name).toBe(404);
        continue;
      }
      expect(response.body, name).toEqual({ hasOpenCase: true, cases: [] });
    }
  });
});

describe('users who may see the case', () => {
  test('read it with their relation, and each read is one audit event naming them and the case', async () => {
    const expected: Record<string, string> = {
      worker: 'worker',
      leader: 'approver',
      supervisor: 'supervisor',
      sharedHealth: 'shared',
    };
    for (const [name, user] of Object.entries(insiders)) {
      const before = await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'case.read')
        .where('entity_id', '=', caseId)
        .where('actor_id', '=', user.userId)
        .executeTakeFirstOrThrow();
      const response = await user.client.get(`/api/cases/${caseId}`);
      expect(response.status, name).toBe(200);
      expect(response.body.relation, name).toBe(expected[name]);
      const after = await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'case.read')
        .where('entity_id', '=', caseId)
        .where('actor_id', '=', user.userId)
        .executeTakeFirstOrThrow();
      expect(Number(after.n) - Number(before.n), name).toBe(1);
    }
  });

  test('only the workers read the extra-confidential notes of a sexual-abuse case', async () => {
    for (const [name, user] of Object.entries(insiders)) {
      const response = await user.client.get(`/api/cases/${caseId}`);
      const bodies = response.body.notes.map((n: { body: string | null }) => n.body);
      expect(bodies, name).toEqual([name === 'worker' ? 'Chi tiết xâm hại' : null]);
      expect(response.body.extraConfidential).toBe(true);
    }
  });

  test('a list read is audited with the cases it showed', async () => {
    const worker = insiders.worker!;
    await worker.client.get('/api/cases');
    const event = await t.db
      .selectFrom('audit_event')
      .select(['after'])
      .where('action', '=', 'case.listed')
      .where('actor_id', '=', worker.userId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(event.after).toMatchObject({ view: 'mine', caseIds: [caseId] });
  });
});
