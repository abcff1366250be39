import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, seedVillage, type SeedUnit } from '../../testing/factories.ts';
import { seedProvider } from '../../testing/providerFactories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let communeA: SeedUnit;
let communeB: SeedUnit;
let villageA: SeedUnit;
let officer: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const province = await seedProvince(t.db);
  communeA = await seedCommune(t.db, province);
  communeB = await seedCommune(t.db, province);
  villageA = await seedVillage(t.db, communeA);
  await seedProvider(t.db, province, {
    name: 'Bệnh viện Đa khoa tỉnh',
    level: 'province',
    services: ['medical_care', 'psychological_support'],
  });
  await seedProvider(t.db, province, {
    name: 'Công an tỉnh',
    sector: 'police',
    level: 'province',
    services: ['police_protection'],
  });
  await seedProvider(t.db, communeA, {
    name: 'Trạm Y tế xã Hòa Bình',
    services: ['medical_care', 'nutrition_support'],
  });
  await seedProvider(t.db, communeA, {
    name: 'Trường Mầm non Hoa Sen',
    sector: 'school',
    level: 'facility',
    services: ['preschool_education'],
    coverage: [villageA],
  });
  await seedProvider(t.db, communeB, { name: 'Trạm Y tế xã Đồng Tâm', services: ['medical_care'] });
  await seedProvider(t.db, communeB, {
    name: 'Trợ giúp pháp lý lưu động',
    sector: 'justice_legal_aid',
    services: ['legal_aid'],
    active: false,
  });
  officer = await signedIn(t, 'province_officer', [province]);
});
afterAll(() => t.close());

const names = async (query: string) => {
  const response = await officer.get(`/api/providers?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.items as { name: string }[]).map((item) => item.name);
};

test('the directory lists active providers by their name without diacritics, with their coverage and member count', async () => {
  const response = await officer.get('/api/providers');
  expect(response.body.total).toBe(5);
  expect(response.body.items.map((p: { name: string }) => p.name)).toEqual([
    'Bệnh viện Đa khoa tỉnh',
    'Công an tỉnh',
    'Trạm Y tế xã Đồng Tâm',
    'Trạm Y tế xã Hòa Bình',
    'Trường Mầm non Hoa Sen',
  ]);
  const school = response.body.items[4];
  expect(school).toMatchObject({
    sector: 'school',
    level: 'facility',
    ownerUnit: { id: communeA.id },
    coverage: [{ id: villageA.id, level: 'village' }],
    memberCount: 0,
    domains: ['education'],
    editable: false,
  });
});

test('the name search ignores diacritics and case', async () => {
  expect(await names('search=tram%20y%20te')).toEqual(['Trạm Y tế xã Đồng Tâm', 'Trạm Y tế xã Hòa Bình']);
  expect(await names('search=DONG%20TAM')).toEqual(['Trạm Y tế xã Đồng Tâm']);
  expect(await names('search=%25')).toEqual([]);
  expect(await names('search=...')).toEqual([]);
});

test('filters by sector, level, service and domain', async () => {
  expect(await names('sector=police')).toEqual(['Công an tỉnh']);
  expect(await names('level=province')).toEqual(['Bệnh viện Đa khoa tỉnh', 'Công an tỉnh']);
  expect(await names('service=nutrition_support')).toEqual(['Trạm Y tế xã Hòa Bình']);
  expect(await names('domain=protection')).toEqual(['Bệnh viện Đa khoa tỉnh', 'Công an tỉnh']);
  expect(await names('domain=protection&status=all')).toEqual([
    'Bệnh viện Đa khoa tỉnh',
    'Công an tỉnh',
    'Trợ giúp pháp lý lưu động',
  ]);
  expect(await names('sector=ngo')).toEqual([]);
});

test('“covers” finds the providers that reach a unit: covering it or a unit above it', async () => {
  expect(await names(`coversUnitId=${villageA.id}`)).toEqual([
    'Bệnh viện Đa khoa tỉnh',
    'Công an tỉnh',
    'Trạm Y tế xã Hòa Bình',
    'Trường Mầm non Hoa Sen',
  ]);
  // The school serves one village, not the whole commune.
  expect(await names(`coversUnitId=${communeA.id}`)).toEqual([
    'Bệnh viện Đa khoa tỉnh',
    'Công an tỉnh',
    'Trạm Y tế xã Hòa Bình',
  ]);
  expect(await names(`coversUnitId=${communeB.id}&service=medical_care`)).toEqual([
    'Bệnh viện Đa khoa tỉnh',
    'Trạm Y tế xã Đồng Tâm',
  ]);
});

test('pages hold pageSize providers and the total counts them all', async () => {
  const second = await officer.get('/api/providers?page=2&pageSize=2');
  expect(second.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
  expect(second.body.items.map((p: { name: string }) => p.name)).toEqual([
    'Trạm Y tế xã Đồng Tâm',
    'Trạm Y tế xã Hòa Bình',
  ]);
});

test('unknown filters answer 400', async () => {
  for (const query of ['sector=bakery', 'service=haircut', 'status=closed', 'coversUnitId=x', 'colour=red']) {
    const response = await officer.get(`/api/providers?${query}`);
    expect(response.status, query).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  }
});
