import type { CaseAction, CaseIntake, CaseStep, Role, Sector } from '@treem/shared';
import { expect } from 'vitest';
import type { TestClient } from './client.ts';
import { seedUser, type SeedUnit } from './factories.ts';
import type { TestApp } from './testApp.ts';

/** A client signed in as a new user, with a sector when the role has one (a province officer). */
export async function signedInWithSector(
  t: TestApp,
  role: Role,
  scope: SeedUnit[],
  sector: Sector | null,
): Promise<{ client: TestClient; userId: string }> {
  const user = await seedUser(t.db, { role, scope, sector });
  const client = t.client();
  await client.login(user.username, user.password);
  return { client, userId: user.id };
}

export function intakeFor(personId: string, overrides: Partial<CaseIntake> = {}): CaseIntake {
  return {
    personId,
    channel: 'phone',
    source: 'village_collaborator',
    reporter: { anonymous: false, name: 'Lò Văn Tám', phone: '0912345678', relation: 'Cộng tác viên thôn' },
    concernTypes: ['violence'],
    description: 'Cháu bị bố đánh, có vết bầm ở tay, hàng xóm nghe tiếng khóc nhiều đêm.',
    occurredOn: null,
    occurredPlace: 'Tại nhà',
    ...overrides,
  };
}

export const ratings = {
  harm_severity: 'high',
  perpetrator_access: 'high',
  care_environment: 'medium',
  self_protection: 'low',
} as const;

/** The actions that carry a case one step further along the statutory path, by the step they start from. */
export const nextOnPath: Record<
  Exclude<CaseStep, 'closed'>,
  { action: CaseAction; by: 'worker' | 'approver' }
> = {
  received: {
    by: 'worker',
    action: {
      type: 'assess_initial',
      verified: true,
      urgent: true,
      ratings,
      findings: 'Xác minh tại nhà: đúng sự việc',
    },
  },
  emergency: {
    by: 'worker',
    action: {
      type: 'record_emergency',
      measures: 'Đưa cháu sang nhà bà ngoại, công an xã làm việc với người bố',
      separated: true,
      intervenedAt: new Date().toISOString(),
    },
  },
  assessing: {
    by: 'worker',
    action: {
      type: 'assess_specific',
      needs: 'Khám sức khỏe, hỗ trợ tâm lý, tư vấn cho gia đình',
      meetingOn: '2026-12-01',
      meetingParticipants: 'Cán bộ xã, trạm y tế, mẹ cháu',
      conclusions: 'Cần kế hoạch hỗ trợ 3 tháng',
    },
  },
  planning: {
    by: 'worker',
    action: {
      type: 'submit_plan',
      goals: [{ text: 'Cháu được an toàn, không bị bạo lực' }],
      actions: [
        { description: 'Khám sức khỏe', responsible: 'Trạm y tế xã', dueOn: '2027-01-10', serviceCode: null },
        { description: 'Tư vấn tâm lý 4 buổi', responsible: 'Trung tâm CTXH tỉnh', dueOn: '2027-02-01' },
      ],
      reviewOn: '2027-03-01',
    },
  },
  awaiting_approval: {
    by: 'approver',
    action: { type: 'approve_plan', decisionNumber: '15/QĐ-UBND', decidedOn: '2026-12-05' },
  },
  implementing: {
    by: 'worker',
    action: {
      type: 'review',
      ratings: {
        harm_severity: 'low',
        perpetrator_access: 'low',
        care_environment: 'low',
        self_protection: 'medium',
      },
      conclusion: 'propose_close',
      findings: 'Cháu ổn định, gia đình hợp tác',
    },
  },
  closure_proposed: { by: 'approver', action: { type: 'close', reason: 'no_longer_at_risk' } },
};

/** Takes one action as `client`, expecting success, and returns the case after it. */
export async function act(client: TestClient, caseId: string, action: CaseAction) {
  const current = await client.get(`/api/cases/${caseId}`);
  expect(current.status).toBe(200);
  // The worker acts through /actions, the leader decides through /decisions.
  const path = current.body.relation === 'approver' ? 'decisions' : 'actions';
  const response = await client.post(`/api/cases/${caseId}/${path}`, {
    version: current.body.version,
    action,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** Walks a taken case along the statutory path until it reaches `target`. */
export async function walkTo(
  caseId: string,
  target: CaseStep,
  clients: { worker: TestClient; approver: TestClient },
): Promise<void> {
  for (let guard = 0; guard < 10; guard += 1) {
    const current = await clients.worker.get(`/api/cases/${caseId}`);
    const step = current.body.step as CaseStep;
    if (step === target) return;
    if (step === 'closed') throw new Error(`the case closed before reaching ${target}`);
    const next = nextOnPath[step];
    await act(clients[next.by], caseId, next.action);
  }
  throw new Error(`did not reach ${target}`);
}
