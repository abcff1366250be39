import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { act, intakeFor, nextOnPath, ratings, walkTo } from '../../testing/caseFactories.ts';
import {
  seedCommune,
  seedProvince,
  seedVillage,
  tableCounts,
  type SeedUnit,
} from '../../testing/factories.ts';
import { seedHousehold, seedPerson, type SeedHousehold } from '../../testing/registerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let commune: SeedUnit;
let otherCommune: SeedUnit;
let village: SeedUnit;
let otherVillage: SeedUnit;
let household: SeedHousehold;
let collaborator: TestClient;
let worker: TestClient;
let secondWorker: TestClient;
let leader: TestClient;
let receivingWorker: TestClient;
let health: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  otherCommune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  otherVillage = await seedVillage(t.db, commune);
  household = await seedHousehold(t.db, village);
  collaborator = await signedIn(t, 'village_collaborator', [village]);
  worker = await signedIn(t, 'commune_worker', [commune]);
  secondWorker = await signedIn(t, 'commune_worker', [commune]);
  leader = await signedIn(t, 'commune_leader', [commune]);
  receivingWorker = await signedIn(t, 'commune_worker', [otherCommune]);
  health = await signedIn(t, 'health_worker', [commune]);
});
afterAll(() => t.close());

const child = () => seedPerson(t.db, household, { birthDate: '2018-04-02', sex: 'female' });

async function reportAndTake(): Promise<string> {
  const girl = await child();
  const reported = await collaborator.post('/api/cases', intakeFor(girl.id));
  expect(reported.status).toBe(201);
  expect((await worker.post(`/api/cases/${reported.body.id}/take`)).status).toBe(200);
  return reported.body.id;
}

