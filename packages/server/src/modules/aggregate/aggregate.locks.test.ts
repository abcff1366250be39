import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../audit/audit.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';
import { isPeriodLocked, lockPeriod } from './locks.ts';

let t: TestApp;
let province: SeedUnit;
let communeA: SeedUnit;
let communeB: SeedUnit;
let villageA: SeedUnit;
let foreignCommune: SeedUnit;
let leaderA: TestClient;
let provinceAdmin: TestClient;
let school: TestClient;
let worker: TestClient;
let healthOfficer: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db, { name: 'Lào Cai' });
  communeA = await seedCommune(t.db, province, { name: 'Bảo Hà' });
  communeB = await seedCommune(t.db, province, { name: 'Phong Hải' });
  villageA = await seedVillage(t.db, communeA);
  foreignCommune = await seedCommune(t.db, await seedProvince(t.db));
  leaderA = await signedIn(t, 'commune_leader', [communeA]);
  provinceAdmin = await signedIn(t, 'province_admin', [province]);
  school = await signedIn(t, 'school_staff', [communeA, communeB]);
  worker = await signedIn(t, 'commune_worker', [communeA]);
  const officer = await seedUser(t.db, { role: 'province_officer', sector: 'health', scope: [province] });
  healthOfficer = t.client();
  await healthOfficer.login(officer.username, officer.password);
});
afterAll(() => t.close());

const lock = (client: TestClient, unit: SeedUnit, period: string, body: object = {}) =>
  client.post(`/api/aggregate/units/${unit.id}/locks`, { period, ...body });
const unlock = (client: TestClient, unit: SeedUnit, period: string, body: object = {}) =>
  client.post(`/api/aggregate/units/${unit.id}/unlock`, { period, ...body });
const put = (client: TestClient, unit: SeedUnit, period: string, code: string, body: object) =>
  client.put(`/api/aggregate/units/${unit.id}/entry`, { period, indicatorCode: code, ...body });
const readForm = (client: TestClient, unit: SeedUnit, period: string) =>
  client.get(`/api/aggregate/units/${unit.id}/entries?period=${period}`);
const schools = (numerator: number) => ({ numerator, denominator: 20 });

const count = async (table: 'aggregate_value' | 'audit_event' | 'period_lock') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const lockEvents = (entityId: string) =>
  t.db
    .selectFrom('audit_event')
    .select(['action', 'org_path', 'before', 'after', 'reason'])
    .where('entity_type', '=', 'period_lock')
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();

