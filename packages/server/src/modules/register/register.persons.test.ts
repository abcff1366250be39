import { addYears, todayInVietnam } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import {
  seedCommune,
  seedProvince,
  seedUser,
  seedVillage,
  tableCounts,
  type SeedUnit,
} from '../../testing/factories.ts';
import { seedHousehold, seedPerson, type SeedHousehold } from '../../testing/registerFactories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';
import { archiveAgedOut } from './merge.service.ts';

let t: TestApp;
let province: SeedUnit;
let commune: SeedUnit;
let village: SeedUnit;
let secondVillage: SeedUnit;
let otherCommune: SeedUnit;
let otherCommuneVillage: SeedUnit;
let foreignVillage: SeedUnit;
let household: SeedHousehold;
let worker: TestClient;
let collaborator: TestClient;
let leader: TestClient;

const child = (overrides: Record<string, unknown> = {}) => ({
  householdId: household.id,
  fullName: 'Nguyễn Thị Hằng',
  sex: 'female',
  birthDate: '2018-03-15',
  personalId: '001318012345',
  ethnicityCode: '01',
  relationshipToHead: 'child',
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  otherCommune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune, { name: 'Hòa Bình' });
  secondVillage = await seedVillage(t.db, commune, { name: 'Đông Sơn' });
  otherCommuneVillage = await seedVillage(t.db, otherCommune);
  const foreignProvince = await seedProvince(t.db);
  foreignVillage = await seedVillage(t.db, await seedCommune(t.db, foreignProvince));
  household = await seedHousehold(t.db, village, { bookNumber: '12' });
  const login = async (role: Parameters<typeof seedUser>[1]['role'], scope: SeedUnit[]) => {
    const user = await seedUser(t.db, { role, scope });
    const client = t.client();
    await client.login(user.username, user.password);
    return client;
  };
  worker = await login('commune_worker', [commune]);
  collaborator = await login('village_collaborator', [village]);
  leader = await login('commune_leader', [commune]);
});
afterAll(() => t.close());

