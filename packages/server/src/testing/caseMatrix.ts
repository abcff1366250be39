import type { Role } from '@treem/shared';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../db/schema.ts';
import { act, intakeFor, nextOnPath, walkTo } from './caseFactories.ts';
import type { ApiResponse, TestClient } from './client.ts';
import { seedUser, type SeedUnit } from './factories.ts';
import { seedProvider } from './providerFactories.ts';
import { seedHousehold, seedPerson } from './registerFactories.ts';
import type { TestApp } from './testApp.ts';

/**
 * The child-protection routes' rows of the permissions matrix (http/permissions.matrix.test.ts). A case is seen by
 * relation, not by role: each in-scope probe first makes the role's session a reader of the case (the worker takes
 * it, the leader approves in its commune, any other reader is shared it), so an allowed role must succeed. Out of
 * scope is a case, referral or placement of another province. The full confidentiality matrix — who of the same
 * commune must not see a case — is cases.confidentiality.test.ts.
 */

interface Probe {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  url: string;
  body?: unknown;
}

export interface MatrixCase {
  allowed: readonly Role[];
  inScope: (role: Role) => Promise<Probe>;
  outOfScope?: (role: Role) => Promise<Probe | null>;
  outOfScopeCheck?: (response: ApiResponse) => void;
}

export interface MatrixContext {
  t: TestApp;
  sessions: Map<Role, TestClient>;
  province: SeedUnit;
  foreignProvince: SeedUnit;
  commune: SeedUnit;
  secondCommune: SeedUnit;
  village: SeedUnit;
  foreignCommune: SeedUnit;
  foreignVillage: SeedUnit;
  foreignWorker: TestClient;
}

const caseReaders: readonly Role[] = [
  'province_officer',
  'commune_worker',
  'commune_leader',
  'health_worker',
  'school_staff',
  'village_collaborator',
];
const knowOpen: readonly Role[] = [
  'commune_worker',
  'commune_leader',
  'health_worker',
  'school_staff',
  'village_collaborator',
];
const workers: readonly Role[] = ['commune_worker'];
const leaders: readonly Role[] = ['commune_leader'];
const responders: readonly Role[] = ['province_officer', 'health_worker', 'school_staff'];
const senders: readonly Role[] = ['commune_worker', 'health_worker', 'school_staff'];
const ecdReaders: readonly Role[] = [
  'province_admin',
  'province_officer',
  'commune_worker',
  'commune_leader',
  'health_worker',
  'school_staff',
  'village_collaborator',
  'viewer',
];

