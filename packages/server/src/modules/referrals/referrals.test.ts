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
import { seedProvider, type SeedProvider } from '../../testing/providerFactories.ts';
import { seedHousehold, seedPerson, type SeedHousehold } from '../../testing/registerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let household: SeedHousehold;
let collaborator: TestClient;
let worker: TestClient;
let leader: TestClient;
let stationStaff: TestClient;
let otherStaff: TestClient;
let station: SeedProvider;
let legalAid: SeedProvider;
let foreignProvider: SeedProvider;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  const village = await seedVillage(t.db, commune);
  household = await seedHousehold(t.db, village);
  collaborator = await signedIn(t, 'village_collaborator', [village]);
  worker = await signedIn(t, 'commune_worker', [commune]);
  leader = await signedIn(t, 'commune_leader', [commune]);
  const staff = await signedInWithSector(t, 'health_worker', [commune], null);
  stationStaff = staff.client;
  otherStaff = await signedIn(t, 'health_worker', [commune]);
  // The commune's health station acts in treem; the province's legal aid centre has no account.
  station = await seedProvider(t.db, commune, {
    name: 'Trạm Y tế xã',
    services: ['medical_care', 'psychological_support'],
    memberIds: [staff.userId],
  });
  legalAid = await seedProvider(t.db, province, {
    name: 'Trung tâm Trợ giúp pháp lý tỉnh',
    sector: 'justice_legal_aid',
    services: ['legal_aid'],
  });
  const elsewhere = await seedProvince(t.db);
  foreignProvider = await seedProvider(t.db, elsewhere, { services: ['legal_aid'] });
});
afterAll(() => t.close());

async function openCase(): Promise<string> {
  const child = await seedPerson(t.db, household, { birthDate: '2016-02-29', sex: 'male' });
  const { body } = await collaborator.post('/api/cases', intakeFor(child.id));
  await worker.post(`/api/cases/${body.id}/take`);
  await walkTo(body.id, 'implementing', { worker, approver: leader });
  return body.id;
}

const referral = (providerId: string, serviceCode: string) => ({
  providerId,
  serviceCode,
  reason: 'Cần tư vấn pháp lý cho mẹ cháu về quyền nuôi con',
  urgency: 'urgent',
  consentNoted: true,
  consentNote: 'Mẹ cháu đồng ý',
});

describe('a provider with an account', () => {
  test('receives the referral, accepts it and reports the outcome; the case shows each step', async () => {
    const caseId = await openCase();
    const sent = await worker.post(
      `/api/cases/${caseId}/referrals`,
      referral(station.id, 'psychological_support'),
    );
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'sent', provider: { name: 'Trạm Y tế xã', hasAccount: true } });
    // The province's response time: 2 working days, so at least 2 calendar days away.
    expect(Date.parse(sent.body.responseDueAt) - Date.now()).toBeGreaterThan(2 * 86_400_000 - 60_000);

    const incoming = await stationStaff.get('/api/referrals/incoming');
    expect(incoming.body.items.map((r: { id: string }) => r.id)).toEqual([sent.body.id]);
    // The provider's staff see the referral, never the case itself.
    expect((await stationStaff.get(`/api/cases/${caseId}`)).status).toBe(404);
    // Staff of the same station who are not its members in treem see nothing.
    expect((await otherStaff.get('/api/referrals/incoming')).body.items).toEqual([]);
    expect((await otherStaff.post(`/api/referrals/${sent.body.id}/accept`, {})).status).toBe(404);

    const completedEarly = await stationStaff.post(`/api/referrals/${sent.body.id}/complete`, {
      outcome: 'x',
    });
    expect(completedEarly.status).toBe(409);
    expect(completedEarly.body.error.code).toBe('REFERRAL_STATE_CONFLICT');

    const accepted = await stationStaff.post(`/api/referrals/${sent.body.id}/accept`, {
      note: 'Hẹn thứ Hai',
    });
    expect(accepted.body).toMatchObject({ status: 'accepted', responseNote: 'Hẹn thứ Hai' });
    const completed = await stationStaff.post(`/api/referrals/${sent.body.id}/complete`, {
      outcome: 'Đã tư vấn tâm lý 3 buổi, cháu ngủ tốt hơn',
    });
    expect(completed.body).toMatchObject({
      status: 'completed',
      outcome: 'Đã tư vấn tâm lý 3 buổi, cháu ngủ tốt hơn',
    });

    const ofCase = await worker.get(`/api/cases/${caseId}/referrals`);
    expect(ofCase.body.items).toHaveLength(1);
    const events = (await worker.get(`/api/cases/${caseId}`)).body.events.map(
      (e: { kind: string }) => e.kind,
    );
    expect(events.slice(-3)).toEqual(['referral_sent', 'referral_accepted', 'referral_completed']);
  });
});

