import { ecdDomainCodes, type EcdDomainCode } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedUser, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { seedProvider } from '../../testing/providerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';
import { referralNetworkCoverage } from './coverage.ts';

/*
 * A province of four communes, worked out by hand (h = health, e = education, n = nutrition, c = care,
 * p = protection, w = social welfare):
 *
 *   provider                      covers            services → domains           counted for
 *   1 Bệnh viện tỉnh              province, An Phú  medical, psychological → h p  every commune (An Phú once)
 *   2 Trung tâm CTXH tỉnh         province          case mgmt, shelter, allowance → p w   every commune
 *   3 Trạm Y tế An Phú            An Phú            medical, nutrition → h n     An Phú
 *   4 Mầm non An Phú              An Phú            preschool → e                An Phú
 *   5 Hội Phụ nữ An Phú           An Phú            parenting → c                An Phú
 *   6 Trạm Y tế Bình Minh         Bình Minh         medical, nutrition → h n     Bình Minh
 *   7 Nhóm cha mẹ (inactive)      Bình Minh         parenting, preschool → c e   nobody: not active
 *   8 Điểm tư vấn thôn            a village of Cát Tiên   parenting, preschool   nobody: a village is not the commune
 *   9 Trung tâm học tập           Cát Tiên          education support, counselling → e c   Cát Tiên
 *  10 another province's centre   that province     everything                   nobody here
 *
 *              h  e  n  c  p  w   all six
 *   An Phú     2  1  1  1  2  1   yes
 *   Bình Minh  2  0  1  0  2  1   no
 *   Cát Tiên   1  1  0  1  2  1   no
 *   Đông Hòa   1  0  0  0  2  1   no          → 1 of 4 communes fully covered: 0.25
 */
const expected: Record<string, [number, number, number, number, number, number]> = {
  'An Phú': [2, 1, 1, 1, 2, 1],
  'Bình Minh': [2, 0, 1, 0, 2, 1],
  'Cát Tiên': [1, 1, 0, 1, 2, 1],
  'Đông Hòa': [1, 0, 0, 0, 2, 1],
};

let t: TestApp;
let province: SeedUnit;
let anPhu: SeedUnit;
let binhMinh: SeedUnit;
let villageAnPhu: SeedUnit;
let provinceAdmin: TestClient;
let workerAnPhu: TestClient;
let collaboratorAnPhu: TestClient;
let preschoolAnPhu: string;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db);
  anPhu = await seedCommune(t.db, province, { name: 'An Phú' });
  binhMinh = await seedCommune(t.db, province, { name: 'Bình Minh' });
  const catTien = await seedCommune(t.db, province, { name: 'Cát Tiên' });
  // Seeded out of order: the answer is sorted by name.
  await seedCommune(t.db, province, { name: 'Đông Hòa' });
  villageAnPhu = await seedVillage(t.db, anPhu);
  const villageCatTien = await seedVillage(t.db, catTien);
  const closed = await seedCommune(t.db, province, { name: 'Đã Giải Thể' });
  await t.db.updateTable('org_unit').set({ valid_to: '2025-12-31' }).where('id', '=', closed.id).execute();

  await seedProvider(t.db, province, {
    coverage: [province, anPhu],
    services: ['medical_care', 'psychological_support'],
  });
  await seedProvider(t.db, province, {
    services: ['case_management', 'emergency_shelter', 'social_allowance'],
  });
  await seedProvider(t.db, anPhu, { services: ['medical_care', 'nutrition_support'] });
  preschoolAnPhu = (await seedProvider(t.db, anPhu, { services: ['preschool_education'] })).id;
  await seedProvider(t.db, anPhu, { services: ['parenting_support'] });
  await seedProvider(t.db, binhMinh, { services: ['medical_care', 'nutrition_support'] });
  await seedProvider(t.db, binhMinh, {
    services: ['parenting_support', 'preschool_education'],
    active: false,
  });
  await seedProvider(t.db, catTien, {
    coverage: [villageCatTien],
    services: ['parenting_support', 'preschool_education'],
  });
  await seedProvider(t.db, catTien, { services: ['education_support', 'counselling'] });
  const otherProvince = await seedProvince(t.db);
  await seedProvider(t.db, otherProvince, {
    services: ['medical_care', 'preschool_education', 'nutrition_support', 'parenting_support', 'legal_aid'],
  });

  provinceAdmin = await signedIn(t, 'province_admin', [province]);
  workerAnPhu = await signedIn(t, 'commune_worker', [anPhu]);
  collaboratorAnPhu = await signedIn(t, 'village_collaborator', [villageAnPhu]);
});
afterAll(() => t.close());

