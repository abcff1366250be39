import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage, screenshotOnFailure } from '../support/browser.ts';
import { eventually, signIn, signOut, unitNames, vi } from '../support/ui.ts';

let browser: Browser;
let page: Page;
const username = `ctv.e2e${Date.now() % 100000}`;
const temporaryPassword = 'Tam-thoi-2026!';
const ownPassword = 'Cua-toi-rieng-2026';

beforeAll(async () => {
  browser = await launchBrowser();
  page = (await newPage(browser)).page;
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail')
    await screenshotOnFailure(page, `provinceAdmin-${context.task.name}`);
});
afterAll(() => browser?.close());

test('the province admin creates a collaborator scoped to a village', async () => {
  await signIn(page, 'tinh.quantri', 'Demo@treem2026');
  await page.getByRole('menuitem', { name: vi.nav.users }).click();
  await page.getByRole('button', { name: vi.users.create }).click();
  const form = page.getByRole('dialog', { name: vi.users.createTitle });
  await form.getByLabel(vi.users.username).fill(username);
  await form.getByLabel(vi.users.fullName).fill('Ngô Thị Thu');
  await form.getByLabel(vi.users.role, { exact: true }).click();
  await page.getByTitle(vi.roles.village_collaborator).click();
  await form.getByLabel(vi.users.scope).click();
  const picker = page.getByRole('dialog', { name: vi.picker.title });
  await picker.getByLabel(vi.orgUnits.search).fill('hoa lac');
  await picker.getByLabel(vi.orgUnits.search).press('Enter');
  await picker.getByRole('button', { name: `${vi.common.select}: Thôn Hòa Lạc` }).click();
  // The picker stays open for adding more units; the chosen one is now listed in the form.
  await page.keyboard.press('Escape');
  await picker.waitFor({ state: 'hidden' });
  await form.getByText('Thôn Hòa Lạc').first().waitFor();
  await form.getByLabel(vi.users.password).fill(temporaryPassword);
  await form.getByRole('button', { name: vi.users.create }).click();
  await page.getByText(username).first().waitFor();
  await signOut(page);
});

test('the new collaborator changes the temporary password and then sees only the village', async () => {
  await signIn(page, username, temporaryPassword);
  await page.getByRole('heading', { name: vi.password.mustChangeTitle }).waitFor();
  await page.getByLabel(vi.password.currentPassword).fill(temporaryPassword);
  await page.getByLabel(vi.password.newPassword, { exact: true }).fill(ownPassword);
  await page.getByLabel(vi.password.confirmPassword).fill(ownPassword);
  await page.getByRole('button', { name: vi.password.submit }).click();
  await page.getByRole('menuitem', { name: vi.nav.orgUnits }).waitFor();

  await page.goto('/org-units?parent=roots');
  expect(
    await eventually(
      () => unitNames(page),
      (names) => names.length > 0,
    ),
  ).toEqual(['Hòa Lạc']);
  await page.getByLabel(vi.orgUnits.search).fill('hoa');
  await page.getByLabel(vi.orgUnits.search).press('Enter');
  expect(
    await eventually(
      () => unitNames(page),
      (names) => names.length > 0,
    ),
  ).toEqual(['Hòa Lạc']);
  // The commune above the village is outside the scope: the API answers as if it did not exist.
  const roots = await (await page.request.get('/api/org-units/roots')).json();
  const parentId = roots.items[0].parentId;
  expect((await page.request.get(`/api/org-units/${parentId}`)).status()).toBe(404);
  // A collaborator has no user administration.
  expect(await page.getByRole('menuitem', { name: vi.nav.users }).count()).toBe(0);
});