describe('a provider without an account', () => {
  test('gets a letter; the worker records its answer and outcome; overdue answers are listed', async () => {
    const caseId = await openCase();
    const sent = await worker.post(`/api/cases/${caseId}/referrals`, referral(legalAid.id, 'legal_aid'));
    expect(sent.body.provider.hasAccount).toBe(false);

    const pdf = await worker.get(`/api/referrals/${sent.body.id}/letter?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await worker.get(`/api/referrals/${sent.body.id}/letter?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Only the case's worker prints the letter.
    expect((await leader.get(`/api/referrals/${sent.body.id}/letter`)).status).toBe(403);

    // Make the answer overdue: the awaiting list names it.
    await t.db
      .updateTable('referral')
      .set({ response_due_at: new Date(Date.now() - 3_600_000) })
      .where('id', '=', sent.body.id)
      .execute();
    const awaiting = await worker.get('/api/referrals/outgoing?overdue=true');
    expect(awaiting.body.items.map((r: { id: string }) => r.id)).toContain(sent.body.id);
    expect(awaiting.body.items.find((r: { id: string }) => r.id === sent.body.id).awaitingOverdue).toBe(true);

    const noOutcome = await worker.post(`/api/referrals/${sent.body.id}/record-answer`, {
      status: 'completed',
      answeredOn: '2026-12-01',
    });
    expect(noOutcome.status).toBe(400);
    const recorded = await worker.post(`/api/referrals/${sent.body.id}/record-answer`, {
      status: 'completed',
      answeredOn: '2026-12-01',
      note: 'Trung tâm gọi điện xác nhận',
      outcome: 'Luật sư đã tư vấn cho mẹ cháu',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      status: 'completed',
      respondedByName: null,
      outcome: 'Luật sư đã tư vấn cho mẹ cháu',
    });
    const after = await worker.get('/api/referrals/outgoing?overdue=true');
    expect(after.body.items.map((r: { id: string }) => r.id)).not.toContain(sent.body.id);
  });
});

describe('refusals', () => {
  test('a service the provider does not offer, a provider of another province, a reader who is not the worker', async () => {
    const caseId = await openCase();
    const before = await tableCounts(t.db);
    const notOffered = await worker.post(`/api/cases/${caseId}/referrals`, referral(station.id, 'legal_aid'));
    expect(notOffered.status).toBe(400);
    expect(notOffered.body.error.issues[0].code).toBe('service_not_offered');
    expect(
      (await worker.post(`/api/cases/${caseId}/referrals`, referral(foreignProvider.id, 'legal_aid'))).status,
    ).toBe(404);
    const byLeader = await leader.post(
      `/api/cases/${caseId}/referrals`,
      referral(station.id, 'medical_care'),
    );
    expect(byLeader.status).toBe(403);
    expect(await tableCounts(t.db)).toEqual(before);

    const sent = await worker.post(`/api/cases/${caseId}/referrals`, referral(station.id, 'medical_care'));
    const cancelled = await worker.post(`/api/referrals/${sent.body.id}/cancel`, {
      reason: 'Gia đình tự đưa đi khám',
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await stationStaff.post(`/api/referrals/${sent.body.id}/accept`, {})).body.error.code).toBe(
      'REFERRAL_STATE_CONFLICT',
    );
  });
});

describe('a referral for a young child’s need, outside any case', () => {
  test('the health worker sends it, follows it up and prints its letter; the child’s readers see it; no case is made', async () => {
    const child = await seedPerson(t.db, household, { birthDate: '2023-05-10', sex: 'female' });
    const before = await t.db
      .selectFrom('protection_case')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const sent = await otherStaff.post(`/api/ecd/persons/${child.id}/referrals`, {
      providerId: legalAid.id,
      serviceCode: 'legal_aid',
      reason: 'Mẹ cháu cần hỗ trợ làm giấy khai sinh muộn',
      urgency: 'routine',
      consentNoted: true,
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      caseId: null,
      caseNumber: null,
      personId: child.id,
      childName: child.fullName,
    });
    const listed = await leader.get(`/api/ecd/persons/${child.id}/referrals`);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([sent.body.id]);
    expect(
      (await otherStaff.get('/api/referrals/outgoing')).body.items.map((r: { id: string }) => r.id),
    ).toContain(sent.body.id);
    const letter = await otherStaff.get(`/api/referrals/${sent.body.id}/letter`);
    expect(letter.status).toBe(200);
    expect(letter.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Only the sender follows it up.
    expect((await worker.get(`/api/referrals/${sent.body.id}/letter`)).status).toBe(404);
    const done = await otherStaff.post(`/api/referrals/${sent.body.id}/record-answer`, {
      status: 'completed',
      answeredOn: '2026-12-02',
      outcome: 'Đã được hướng dẫn thủ tục',
    });
    expect(done.body.status).toBe('completed');
    const after = await t.db
      .selectFrom('protection_case')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