type Answer = {
  communes: {
    commune: { name: string };
    domains: { domain: EcdDomainCode; providers: number; covered: boolean }[];
    fullyCovered: boolean;
  }[];
  communeCount: number;
  fullyCoveredCount: number;
  fullyCoveredShare: number | null;
};

const table = (answer: Answer) =>
  Object.fromEntries(answer.communes.map((c) => [c.commune.name, c.domains.map((d) => d.providers)]));

describe('referral network coverage', () => {
  test('counts, per commune and domain, the active providers covering the commune or the province', async () => {
    const response = await provinceAdmin.get(`/api/providers/coverage?unitId=${province.id}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const answer = response.body as Answer;
    expect(answer.communes.map((c) => c.commune.name)).toEqual([
      'An Phú',
      'Bình Minh',
      'Cát Tiên',
      'Đông Hòa',
    ]);
    expect(table(answer)).toEqual(expected);
    for (const commune of answer.communes) {
      expect(commune.domains.map((d) => d.domain)).toEqual([...ecdDomainCodes]);
      for (const domain of commune.domains) expect(domain.covered).toBe(domain.providers > 0);
    }
    expect(answer.communes.map((c) => c.fullyCovered)).toEqual([true, false, false, false]);
    expect(answer).toMatchObject({ communeCount: 4, fullyCoveredCount: 1, fullyCoveredShare: 0.25 });
  });

  test('a commune answers for itself, and a village for its commune', async () => {
    const commune = await workerAnPhu.get(`/api/providers/coverage?unitId=${binhMinh.id}`);
    expect(commune.status).toBe(404);
    const own = (await workerAnPhu.get(`/api/providers/coverage?unitId=${anPhu.id}`)).body as Answer;
    expect(table(own)).toEqual({ 'An Phú': expected['An Phú'] });
    expect(own).toMatchObject({ communeCount: 1, fullyCoveredCount: 1, fullyCoveredShare: 1 });
    const village = (await collaboratorAnPhu.get(`/api/providers/coverage?unitId=${villageAnPhu.id}`))
      .body as Answer;
    expect(table(village)).toEqual({ 'An Phú': expected['An Phú'] });
    expect((await collaboratorAnPhu.get(`/api/providers/coverage?unitId=${anPhu.id}`)).status).toBe(404);
  });

  test('a provider leaving the network lowers the coverage at once', async () => {
    const off = await workerAnPhu.post(`/api/providers/${preschoolAnPhu}/deactivate`, {
      reason: 'Trường sáp nhập',
    });
    expect(off.status).toBe(200);
    const after = (await workerAnPhu.get(`/api/providers/coverage?unitId=${anPhu.id}`)).body as Answer;
    expect(table(after)).toEqual({ 'An Phú': [2, 0, 1, 1, 2, 1] });
    expect(after.fullyCoveredShare).toBe(0);
    await workerAnPhu.post(`/api/providers/${preschoolAnPhu}/reactivate`);
  });

  test('the indicator engine gets the same answer from referralNetworkCoverage', async () => {
    const user = await seedUser(t.db, { role: 'viewer', scope: [province] });
    const answer = await referralNetworkCoverage(
      t.db,
      { userId: user.id, role: 'viewer', sector: null, paths: [province.path] },
      province.id,
    );
    expect(table(answer)).toEqual(expected);
    expect(answer.fullyCoveredShare).toBe(0.25);
    await expect(
      referralNetworkCoverage(
        t.db,
        { userId: user.id, role: 'viewer', sector: null, paths: [anPhu.path] },
        province.id,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a province without communes has no share', async () => {
    const empty = await seedProvince(t.db);
    const admin = await signedIn(t, 'province_admin', [empty]);
    const response = await admin.get(`/api/providers/coverage?unitId=${empty.id}`);
    expect(response.body).toMatchObject({ communes: [], communeCount: 0, fullyCoveredShare: null });
  });
});
