import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage, screenshotOnFailure } from '../support/browser.ts';
import { eventually, signIn, signOut, unitNames, vi } from '../support/ui.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = (await newPage(browser)).page;
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail')
    await screenshotOnFailure(page, `communeWorker-${context.task.name}`);
});
afterAll(() => browser?.close());

test('the commune worker signs in and sees only their commune’s subtree', async () => {
  await signIn(page, 'xa.canbo', 'Demo@treem2026');
  await page.getByText('Lê Thị Hằng').first().waitFor();
  // The browser's top level is the user's scope: one commune.
  await page.goto('/org-units?parent=roots');
  expect(
    await eventually(
      () => unitNames(page),
      (names) => names.length > 0,
    ),
  ).toEqual(['Hoà Lạc']);
  await page.getByRole('button', { name: `${vi.orgUnits.openChildren}: Hoà Lạc` }).click();
  const villages = await eventually(
    () => unitNames(page),
    (names) => names.includes('Hòa Bình'),
  );
  expect([...villages].sort()).toEqual(['Hòa Bình', 'Hòa Lạc', 'Phú Mỹ', 'Tân Xã', 'Đồng Trúc'].sort());
});

test('searching "hoa" finds units with "Hòa" inside the commune and nothing outside it', async () => {
  await page.goto('/org-units');
  await page.getByLabel(vi.orgUnits.search).fill('hoa');
  await page.getByLabel(vi.orgUnits.search).press('Enter');
  const names = await eventually(
    () => unitNames(page),
    (n) => n.includes('Hòa Bình'),
  );
  expect(names).toEqual(expect.arrayContaining(['Hoà Lạc', 'Hòa Bình', 'Hòa Lạc']));
  // "Tổ dân phố Hòa Mã" (Ba Đình) and "Thôn Hòa Đình" (Đông Anh) are demo villages of other communes.
  expect(names).not.toContain('Hòa Mã');
  expect(names).not.toContain('Hòa Đình');
  for (const name of names)
    expect(
      name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase(),
    ).toContain('hoa');
});

test('a unit of another commune cannot be opened', async () => {
  const response = await page.request.get('/api/org-units/lookup?code=00004');
  expect(response.status()).toBe(200);
  expect((await response.json()).items).toEqual([]);
});

test('the worker signs out and the session is gone', async () => {
  await signOut(page);
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(401);
});