export function caseMatrix(get: () => MatrixContext): Record<string, MatrixCase> {
  const db = (): Kysely<DB> => get().t.db;
  const worker = () => get().sessions.get('commune_worker')!;
  const leader = () => get().sessions.get('commune_leader')!;
  const collaborator = () => get().sessions.get('village_collaborator')!;
  const userIds = new Map<Role, string>();
  const userIdOf = async (role: Role) => {
    if (!userIds.has(role))
      userIds.set(role, (await get().sessions.get(role)!.get('/api/auth/me')).body.user.id);
    return userIds.get(role)!;
  };
  const child = async (where: SeedUnit) => (await seedPerson(db(), await seedHousehold(db(), where))).id;

  /** A new report from the village, not yet taken. */
  const reported = async () => {
    const response = await collaborator().post('/api/cases', intakeFor(await child(get().village)));
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  /** A case of the commune that `role` may read (taken by the worker, shared with other readers). */
  const caseFor = async (role: Role, step?: 'awaiting_approval' | 'implementing') => {
    const id = await reported();
    expect((await worker().post(`/api/cases/${id}/take`)).status).toBe(200);
    if (step) await walkTo(id, step, { worker: worker(), approver: leader() });
    // Roles that cannot read cases at all are probed too (they must get 403): nothing to share with them.
    if (caseReaders.includes(role) && role !== 'commune_worker' && role !== 'commune_leader') {
      const shared = await worker().post(`/api/cases/${id}/shares`, {
        userId: await userIdOf(role),
        reason: 'Phối hợp',
      });
      expect(shared.status).toBe(201);
    }
    return id;
  };
  /** A case of the foreign province, taken by its worker. */
  let foreign: Promise<string> | null = null;
  let foreignCaseId = '';
  const foreignCase = () => {
    foreign ??= (async () => {
      const { foreignWorker, foreignVillage } = get();
      const response = await foreignWorker.post('/api/cases', intakeFor(await child(foreignVillage)));
      await foreignWorker.post(`/api/cases/${response.body.id}/take`);
      foreignCaseId = response.body.id as string;
      return foreignCaseId;
    })();
    return foreign;
  };
  const outside = (build: () => Promise<Probe>) => async (role: Role) =>
    role === 'system_admin' ? null : build();
  /** A list probe made after the foreign case exists, so that the check can look for it. */
  const foreignList = (url: string) =>
    outside(async () => {
      await foreignCase();
      await foreignReferralId();
      return { method: 'GET', url };
    });
  const leavesOut = (id: () => string) => (response: ApiResponse) => {
    expect(id()).not.toBe('');
    expect(response.body.items.map((i: { id: string }) => i.id)).not.toContain(id());
  };
  const leavesOutForeign = leavesOut(() => foreignCaseId);

  const referralTo = async (providerId: string, caseId?: string) => {
    const id = caseId ?? (await caseFor('commune_worker'));
    const sent = await worker().post(`/api/cases/${id}/referrals`, {
      providerId,
      serviceCode: 'medical_care',
      reason: 'Khám sức khỏe',
      urgency: 'routine',
      consentNoted: true,
    });
    expect(sent.status).toBe(201);
    return sent.body.id as string;
  };
  /** A referral `role` follows up: the worker's from a case, anyone else's for a young child of the village. */
  const referralFollowedBy = async (role: Role) => {
    const provider = await seedProvider(db(), get().commune);
    if (role === 'commune_worker' || !senders.includes(role)) return referralTo(provider.id);
    const sent = await get()
      .sessions.get(role)!
      .post(`/api/ecd/persons/${await child(get().village)}/referrals`, {
        providerId: provider.id,
        serviceCode: 'medical_care',
        reason: 'Khám lại sau sàng lọc',
        urgency: 'routine',
        consentNoted: true,
      });
    expect(sent.status).toBe(201);
    return sent.body.id as string;
  };
  const referralForResponder = async (role: Role) =>
    referralTo((await seedProvider(db(), get().commune, { memberIds: [await userIdOf(role)] })).id);
  let foreignReferral: Promise<string> | null = null;
  let foreignReferralValue = '';
  const foreignReferralId = () => {
    foreignReferral ??= (async () => {
      const provider = await seedProvider(db(), get().foreignCommune);
      const sent = await get().foreignWorker.post(`/api/cases/${await foreignCase()}/referrals`, {
        providerId: provider.id,
        serviceCode: 'medical_care',
        reason: 'x',
        urgency: 'routine',
        consentNoted: true,
      });
      foreignReferralValue = sent.body.id as string;
      return foreignReferralValue;
    })();
    return foreignReferral;
  };

  const placement = async (status: 'proposed' | 'decided' | 'placed') => {
    const proposed = await worker().post('/api/care-placements', {
      personId: await child(get().village),
      kind: 'relative',
      carerName: 'Bà ngoại',
    });
    expect(proposed.status).toBe(201);
    const id = proposed.body.id as string;
    if (status !== 'proposed')
      await leader().post(`/api/care-placements/${id}/decision`, {
        approved: true,
        decisionNumber: '1/QĐ',
        decidedOn: '2026-01-05',
      });
    if (status === 'placed')
      await worker().post(`/api/care-placements/${id}/handover`, { handedOverOn: '2026-01-10' });
    return id;
  };
  let foreignPlacement: Promise<string> | null = null;
  const foreignPlacementId = () => {
    foreignPlacement ??= (async () => {
      const proposed = await get().foreignWorker.post('/api/care-placements', {
        personId: await child(get().foreignVillage),
        kind: 'relative',
        carerName: 'Bà nội',
      });
      return proposed.body.id as string;
    })();
    return foreignPlacement;
  };
  const version = async (client: TestClient, id: string) =>
    (await client.get(`/api/cases/${id}`)).body.version;

  const settings = {
    deadlineOverrides: { plan_draft: 4 },
    extraDaysOff: ['2026-09-10'],
    extraWorkingDays: [],
  };
  return {
    'GET /api/case-settings/:provinceCode': {
      allowed: ['province_admin'],
      inScope: async () => ({ method: 'GET', url: `/api/case-settings/${get().province.code}` }),
      outOfScope: outside(async () => ({
        method: 'GET',
        url: `/api/case-settings/${get().foreignProvince.code}`,
      })),
    },
    'PUT /api/case-settings/:provinceCode': {
      allowed: ['province_admin'],
      inScope: async () => ({
        method: 'PUT',
        url: `/api/case-settings/${get().province.code}`,
        body: settings,
      }),
      outOfScope: outside(async () => ({
        method: 'PUT',
        url: `/api/case-settings/${get().foreignProvince.code}`,
        body: settings,
      })),
    },
    'POST /api/cases': {
      allowed: caseReaders,
      inScope: async () => ({
        method: 'POST',
        url: '/api/cases',
        body: intakeFor(await child(get().village)),
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: '/api/cases',
        body: intakeFor(await child(get().foreignVillage)),
      })),
    },
    'GET /api/cases': {
      allowed: caseReaders,
      inScope: async () => ({ method: 'GET', url: '/api/cases?status=all' }),
      outOfScope: foreignList('/api/cases?status=all&pageSize=200'),
      outOfScopeCheck: leavesOutForeign,
    },
    'GET /api/cases/inbox': {
      allowed: workers,
      inScope: async () => ({ method: 'GET', url: '/api/cases/inbox' }),
      outOfScope: foreignList('/api/cases/inbox?pageSize=200'),
      outOfScopeCheck: leavesOutForeign,
    },
    'GET /api/cases/approvals': {
      allowed: leaders,
      inScope: async () => ({ method: 'GET', url: '/api/cases/approvals' }),
      outOfScope: foreignList('/api/cases/approvals?pageSize=200'),
      outOfScopeCheck: leavesOutForeign,
    },
    'GET /api/cases/transfers-in': {
      allowed: workers,
      inScope: async () => ({ method: 'GET', url: '/api/cases/transfers-in' }),
      outOfScope: foreignList('/api/cases/transfers-in?pageSize=200'),
      outOfScopeCheck: leavesOutForeign,
    },
    'GET /api/cases/persons/:id': {
      allowed: knowOpen,
      inScope: async () => ({ method: 'GET', url: `/api/cases/persons/${await child(get().village)}` }),
      outOfScope: outside(async () => ({
        method: 'GET',
        url: `/api/cases/persons/${await child(get().foreignVillage)}`,
      })),
    },
    'GET /api/cases/:id': {
      allowed: caseReaders,
      inScope: async (role) => ({ method: 'GET', url: `/api/cases/${await caseFor(role)}` }),
      outOfScope: outside(async () => ({ method: 'GET', url: `/api/cases/${await foreignCase()}` })),
    },
    'GET /api/cases/:id/forms/:form': {
      allowed: caseReaders,
      inScope: async (role) => ({ method: 'GET', url: `/api/cases/${await caseFor(role)}/forms/mau01` }),
      outOfScope: outside(async () => ({
        method: 'GET',
        url: `/api/cases/${await foreignCase()}/forms/mau01`,
      })),
    },
    'GET /api/cases/:id/transfer-targets': {
      allowed: workers,
      inScope: async () => ({
        method: 'GET',
        url: `/api/cases/${await caseFor('commune_worker')}/transfer-targets`,
      }),
      outOfScope: outside(async () => ({
        method: 'GET',
        url: `/api/cases/${await foreignCase()}/transfer-targets`,
      })),
    },
    'GET /api/cases/:id/share-candidates': {
      allowed: workers,
      inScope: async () => ({
        method: 'GET',
        url: `/api/cases/${await caseFor('commune_worker')}/share-candidates`,
      }),
      outOfScope: outside(async () => ({
        method: 'GET',
        url: `/api/cases/${await foreignCase()}/share-candidates`,
      })),
    },
    'POST /api/cases/:id/take': {
      allowed: workers,
      inScope: async () => ({ method: 'POST', url: `/api/cases/${await reported()}/take` }),
      outOfScope: outside(async () => ({ method: 'POST', url: `/api/cases/${await foreignCase()}/take` })),
    },
    'POST /api/cases/:id/actions': {
      allowed: workers,
      inScope: async () => {
        const id = await caseFor('commune_worker');
        return {
          method: 'POST',
          url: `/api/cases/${id}/actions`,
          body: { version: await version(worker(), id), action: nextOnPath.received.action },
        };
      },
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/cases/${await foreignCase()}/actions`,
        body: { version: 1, action: nextOnPath.received.action },
      })),
    },
    'POST /api/cases/:id/decisions': {
      allowed: leaders,
      inScope: async () => {
        const id = await caseFor('commune_leader', 'awaiting_approval');
        return {
          method: 'POST',
          url: `/api/cases/${id}/decisions`,
          body: { version: await version(leader(), id), action: nextOnPath.awaiting_approval.action },
        };
      },
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/cases/${await foreignCase()}/decisions`,
        body: { version: 1, action: nextOnPath.awaiting_approval.action },
      })),
    },
    'POST /api/cases/:id/notes': {
      allowed: workers,
      inScope: async () => ({
        method: 'POST',
        url: `/api/cases/${await caseFor('commune_worker')}/notes`,
        body: { body: 'Ghi chú' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/cases/${await foreignCase()}/notes`,
        body: { body: 'x' },
      })),
    },
    'POST /api/cases/:id/shares': {
      allowed: workers,
      inScope: async () => ({
        method: 'POST',
        url: `/api/cases/${await caseFor('commune_worker')}/shares`,
        body: { userId: await userIdOf('health_worker'), reason: 'Phối hợp điều trị' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/cases/${await foreignCase()}/shares`,
        body: { userId: await userIdOf('health_worker'), reason: 'x' },
      })),
    },
    'POST /api/cases/:id/shares/:shareId/revoke': {
      allowed: workers,
      inScope: async () => {
        const id = await caseFor('health_worker');
        const shareId = (await worker().get(`/api/cases/${id}`)).body.shares[0].id;
        return { method: 'POST', url: `/api/cases/${id}/shares/${shareId}/revoke` };
      },
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/cases/${await foreignCase()}/shares/${await foreignCase()}/revoke`,
      })),
    },
    'POST /api/cases/:id/plan-actions/:actionId': {
      allowed: workers,
      inScope: async () => {
        const id = await caseFor('commune_worker', 'implementing');
        const actionId = (await worker().get(`/api/cases/${id}`)).body.planActions[0].id;
        return {
          method: 'POST',
          url: `/api/cases/${id}/plan-actions/${actionId}`,
          body: { status: 'done', doneOn: '2026-12-01', outcome: 'Xong' },
        };
      },
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/cases/${await foreignCase()}/plan-actions/${await foreignCase()}`,
        body: { status: 'cancelled' },
      })),
    },
    'POST /api/cases/:id/link-child': {
      allowed: workers,
      inScope: async () => {
        const response = await collaborator().post('/api/cases', {
          ...intakeFor(await child(get().village)),
          personId: null,
          child: { name: 'Cháu chưa rõ tên' },
        });
        await worker().post(`/api/cases/${response.body.id}/take`);
        return {
          method: 'POST',
          url: `/api/cases/${response.body.id}/link-child`,
          body: { personId: await child(get().village) },
        };
      },
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/cases/${await foreignCase()}/link-child`,
        body: { personId: await child(get().village) },
      })),
    },
    'POST /api/cases/:id/transfer': {
      allowed: workers,
      inScope: async () => ({
        method: 'POST',
        url: `/api/cases/${await caseFor('commune_worker')}/transfer`,
        body: { communeId: get().secondCommune.id, reason: 'Chuyển nơi ở' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/cases/${await foreignCase()}/transfer`,
        body: { communeId: get().secondCommune.id, reason: 'x' },
      })),
    },
    'POST /api/cases/:id/transfer/accept': {
      allowed: workers,
      inScope: async () => ({ method: 'POST', url: `/api/cases/${await transferred()}/transfer/accept` }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/cases/${await foreignCase()}/transfer/accept`,
      })),
    },
    'POST /api/cases/:id/transfer/decline': {
      allowed: workers,
      inScope: async () => ({
        method: 'POST',
        url: `/api/cases/${await transferred()}/transfer/decline`,
        body: { reason: 'Không cư trú' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/cases/${await foreignCase()}/transfer/decline`,
        body: { reason: 'x' },
      })),
    },

    'POST /api/cases/:id/referrals': {
      allowed: workers,
      inScope: async () => ({
        method: 'POST',
        url: `/api/cases/${await caseFor('commune_worker')}/referrals`,
        body: {
          providerId: (await seedProvider(db(), get().commune)).id,
          serviceCode: 'medical_care',
          reason: 'Khám',
          urgency: 'urgent',
          consentNoted: true,
        },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/cases/${await foreignCase()}/referrals`,
        body: {
          providerId: (await seedProvider(db(), get().commune)).id,
          serviceCode: 'medical_care',
          reason: 'x',
          urgency: 'urgent',
          consentNoted: true,
        },
      })),
    },
    'GET /api/cases/:id/referrals': {
      allowed: caseReaders,
      inScope: async (role) => ({ method: 'GET', url: `/api/cases/${await caseFor(role)}/referrals` }),
      outOfScope: outside(async () => ({
        method: 'GET',
        url: `/api/cases/${await foreignCase()}/referrals`,
      })),
    },
    'POST /api/ecd/persons/:id/referrals': {
      allowed: senders,
      inScope: async () => ({
        method: 'POST',
        url: `/api/ecd/persons/${await child(get().village)}/referrals`,
        body: {
          providerId: (await seedProvider(db(), get().commune)).id,
          serviceCode: 'medical_care',
          reason: 'Khám dinh dưỡng',
          urgency: 'routine',
          consentNoted: true,
        },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/ecd/persons/${await child(get().foreignVillage)}/referrals`,
        body: {
          providerId: (await seedProvider(db(), get().commune)).id,
          serviceCode: 'medical_care',
          reason: 'x',
          urgency: 'routine',
          consentNoted: true,
        },
      })),
    },
    'GET /api/ecd/persons/:id/referrals': {
      allowed: ecdReaders,
      inScope: async () => ({
        method: 'GET',
        url: `/api/ecd/persons/${await child(get().village)}/referrals`,
      }),
      outOfScope: outside(async () => ({
        method: 'GET',
        url: `/api/ecd/persons/${await child(get().foreignVillage)}/referrals`,
      })),
    },
    'GET /api/referrals/outgoing': {
      allowed: senders,
      inScope: async () => ({ method: 'GET', url: '/api/referrals/outgoing' }),
      outOfScope: foreignList('/api/referrals/outgoing?pageSize=200'),
      outOfScopeCheck: leavesOut(() => foreignReferralValue),
    },
    'GET /api/referrals/incoming': {
      allowed: responders,
      inScope: async () => ({ method: 'GET', url: '/api/referrals/incoming' }),
      outOfScope: foreignList('/api/referrals/incoming?pageSize=200'),
      outOfScopeCheck: leavesOut(() => foreignReferralValue),
    },
    'POST /api/referrals/:id/accept': {
      allowed: responders,
      inScope: async (role) => ({
        method: 'POST',
        url: `/api/referrals/${await referralForResponder(role)}/accept`,
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/referrals/${await foreignReferralId()}/accept`,
      })),
    },
    'POST /api/referrals/:id/decline': {
      allowed: responders,
      inScope: async (role) => ({
        method: 'POST',
        url: `/api/referrals/${await referralForResponder(role)}/decline`,
        body: { note: 'Quá tải' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/referrals/${await foreignReferralId()}/decline`,
        body: { note: 'x' },
      })),
    },
    'POST /api/referrals/:id/complete': {
      allowed: responders,
      inScope: async (role) => {
        const id = await referralForResponder(role);
        await db().updateTable('referral').set({ status: 'accepted' }).where('id', '=', id).execute();
        return { method: 'POST', url: `/api/referrals/${id}/complete`, body: { outcome: 'Đã khám' } };
      },
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/referrals/${await foreignReferralId()}/complete`,
        body: { outcome: 'x' },
      })),
    },
    'POST /api/referrals/:id/record-answer': {
      allowed: senders,
      inScope: async (role) => ({
        method: 'POST',
        url: `/api/referrals/${await referralFollowedBy(role)}/record-answer`,
        body: { status: 'accepted', answeredOn: '2026-12-01' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/referrals/${await foreignReferralId()}/record-answer`,
        body: { status: 'accepted', answeredOn: '2026-12-01' },
      })),
    },
    'POST /api/referrals/:id/cancel': {
      allowed: senders,
      inScope: async (role) => ({
        method: 'POST',
        url: `/api/referrals/${await referralFollowedBy(role)}/cancel`,
        body: { reason: 'Không cần nữa' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/referrals/${await foreignReferralId()}/cancel`,
        body: { reason: 'x' },
      })),
    },
    'GET /api/referrals/:id/letter': {
      allowed: senders,
      inScope: async (role) => ({
        method: 'GET',
        url: `/api/referrals/${await referralFollowedBy(role)}/letter`,
      }),
      outOfScope: outside(async () => ({
        method: 'GET',
        url: `/api/referrals/${await foreignReferralId()}/letter`,
      })),
    },

    'POST /api/care-placements': {
      allowed: workers,
      inScope: async () => ({
        method: 'POST',
        url: '/api/care-placements',
        body: { personId: await child(get().village), kind: 'relative', carerName: 'Bà ngoại' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: '/api/care-placements',
        body: { personId: await child(get().foreignVillage), kind: 'relative', carerName: 'Bà ngoại' },
      })),
    },
    'GET /api/care-placements/persons/:id': {
      allowed: caseReaders,
      inScope: async () => ({
        method: 'GET',
        url: `/api/care-placements/persons/${await child(get().village)}`,
      }),
      outOfScope: outside(async () => ({
        method: 'GET',
        url: `/api/care-placements/persons/${await child(get().foreignVillage)}`,
      })),
    },
    'POST /api/care-placements/:id/decision': {
      allowed: leaders,
      inScope: async () => ({
        method: 'POST',
        url: `/api/care-placements/${await placement('proposed')}/decision`,
        body: { approved: true, decisionNumber: '2/QĐ-UBND', decidedOn: '2026-02-02' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/care-placements/${await foreignPlacementId()}/decision`,
        body: { approved: false, reason: 'x' },
      })),
    },
    'POST /api/care-placements/:id/handover': {
      allowed: workers,
      inScope: async () => ({
        method: 'POST',
        url: `/api/care-placements/${await placement('decided')}/handover`,
        body: { handedOverOn: '2026-01-20' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/care-placements/${await foreignPlacementId()}/handover`,
        body: { handedOverOn: '2026-01-20' },
      })),
    },
    'POST /api/care-placements/:id/visits': {
      allowed: workers,
      inScope: async () => ({
        method: 'POST',
        url: `/api/care-placements/${await placement('placed')}/visits`,
        body: { visitedOn: '2026-03-01', wellbeing: 'good', findings: 'Ổn định' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/care-placements/${await foreignPlacementId()}/visits`,
        body: { visitedOn: '2026-03-01', wellbeing: 'good', findings: 'x' },
      })),
    },
    'POST /api/care-placements/:id/terminate': {
      allowed: workers,
      inScope: async () => ({
        method: 'POST',
        url: `/api/care-placements/${await placement('placed')}/terminate`,
        body: { terminatedOn: '2026-06-01', reason: 'Về với mẹ' },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/care-placements/${await foreignPlacementId()}/terminate`,
        body: { terminatedOn: '2026-06-01', reason: 'x' },
      })),
    },
  };

  /** A case of the commune taken by another worker and sent to the second commune, which the session covers. */
  async function transferred(): Promise<string> {
    const { t, commune } = get();
    const other = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
    const client = t.client();
    await client.login(other.username, other.password);
    const id = await reported();
    await client.post(`/api/cases/${id}/take`);
    await act(client, id, nextOnPath.received.action);
    expect(
      (
        await client.post(`/api/cases/${id}/transfer`, {
          communeId: get().secondCommune.id,
          reason: 'Chuyển nhà',
        })
      ).status,
    ).toBe(200);
    return id;
  }
}