describe('intake', () => {
  test('a collaborator reports a child of their village; it reaches the commune inbox, not the reporter', async () => {
    const girl = await child();
    const reported = await collaborator.post('/api/cases', intakeFor(girl.id));
    expect(reported.status).toBe(201);
    expect(reported.body.caseNumber).toMatch(/^BV-\d{4}-\d{5}$/);

    const inbox = await worker.get('/api/cases/inbox');
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(reported.body.id);
    const item = inbox.body.items.find((i: { id: string }) => i.id === reported.body.id);
    expect(item).toMatchObject({ step: 'received', childName: girl.fullName, dueKind: 'initial_assessment' });
    // The 12-hour clock of the initial assessment runs from the report.
    const dueInHours = (Date.parse(item.dueAt) - Date.now()) / 3_600_000;
    expect(dueInHours).toBeGreaterThan(11.9);
    expect(dueInHours).toBeLessThanOrEqual(12);

    // The reporter is not one of the case's workers.
    expect((await collaborator.get(`/api/cases/${reported.body.id}`)).status).toBe(404);
  });

  test('a child known only by name is reported to the collaborator’s own commune', async () => {
    const reported = await collaborator.post('/api/cases', {
      ...intakeFor('00000000-0000-4000-8000-000000000000'),
      personId: null,
      child: { name: 'Cháu Hoa (chưa rõ họ)', sex: 'female', birthYear: 2016, address: 'Chợ xã' },
      source: 'neighbour',
      reporter: { anonymous: true },
    });
    expect(reported.status).toBe(201);
    const seen = await worker.get(`/api/cases/${reported.body.id}`);
    expect(seen.body.commune.id).toBe(commune.id);
    expect(seen.body.child).toMatchObject({ personId: null, name: 'Cháu Hoa (chưa rõ họ)', birthYear: 2016 });
    expect(seen.body.intake.reporter).toEqual({ anonymous: true, name: null, phone: null, relation: null });
  });

  test('bad reports are refused and write nothing', async () => {
    const girl = await child();
    const elsewhere = await seedPerson(t.db, await seedHousehold(t.db, otherVillage), {
      birthDate: '2019-01-01',
    });
    const before = await tableCounts(t.db);
    const anonymousWithName = await collaborator.post('/api/cases', {
      ...intakeFor(girl.id),
      reporter: { anonymous: true, name: 'Ai đó' },
    });
    expect(anonymousWithName.status).toBe(400);
    expect(anonymousWithName.body.error.issues[0].message).toBe('anonymous_reporter_named');
    const neither = await collaborator.post('/api/cases', { ...intakeFor(girl.id), personId: null });
    expect(neither.status).toBe(400);
    const noConcern = await collaborator.post('/api/cases', { ...intakeFor(girl.id), concernTypes: [] });
    expect(noConcern.status).toBe(400);
    const future = await collaborator.post('/api/cases', {
      ...intakeFor(girl.id),
      receivedAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.issues[0].path).toBe('body.receivedAt');
    // A child of another village is outside the collaborator's scope: as if it did not exist.
    expect((await collaborator.post('/api/cases', intakeFor(elsewhere.id))).status).toBe(404);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe('the inbox and taking a case', () => {
  test('once a worker takes a report, the commune’s other workers no longer see it', async () => {
    const girl = await child();
    const { body } = await collaborator.post('/api/cases', intakeFor(girl.id));
    expect((await secondWorker.get(`/api/cases/${body.id}`)).body.relation).toBe('inbox');
    expect((await worker.post(`/api/cases/${body.id}/take`)).status).toBe(200);
    expect((await secondWorker.get(`/api/cases/${body.id}`)).status).toBe(404);
    expect((await secondWorker.post(`/api/cases/${body.id}/take`)).status).toBe(404);
    const inbox = await secondWorker.get('/api/cases/inbox');
    expect(inbox.body.items.map((i: { id: string }) => i.id)).not.toContain(body.id);
    const mine = await worker.get('/api/cases');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(body.id);
  });
});

describe('the statutory path', () => {
  test('urgent: the 12-hour clock, the plan, the leader’s approval, the review and the closure', async () => {
    const id = await reportAndTake();
    const initial = await act(worker, id, nextOnPath.received.action);
    expect(initial.step).toBe('emergency');
    expect(initial.riskLevel).toBe('high');
    expect(initial.due.kind).toBe('urgent_intervention');
    expect(Date.parse(initial.due.at) - Date.parse(initial.intake.receivedAt)).toBe(12 * 3_600_000);
    expect(initial.availableActions).toEqual(['record_emergency']);

    await walkTo(id, 'awaiting_approval', { worker, approver: leader });
    const waiting = await leader.get(`/api/cases/${id}`);
    expect(waiting.body.relation).toBe('approver');
    expect(waiting.body.availableActions).toEqual(['approve_plan', 'return_plan']);
    expect(waiting.body.due.kind).toBe('plan_approval');
    expect(waiting.body.planActions.map((a: { description: string }) => a.description)).toEqual([
      'Khám sức khỏe',
      'Tư vấn tâm lý 4 buổi',
    ]);
    const queue = await leader.get('/api/cases/approvals');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);

    // The worker cannot approve their own plan; the leader cannot do the casework.
    const selfApproval = await worker.post(`/api/cases/${id}/actions`, {
      version: waiting.body.version,
      action: nextOnPath.awaiting_approval.action,
    });
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.error.code).toBe('CASE_ACTOR_NOT_ALLOWED');
    // Nor through the leader's door: deciding needs the leader's permission.
    const viaDecisions = await worker.post(`/api/cases/${id}/decisions`, {
      version: waiting.body.version,
      action: nextOnPath.awaiting_approval.action,
    });
    expect(viaDecisions.status).toBe(403);
    expect(viaDecisions.body.error.code).toBe('FORBIDDEN');
    // The leader cannot do the worker's casework either.
    const leaderAssesses = await leader.post(`/api/cases/${id}/decisions`, {
      version: waiting.body.version,
      action: nextOnPath.planning.action,
    });
    expect(leaderAssesses.status).toBe(403);
    expect(leaderAssesses.body.error.code).toBe('CASE_ACTOR_NOT_ALLOWED');

    const approved = await act(leader, id, nextOnPath.awaiting_approval.action);
    expect(approved.step).toBe('implementing');
    // The review date the plan set is the deadline of implementation.
    expect(approved.due).toMatchObject({ kind: 'review', at: '2027-03-01T16:59:59.999Z' });

    const done = await worker.post(`/api/cases/${id}/plan-actions/${approved.planActions[0].id}`, {
      status: 'done',
      doneOn: '2026-12-05',
      outcome: 'Sức khỏe bình thường',
    });
    expect(done.status).toBe(200);

    await walkTo(id, 'closed', { worker, approver: leader });
    const closed = await worker.get(`/api/cases/${id}`);
    expect(closed.body).toMatchObject({ step: 'closed', closeReason: 'no_longer_at_risk', due: null });
    expect(closed.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'reported',
      'taken',
      'action:assess_initial',
      'action:record_emergency',
      'action:assess_specific',
      'action:submit_plan',
      'action:approve_plan',
      'plan_action_updated',
      'action:review',
      'action:close',
    ]);
    expect(closed.body.planActions[0]).toMatchObject({ status: 'done', doneOn: '2026-12-05' });

    const reopened = await act(worker, id, { type: 'reopen', reason: 'Tái diễn bạo lực' });
    expect(reopened).toMatchObject({ step: 'received', closedAt: null, closeReason: null });
  });

  test('a stale form, an action out of step and an incomplete form are refused without change', async () => {
    const id = await reportAndTake();
    const current = await worker.get(`/api/cases/${id}`);
    const outOfStep = await worker.post(`/api/cases/${id}/actions`, {
      version: current.body.version,
      action: nextOnPath.assessing.action,
    });
    expect(outOfStep.status).toBe(409);
    expect(outOfStep.body.error.code).toBe('CASE_STEP_CONFLICT');

    const incomplete = await worker.post(`/api/cases/${id}/actions`, {
      version: current.body.version,
      action: { type: 'assess_initial', verified: true, urgent: false, findings: 'Đúng sự việc' },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.issues[0]).toMatchObject({
      path: 'body.action.ratings',
      code: 'ratings_required',
    });

    const stale = await worker.post(`/api/cases/${id}/actions`, {
      version: current.body.version - 1 || 99,
      action: { type: 'assess_initial', verified: true, urgent: false, ratings, findings: 'Đúng sự việc' },
    });
    expect(stale.status).toBe(409);
    const after = await worker.get(`/api/cases/${id}`);
    expect(after.body).toMatchObject({ step: 'received', version: current.body.version });
  });

  test('a report found untrue closes at the initial assessment', async () => {
    const id = await reportAndTake();
    const closed = await act(worker, id, {
      type: 'assess_initial',
      verified: false,
      urgent: false,
      findings: 'Đã xác minh: không có sự việc',
    });
    expect(closed).toMatchObject({ step: 'closed', closeReason: 'not_verified' });
  });
});

describe('notes and shares', () => {
  test('extra-confidential notes are for the workers alone; a share lets a health worker read, until revoked', async () => {
    const id = await reportAndTake();
    expect(
      (await worker.post(`/api/cases/${id}/notes`, { body: 'Chi tiết sự việc', extraConfidential: true }))
        .status,
    ).toBe(201);
    expect((await worker.post(`/api/cases/${id}/notes`, { body: 'Đã gọi điện cho mẹ' })).status).toBe(201);
    const asWorker = await worker.get(`/api/cases/${id}`);
    expect(asWorker.body.notes.map((n: { body: string }) => n.body)).toEqual([
      'Chi tiết sự việc',
      'Đã gọi điện cho mẹ',
    ]);
    const asLeader = await leader.get(`/api/cases/${id}`);
    expect(asLeader.body.notes.map((n: { body: string | null }) => n.body)).toEqual([
      null,
      'Đã gọi điện cho mẹ',
    ]);

    expect((await health.get(`/api/cases/${id}`)).status).toBe(404);
    const healthUser = await health.get('/api/auth/me');
    const shared = await worker.post(`/api/cases/${id}/shares`, {
      userId: healthUser.body.user.id,
      reason: 'Trạm y tế theo dõi vết thương',
    });
    expect(shared.status).toBe(201);
    const asHealth = await health.get(`/api/cases/${id}`);
    expect(asHealth.status).toBe(200);
    expect(asHealth.body).toMatchObject({ relation: 'shared', availableActions: [], shares: [] });
    // The reporter's identity stays with the workers and the leader.
    expect(asHealth.body.intake.reporter).toBeNull();
    expect(asHealth.body.notes.map((n: { body: string | null }) => n.body)).toEqual([
      null,
      'Đã gọi điện cho mẹ',
    ]);
    // A shared reader cannot act.
    expect((await health.post(`/api/cases/${id}/notes`, { body: 'x' })).status).toBe(403);

    const shareId = (await worker.get(`/api/cases/${id}`)).body.shares[0].id;
    expect((await worker.post(`/api/cases/${id}/shares/${shareId}/revoke`)).status).toBe(200);
    expect((await health.get(`/api/cases/${id}`)).status).toBe(404);
  });

  test('the child’s profile tells a health worker only that there is an open case', async () => {
    const girl = await child();
    const { body } = await collaborator.post('/api/cases', intakeFor(girl.id));
    await worker.post(`/api/cases/${body.id}/take`);
    const forHealth = await health.get(`/api/cases/persons/${girl.id}`);
    expect(forHealth.body).toEqual({ hasOpenCase: true, cases: [] });
    const forWorker = await worker.get(`/api/cases/persons/${girl.id}`);
    expect(forWorker.body.hasOpenCase).toBe(true);
    expect(forWorker.body.cases.map((c: { id: string }) => c.id)).toEqual([body.id]);
    const quiet = await child();
    expect((await health.get(`/api/cases/persons/${quiet.id}`)).body).toEqual({
      hasOpenCase: false,
      cases: [],
    });
  });
});

describe('transfer to another commune', () => {
  test('the receiving worker accepts; the history travels and the sending worker loses access', async () => {
    const id = await reportAndTake();
    await act(worker, id, {
      ...nextOnPath.received.action,
      urgent: false,
    } as typeof nextOnPath.received.action);
    const requested = await worker.post(`/api/cases/${id}/transfer`, {
      communeId: otherCommune.id,
      reason: 'Gia đình chuyển về xã bên',
    });
    expect(requested.status).toBe(200);
    // While the transfer waits, the case does not move.
    const blocked = await worker.post(`/api/cases/${id}/actions`, {
      version: (await worker.get(`/api/cases/${id}`)).body.version,
      action: nextOnPath.assessing.action,
    });
    expect(blocked.body.error.code).toBe('CASE_TRANSFER_PENDING');
    const incoming = await receivingWorker.get('/api/cases/transfers-in');
    expect(incoming.body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    expect((await receivingWorker.post(`/api/cases/${id}/transfer/accept`, {})).status).toBe(200);
    const moved = await receivingWorker.get(`/api/cases/${id}`);
    expect(moved.body).toMatchObject({ relation: 'worker', step: 'assessing', transfer: null });
    expect(moved.body.commune.id).toBe(otherCommune.id);
    expect(moved.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'reported',
      'taken',
      'action:assess_initial',
      'transfer_requested',
      'transfer_accepted',
    ]);
    expect((await worker.get(`/api/cases/${id}`)).status).toBe(404);
    // The sending commune's leader no longer approves it either.
    expect((await leader.get(`/api/cases/${id}`)).status).toBe(404);
  });

  test('a transfer can be declined, and only by the receiving commune', async () => {
    const id = await reportAndTake();
    await worker.post(`/api/cases/${id}/transfer`, { communeId: otherCommune.id, reason: 'Chuyển nhà' });
    expect((await secondWorker.post(`/api/cases/${id}/transfer/decline`, { reason: 'x' })).status).toBe(404);
    const declined = await receivingWorker.post(`/api/cases/${id}/transfer/decline`, {
      reason: 'Gia đình không cư trú tại xã',
    });
    expect(declined.status).toBe(200);
    expect((await worker.get(`/api/cases/${id}`)).body.transfer).toBeNull();
    expect((await receivingWorker.get(`/api/cases/${id}`)).status).toBe(404);
  });
});

describe('pickers for the worker', () => {
  test('transfer targets are the province’s other communes; share candidates are its case readers not yet in', async () => {
    const id = await reportAndTake();
    const targets = await worker.get(`/api/cases/${id}/transfer-targets`);
    const targetIds = targets.body.items.map((c: { id: string }) => c.id);
    expect(targetIds).toContain(otherCommune.id);
    expect(targetIds).not.toContain(commune.id);
    const healthId = (await health.get('/api/auth/me')).body.user.id;
    const workerId = (await worker.get('/api/auth/me')).body.user.id;
    const candidates = await worker.get(`/api/cases/${id}/share-candidates`);
    const candidateIds = candidates.body.items.map((u: { id: string }) => u.id);
    expect(candidateIds).toContain(healthId);
    expect(candidateIds).not.toContain(workerId);
    await worker.post(`/api/cases/${id}/shares`, { userId: healthId, reason: 'Theo dõi sức khỏe' });
    const after = await worker.get(`/api/cases/${id}/share-candidates`);
    expect(after.body.items.map((u: { id: string }) => u.id)).not.toContain(healthId);
    // Only the case's worker uses them.
    expect((await secondWorker.get(`/api/cases/${id}/transfer-targets`)).status).toBe(404);
  });
});