describe('create a person', () => {
  test('a collaborator registers a child in a household of their village; audited; the detail is complete', async () => {
    const response = await collaborator.post('/api/register/persons', child());
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      fullName: 'Nguyễn Thị Hằng',
      sex: 'female',
      birthDate: '2018-03-15',
      householdId: household.id,
      villageId: village.id,
      villageName: 'Hòa Bình',
      status: 'active',
      isChild: true,
      personalIdProblems: [],
      circumstances: [],
    });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'org_path'])
      .where('entity_id', '=', response.body.id)
      .execute();
    expect(audit).toEqual([{ action: 'register.person_created', org_path: village.path }]);
  });

  test('names are stored in NFC with single spaces', async () => {
    const response = await worker.post(
      '/api/register/persons',
      child({
        fullName: '  Trần   Văn  Đức '.normalize('NFD'),
        sex: 'male',
        personalId: null,
        birthDate: '2019-01-02',
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body.fullName).toBe('Trần Văn Đức');
  });

  test('a month-only date of birth is stored as the 1st and flagged; a mid-month one is refused', async () => {
    const ok = await worker.post(
      '/api/register/persons',
      child({
        fullName: 'Lê Minh Khôi',
        sex: 'male',
        personalId: null,
        birthDate: '2017-06-01',
        birthDatePrecision: 'month',
      }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.birthDatePrecision).toBe('month');
    const bad = await worker.post(
      '/api/register/persons',
      child({
        fullName: 'Lê Minh Khang',
        sex: 'male',
        personalId: null,
        birthDate: '2017-06-12',
        birthDatePrecision: 'month',
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('INVALID_PERSON_FACTS');
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['body.birthDatePrecision']);
  });

  test.each([
    ['a date of birth in the future', { birthDate: addYears(todayInVietnam(), 1) }, 'birth_date_in_future'],
    ['a personal ID whose sex digit says male', { personalId: '001218012345' }, 'personal_id_sex_mismatch'],
    [
      'a personal ID with another birth year',
      { personalId: '001317012345' },
      'personal_id_birth_year_mismatch',
    ],
    ['a personal ID with an unknown province', { personalId: '003318012345' }, 'personal_id_province'],
    [
      'a birth registered before the birth',
      { birthRegistered: true, birthRegistrationDate: '2018-01-01' },
      'birth_registration_before_birth',
    ],
  ])('%s is refused with INVALID_PERSON_FACTS and nothing is written', async (_label, overrides, code) => {
    const before = await tableCounts(t.db);
    const response = await worker.post(
      '/api/register/persons',
      child({ fullName: 'Phạm Thu Trang', personalId: null, ...overrides }),
    );
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('INVALID_PERSON_FACTS');
    expect(response.body.error.issues.map((i: { code: string }) => i.code)).toContain(code);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test('malformed fields are refused by the contract (VALIDATION_FAILED)', async () => {
    for (const overrides of [
      { sex: 'x' },
      { personalId: '12345' },
      { birthDate: '15/03/2018' },
      { ethnicityCode: '99' },
      { fullName: '   ' },
    ]) {
      const response = await worker.post('/api/register/persons', child(overrides));
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  test('a record needs a household or a village', async () => {
    const response = await worker.post(
      '/api/register/persons',
      child({ householdId: null, personalId: null }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toBe('body.householdId');
  });

  test('a village outside the caller’s scope is not found', async () => {
    const response = await collaborator.post(
      '/api/register/persons',
      child({ householdId: null, villageId: secondVillage.id, personalId: null, fullName: 'Vũ An' }),
    );
    expect(response.status).toBe(404);
  });
});

describe('duplicates on create', () => {
  test('the same personal ID is refused outright, even when confirmed', async () => {
    const response = await worker.post(
      '/api/register/persons',
      child({ fullName: 'Nguyễn Hằng', confirmNotDuplicate: true }),
    );
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('POSSIBLE_DUPLICATE');
    expect(response.body.error.details.sameIdentity).toBe(true);
  });

  test('the same name without tones and the same birth date in the commune → candidates; confirming creates', async () => {
    const draft = child({
      fullName: 'NGUYEN THI HANG',
      personalId: null,
      householdId: null,
      villageId: secondVillage.id,
    });
    const warned = await worker.post('/api/register/persons', draft);
    expect(warned.status).toBe(409);
    expect(warned.body.error.details.candidates).toHaveLength(1);
    expect(warned.body.error.details.candidates[0]).toMatchObject({
      person: { fullName: 'Nguyễn Thị Hằng' },
      reasons: ['same_name_and_birth_date'],
    });
    const check = await worker.post('/api/register/duplicates/check', {
      villageId: secondVillage.id,
      fullName: 'Nguyễn Thị Hằng',
      birthDate: '2018-03-15',
    });
    expect(check.status).toBe(200);
    expect(check.body.items).toHaveLength(1);
    const confirmed = await worker.post('/api/register/persons', { ...draft, confirmNotDuplicate: true });
    expect(confirmed.status).toBe(201);
  });

  test('a similar name with the same mother and birth date is a candidate; a different birth date is not', async () => {
    const mother = await seedPerson(t.db, household, { fullName: 'Đỗ Thị Lan', birthDate: '1990-01-01' });
    await seedPerson(t.db, household, {
      fullName: 'Hoàng Văn Quân',
      birthDate: '2020-02-02',
      motherId: mother.id,
      sex: 'male',
    });
    const similar = await worker.post(
      '/api/register/persons',
      child({
        fullName: 'Hoàng Văn Quang',
        sex: 'male',
        birthDate: '2020-02-02',
        personalId: null,
        motherId: mother.id,
      }),
    );
    expect(similar.status).toBe(409);
    expect(similar.body.error.details.candidates[0].reasons).toEqual(['similar_name_same_mother']);
    const sibling = await worker.post(
      '/api/register/persons',
      child({
        fullName: 'Hoàng Văn Quang',
        sex: 'male',
        birthDate: '2022-07-07',
        personalId: null,
        motherId: mother.id,
      }),
    );
    expect(sibling.status).toBe(201);
  });

  test('a mother link must be a woman in the register', async () => {
    const man = await seedPerson(t.db, household, {
      fullName: 'Hoàng Văn Hải',
      birthDate: '1988-01-01',
      sex: 'male',
    });
    const response = await worker.post(
      '/api/register/persons',
      child({ fullName: 'Hoàng Bảo Ngọc', personalId: null, birthDate: '2021-01-01', motherId: man.id }),
    );
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('INVALID_REFERENCE');
    expect(response.body.error.issues[0]).toMatchObject({ path: 'body.motherId', code: 'mother_not_female' });
  });
});

describe('search and filters', () => {
  test('scoped list: the collaborator sees their village, the worker the commune, nobody sees other provinces', async () => {
    await seedPerson(t.db, secondVillage, { fullName: 'Trịnh Thị Mai', birthDate: '2016-09-09' });
    await seedPerson(t.db, otherCommuneVillage, { fullName: 'Trịnh Thị Mai', birthDate: '2016-09-09' });
    await seedPerson(t.db, foreignVillage, { fullName: 'Trịnh Thị Mai', birthDate: '2016-09-09' });
    const byCollaborator = await collaborator.get('/api/register/persons?search=trinh thi mai');
    expect(byCollaborator.body.total).toBe(0);
    const byWorker = await worker.get('/api/register/persons?search=trinh thi mai');
    expect(byWorker.body.items.map((p: { villageId: string }) => p.villageId)).toEqual([secondVillage.id]);
    // The province officer's search reads the province's words: both communes, not the other province.
    const officer = await seedUser(t.db, { role: 'province_officer', scope: [province] });
    const byOfficer = t.client();
    await byOfficer.login(officer.username, officer.password);
    const found = await byOfficer.get('/api/register/persons?search=Trịnh Thị M');
    expect(found.body.items.map((p: { villageId: string }) => p.villageId).sort()).toEqual(
      [secondVillage.id, otherCommuneVillage.id].sort(),
    );
    // Narrowed to a commune through the filter, the commune's words.
    const inOther = await byOfficer.get(
      `/api/register/persons?search=trinh thi mai&orgUnitId=${otherCommune.id}`,
    );
    expect(inOther.body.items.map((p: { villageId: string }) => p.villageId)).toEqual([
      otherCommuneVillage.id,
    ]);
  });

  test('a household’s members: listed in scope, in name order with their village and commune; none out of scope', async () => {
    const own = await seedHousehold(t.db, secondVillage, { bookNumber: '31' });
    await seedPerson(t.db, own, { fullName: 'Phan Văn Bình', birthDate: '2017-02-02' });
    await seedPerson(t.db, own, { fullName: 'Phan Thị An', birthDate: '2019-03-03' });
    const members = await worker.get(`/api/register/persons?householdId=${own.id}&kind=all`);
    expect(members.status).toBe(200);
    expect(members.body.total).toBe(2);
    expect(members.body.items).toMatchObject([
      {
        fullName: 'Phan Thị An',
        householdId: own.id,
        villageName: 'Đông Sơn',
        communeName: `Xã ${commune.name}`,
      },
      { fullName: 'Phan Văn Bình', householdId: own.id, villageName: 'Đông Sơn' },
    ]);
    // The collaborator of another village of the same commune, the worker of another commune: no members.
    expect(
      (await collaborator.get(`/api/register/persons?householdId=${own.id}&kind=all`)).body,
    ).toMatchObject({
      items: [],
      total: 0,
    });
    const elsewhere = await seedHousehold(t.db, otherCommuneVillage, { bookNumber: '7' });
    await seedPerson(t.db, elsewhere, { fullName: 'Lò Văn Sáng', birthDate: '2018-04-04' });
    expect(
      (await worker.get(`/api/register/persons?householdId=${elsewhere.id}&kind=all`)).body,
    ).toMatchObject({
      items: [],
      total: 0,
    });
  });

  test('filters: age range, sex, missing ID, village, kind', async () => {
    const all = await worker.get(`/api/register/persons?orgUnitId=${village.id}&pageSize=200`);
    expect(all.status).toBe(200);
    expect(
      all.body.items.every(
        (p: { villageId: string; age: number }) => p.villageId === village.id && p.age < 16,
      ),
    ).toBe(true);
    const adults = await worker.get(`/api/register/persons?orgUnitId=${village.id}&kind=adult`);
    expect(adults.body.items.map((p: { fullName: string }) => p.fullName).sort()).toEqual([
      'Hoàng Văn Hải',
      'Đỗ Thị Lan',
    ]);
    const boys = await worker.get(`/api/register/persons?orgUnitId=${village.id}&sex=male&ageFrom=5&ageTo=9`);
    for (const p of boys.body.items) {
      expect(p.sex).toBe('male');
      expect(p.age).toBeGreaterThanOrEqual(5);
      expect(p.age).toBeLessThanOrEqual(9);
    }
    const names = boys.body.items.map((p: { fullName: string }) => p.fullName);
    expect(names).toContain('Trần Văn Đức');
    const withId = await worker.get('/api/register/persons?personalId=001318');
    expect(withId.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Thị Hằng']);
    const missing = await worker.get('/api/register/persons?missingPersonalId=true&pageSize=200');
    expect(missing.body.items.some((p: { personalId: string | null }) => p.personalId !== null)).toBe(false);
  });

  test('sorting by birth date descending and paging are stable', async () => {
    const page1 = await worker.get('/api/register/persons?sort=birthDate&order=desc&pageSize=2');
    const page2 = await worker.get('/api/register/persons?sort=birthDate&order=desc&pageSize=2&page=2');
    const dates = [...page1.body.items, ...page2.body.items].map((p: { birthDate: string }) => p.birthDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page1.body.total).toBe(page2.body.total);
    const ids = new Set([...page1.body.items, ...page2.body.items].map((p: { id: string }) => p.id));
    expect(ids.size).toBe(4);
  });
});

describe('changes to a record', () => {
  let personId: string;
  beforeAll(async () => {
    const created = await worker.post(
      '/api/register/persons',
      child({ fullName: 'Bùi Gia Huy', sex: 'male', birthDate: '2015-11-11', personalId: '001215000111' }),
    );
    expect(created.status).toBe(201);
    personId = created.body.id;
  });

  test('edit keeps the audit of what changed', async () => {
    const detail = (await worker.get(`/api/register/persons/${personId}`)).body;
    const response = await worker.put(`/api/register/persons/${personId}`, {
      fullName: detail.fullName,
      sex: detail.sex,
      birthDate: detail.birthDate,
      personalId: detail.personalId,
      relationshipToHead: detail.relationshipToHead,
      schoolName: 'Trường THCS Hòa Bình',
      schoolLevel: 'lower_secondary',
      hasHealthInsurance: true,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ schoolName: 'Trường THCS Hòa Bình', hasHealthInsurance: true });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('entity_id', '=', personId)
      .where('action', '=', 'register.person_updated')
      .executeTakeFirstOrThrow();
    expect(Object.keys(audit.after as object).sort()).toEqual([
      'has_health_insurance',
      'school_level',
      'school_name',
    ]);
  });

  test('a circumstance is assigned with a sub-group, shows as current, then ends with a reason', async () => {
    const assigned = await worker.post(`/api/register/persons/${personId}/circumstances`, {
      groupCode: 'a',
      subGroupCode: 'a3',
      validFrom: '2024-05-01',
      evidence: 'Giấy chứng tử của cha và mẹ',
    });
    expect(assigned.status).toBe(201);
    expect(assigned.body.circumstances).toEqual([{ groupCode: 'a', subGroupCode: 'a3' }]);
    const again = await worker.post(`/api/register/persons/${personId}/circumstances`, {
      groupCode: 'a',
      validFrom: '2024-06-01',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CIRCUMSTANCE_ALREADY_OPEN');
    const wrongSub = await worker.post(`/api/register/persons/${personId}/circumstances`, {
      groupCode: 'b',
      subGroupCode: 'a1',
      validFrom: '2024-06-01',
    });
    expect(wrongSub.status).toBe(422);
    expect(wrongSub.body.error.code).toBe('SUB_GROUP_UNKNOWN');
    const listed = await worker.get('/api/register/persons?circumstance=a');
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([personId]);
    const assignmentId = assigned.body.circumstanceHistory[0].id;
    const ended = await worker.post(`/api/register/circumstances/${assignmentId}/end`, {
      validTo: '2025-01-01',
      reason: 'Được nhận làm con nuôi',
    });
    expect(ended.status).toBe(200);
    expect(ended.body.circumstances).toEqual([]);
    expect(ended.body.circumstanceHistory[0]).toMatchObject({
      validTo: '2025-01-01',
      endReason: 'Được nhận làm con nuôi',
    });
    const endedTwice = await worker.post(`/api/register/circumstances/${assignmentId}/end`, {
      validTo: '2025-01-02',
      reason: 'x',
    });
    expect(endedTwice.body.error.code).toBe('ASSIGNMENT_ALREADY_ENDED');
    expect((await worker.get('/api/register/persons?circumstance=a')).body.total).toBe(0);
  });

  test('at-risk flags come from the province catalogue', async () => {
    const catalogue = await worker.get('/api/register/flag-types');
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.items.map((f: { code: string }) => f.code)).toContain('parents_away');
    const flagged = await collaborator.post(`/api/register/persons/${personId}/flags`, {
      flagCode: 'parents_away',
      validFrom: '2025-03-01',
    });
    expect(flagged.status).toBe(201);
    expect(flagged.body.flagCodes).toEqual(['parents_away']);
    expect(flagged.body.flagHistory[0].flagName).toMatch(/Cha mẹ đi làm ăn xa/);
    const unknown = await collaborator.post(`/api/register/persons/${personId}/flags`, {
      flagCode: 'no_such_flag',
      validFrom: '2025-03-01',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('FLAG_TYPE_UNKNOWN');
    expect((await worker.get('/api/register/persons?flag=parents_away')).body.items[0].id).toBe(personId);
  });

  test('a move dated before birth or in the future is refused and changes nothing', async () => {
    const before = await tableCounts(t.db);
    for (const moveDate of ['2015-01-01', addYears(todayInVietnam(), 1)]) {
      const response = await worker.post(`/api/register/persons/${personId}/move`, {
        toVillageId: secondVillage.id,
        moveDate,
        reason: 'Thử',
      });
      expect(response.status).toBe(400);
      expect(response.body.error.issues[0]).toMatchObject({ path: 'body.moveDate', code: 'out_of_range' });
    }
    const out = await worker.post(`/api/register/persons/${personId}/move-out`, {
      moveDate: addYears(todayInVietnam(), 1),
      destination: 'Bình Dương',
    });
    expect(out.status).toBe(400);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test('a move to another village of the commune follows the child, with its history', async () => {
    const moved = await worker.post(`/api/register/persons/${personId}/move`, {
      toVillageId: secondVillage.id,
      moveDate: '2025-08-01',
      reason: 'Về ở với bà ngoại',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      villageId: secondVillage.id,
      householdId: null,
      flagCodes: ['parents_away'],
    });
    const flagRow = await t.db
      .selectFrom('at_risk_flag')
      .select('org_path')
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(flagRow.org_path).toBe(secondVillage.path);
    // The collaborator of the first village no longer sees the child.
    expect((await collaborator.get(`/api/register/persons/${personId}`)).status).toBe(404);
    const history = await worker.get(`/api/register/persons/${personId}/history`);
    expect(history.body.items.map((h: { kind: string }) => h.kind)).toEqual([
      'created',
      'updated',
      'circumstance_assigned',
      'circumstance_ended',
      'flag_assigned',
      'moved',
    ]);
  });

  test('a death closes open assignments; the record is kept, no longer active', async () => {
    const died = await worker.post(`/api/register/persons/${personId}/death`, {
      deathDate: '2025-09-01',
      cause: 'accident_drowning',
    });
    expect(died.status).toBe(200);
    expect(died.body).toMatchObject({
      status: 'deceased',
      deathDate: '2025-09-01',
      deathCause: 'accident_drowning',
    });
    expect(died.body.flagHistory[0]).toMatchObject({ validTo: '2025-09-01', endReason: 'Đã mất' });
    const edit = await worker.put(`/api/register/persons/${personId}`, {
      fullName: 'Bùi Gia Huy',
      sex: 'male',
      birthDate: '2015-11-11',
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('RECORD_NOT_ACTIVE');
    expect((await worker.get(`/api/register/persons?search=bui gia huy`)).body.total).toBe(0);
    expect(
      (await worker.get(`/api/register/persons?search=bui gia huy&includeInactive=true`)).body.total,
    ).toBe(1);
  });

  test('a commune leader reads but cannot write', async () => {
    expect((await leader.get(`/api/register/persons/${personId}`)).status).toBe(200);
    const write = await leader.post('/api/register/persons', child({ fullName: 'X', personalId: null }));
    expect(write.status).toBe(403);
  });
});

describe('archive at 16', () => {
  test('children who reached 16 are archived; adults recorded as adults stay', async () => {
    const sixteen = addYears(todayInVietnam(), -16);
    const grownChild = await seedPerson(t.db, household, {
      fullName: 'Đinh Văn Lớn',
      birthDate: sixteen,
      createdAt: new Date('2015-01-01T00:00:00Z'),
    });
    const parent = await seedPerson(t.db, household, { fullName: 'Đinh Văn Bố', birthDate: '1985-01-01' });
    const stillChild = await seedPerson(t.db, household, {
      fullName: 'Đinh Văn Nhỏ',
      birthDate: addYears(sixteen, 0).replace(
        /-(\d\d)$/,
        (_m, d: string) => `-${String(Math.min(Number(d) + 1, 28)).padStart(2, '0')}`,
      ),
      createdAt: new Date('2015-01-01T00:00:00Z'),
    });
    const archived = await archiveAgedOut(t.db);
    expect(archived).toBeGreaterThanOrEqual(1);
    const event = await t.db
      .selectFrom('audit_event')
      .select(['after', 'actor_username'])
      .where('action', '=', 'register.person_archived')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_username: 'register-housekeeping', after: { archived } });
    expect(await archiveAgedOut(t.db)).toBe(0);
    const statuses = await t.db
      .selectFrom('person')
      .select(['id', 'status'])
      .where('id', 'in', [grownChild.id, parent.id, stillChild.id])
      .execute();
    const byId = Object.fromEntries(statuses.map((s) => [s.id, s.status]));
    expect(byId[grownChild.id]).toBe('archived');
    expect(byId[parent.id]).toBe('active');
    expect(byId[stillChild.id]).toBe('active');
  });
});