describe('a commune’s lock', () => {
  test('refuses entries after it, shows on the form, is audited; unlocking with a reason allows them again', async () => {
    expect((await put(school, communeA, '2025', 'NPA-07', schools(10))).status).toBe(200);
    const locked = await lock(leaderA, communeA, '2025', {
      reason: 'Báo cáo năm 2025 đã được phê duyệt',
    });
    expect(locked.status, JSON.stringify(locked.body)).toBe(201);
    expect(locked.body).toMatchObject({
      unit: { id: communeA.id, level: 'commune' },
      period: '2025',
      reason: 'Báo cáo năm 2025 đã được phê duyệt',
      unlockedAt: null,
    });
    expect((await lockEvents(locked.body.id))[0]).toMatchObject({
      action: 'aggregate.locked',
      org_path: communeA.path,
      after: { unitId: communeA.id, period: '2025' },
      reason: 'Báo cáo năm 2025 đã được phê duyệt',
    });

    const values = await count('aggregate_value');
    const audit = await count('audit_event');
    const refused = await put(school, communeA, '2025', 'NPA-07', schools(11));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PERIOD_LOCKED');
    const refusedBatch = await school.put(`/api/aggregate/units/${communeA.id}/entries`, {
      period: '2025',
      entries: [{ indicatorCode: 'NPA-19', numerator: 1, denominator: 20 }],
    });
    expect(refusedBatch.status).toBe(409);
    expect(await count('aggregate_value')).toBe(values);
    expect(await count('audit_event')).toBe(audit);

    const form = await readForm(school, communeA, '2025');
    expect(form.body.locked).toBe(true);
    expect(form.body.locks).toMatchObject([{ id: locked.body.id }]);
    expect(form.body.rows.every((row: { editable: boolean }) => !row.editable)).toBe(true);
    // Another commune stays open.
    expect((await put(school, communeB, '2025', 'NPA-07', schools(10))).status).toBe(200);

    // The year's lock leaves its halves open (ECD-TRAINED is entered every six months).
    const half = await put(worker, communeA, '2025H1', 'ECD-TRAINED', { numerator: 120 });
    expect(half.status, JSON.stringify(half.body)).toBe(200);

    const twice = await lock(leaderA, communeA, '2025', {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('PERIOD_LOCKED');

    const noReason = await unlock(leaderA, communeA, '2025', {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('VALIDATION_FAILED');

    const unlocked = await unlock(leaderA, communeA, '2025', {
      reason: 'Trường THCS báo cáo bổ sung số liệu',
    });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({
      id: locked.body.id,
      unlockReason: 'Trường THCS báo cáo bổ sung số liệu',
    });
    expect(unlocked.body.unlockedAt).not.toBeNull();
    expect((await lockEvents(locked.body.id))[1]).toMatchObject({
      action: 'aggregate.unlocked',
      org_path: communeA.path,
      before: { unitId: communeA.id, period: '2025' },
      reason: 'Trường THCS báo cáo bổ sung số liệu',
    });
    const again = await put(school, communeA, '2025', 'NPA-07', schools(11));
    expect(again.status).toBe(200);
    expect(again.body.entry).toMatchObject({ numerator: 11, version: 2 });

    const notLocked = await unlock(leaderA, communeA, '2025', { reason: 'Lần nữa' });
    expect(notLocked.status).toBe(409);
    expect(notLocked.body.error.code).toBe('PERIOD_NOT_LOCKED');
  });

  test('a half year’s lock leaves the year open', async () => {
    expect((await lock(leaderA, communeA, '2026H1', {})).status).toBe(201);
    expect((await put(worker, communeA, '2026H1', 'ECD-TRAINED', { numerator: 80 })).status).toBe(409);
    expect((await put(worker, communeA, '2026', 'ECD-TRAINED', { numerator: 80 })).status).toBe(200);
  });

  test('holds for the commune’s villages', async () => {
    expect((await lock(leaderA, communeA, '2027', {})).status).toBe(201);
    expect(await isPeriodLocked(t.db, villageA.path, '2027')).toBe(true);
    expect(await isPeriodLocked(t.db, communeA.path, '2027')).toBe(true);
    expect(await isPeriodLocked(t.db, communeB.path, '2027')).toBe(false);
    expect(await isPeriodLocked(t.db, province.path, '2027')).toBe(false);
    expect(await isPeriodLocked(t.db, villageA.path, '2027H2')).toBe(false);
  });

  test('a village is not locked on its own', async () => {
    const response = await lock(provinceAdmin, villageA, '2025', {});
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('AGGREGATE_WRONG_LEVEL');
  });
});

describe('a province’s lock', () => {
  test('holds for every unit inside the province; a commune leader cannot lift it', async () => {
    const locked = await lock(provinceAdmin, province, '2024', { reason: 'Báo cáo tỉnh đã duyệt' });
    expect(locked.status).toBe(201);

    const inCommune = await put(school, communeB, '2024', 'NPA-07', schools(5));
    expect(inCommune.status).toBe(409);
    expect(inCommune.body.error.code).toBe('PERIOD_LOCKED');
    const atProvince = await put(healthOfficer, province, '2024', 'NPA-06', {
      numerator: 1,
      denominator: 40,
    });
    expect(atProvince.status).toBe(409);

    const form = await readForm(school, communeB, '2024');
    expect(form.body).toMatchObject({ locked: true, locks: [{ unit: { id: province.id } }] });

    // The commune has no lock of its own, and the province is outside the leader's scope.
    const own = await unlock(leaderA, communeA, '2024', { reason: 'Sai sót' });
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('PERIOD_NOT_LOCKED');
    const above = await unlock(leaderA, province, '2024', { reason: 'Sai sót' });
    expect(above.status).toBe(404);

    const locks = await leaderA.get(`/api/aggregate/units/${communeA.id}/locks`);
    expect(locks.status).toBe(200);
    expect(
      locks.body.items.map((l: { unit: { id: string }; period: string }) => [l.unit.id, l.period]),
    ).toContainEqual([province.id, '2024']);

    expect((await unlock(provinceAdmin, province, '2024', { reason: 'Bổ sung số liệu' })).status).toBe(200);
    expect((await put(school, communeB, '2024', 'NPA-07', schools(5))).status).toBe(200);
  });

  test('a province admin locks any commune of the province; a commune leader no other commune', async () => {
    expect((await lock(provinceAdmin, communeB, '2023', {})).status).toBe(201);
    expect((await lock(leaderA, communeB, '2022', {})).status).toBe(404);
    expect((await lock(leaderA, province, '2022', {})).status).toBe(404);
    expect((await lock(provinceAdmin, foreignCommune, '2022', {})).status).toBe(404);
  });
});

describe('the reporting capability’s lock', () => {
  test('lockPeriod runs in the caller’s transaction: rolled back with it, committed with it', async () => {
    const operator = {
      db: t.db,
      scope: { userId: '', role: 'province_admin' as const, sector: null, paths: [province.path] },
      actor: systemActor('reporting'),
      userId: null,
    };
    const locks = await count('period_lock');
    await expect(
      inTransaction(t.db, async (trx) => {
        await lockPeriod(trx, operator, communeA.id, '2028', 'Báo cáo đã duyệt');
        throw new Error('the approval failed');
      }),
    ).rejects.toThrow('the approval failed');
    expect(await count('period_lock')).toBe(locks);
    expect(await isPeriodLocked(t.db, communeA.path, '2028')).toBe(false);

    const lock = await inTransaction(t.db, (trx) =>
      lockPeriod(trx, operator, communeA.id, '2028', 'Báo cáo đã duyệt'),
    );
    expect(lock).toMatchObject({ lockedBy: null, reason: 'Báo cáo đã duyệt', period: '2028' });
    expect(await isPeriodLocked(t.db, communeA.path, '2028')).toBe(true);
    expect((await lockEvents(lock.id))[0]).toMatchObject({ action: 'aggregate.locked' });
  });
});
