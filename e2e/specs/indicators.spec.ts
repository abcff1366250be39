import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { findIndicator, todayInVietnam } from '@treem/shared';
import { format } from '../../packages/web/src/i18n/format.ts';
import { apiSession, launchBrowser, newPage, screenshotOnFailure } from '../support/browser.ts';
import { eventually, signIn, vi } from '../support/ui.ts';

/*
 * From a plan to the children behind its number: the province's health officer loads the Hải Dương NPA plan
 * (2716/KH-UBND) as a template for the demo province and puts it in force; from the plan's targets opens "the
 * rate of children under 5 underweight"; sees the value against the plan's target and the breakdown by commune,
 * each commune's numbers matching the API's; clicks the commune with the most underweight children and gets the
 * list of those children, as many as the commune's numerator, the first of them underweight by their last weighing.
 */

let browser: Browser;
let page: Page;
const password = 'Demo@treem2026';
const year = todayInVietnam().slice(0, 4);
const underweight = findIndicator('NPA-04a')!;

beforeAll(async () => {
  browser = await launchBrowser();
  page = (await newPage(browser)).page;
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail')
    await screenshotOnFailure(page, `indicators-${context.task.name}`);
});

test('a province officer loads the Hải Dương plan, opens underweight, and reaches the children of a commune', async () => {
  const api = await apiSession('tinh.yte', password);
  const me = await api.call('GET', '/api/auth/me');
  const provinceId = me.body.user.scope[0].orgUnitId as string;

  await signIn(page, 'tinh.yte', password);
  await page.getByRole('menuitem', { name: vi.nav.plans }).click();
  // The empty list offers the template too: the page's own button is the first.
  await page.getByRole('button', { name: vi.plans.list.fromTemplate }).first().click();
  await page.getByRole('radio', { name: /Tỉnh Hải Dương/ }).check();
  // The preview shows the template's 34 targets before anything is created.
  await page
    .getByText('Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể cân nặng theo tuổi', { exact: false })
    .first()
    .waitFor();
  await page.getByRole('button', { name: vi.plans.template.create }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}/);

  // In force, so that its targets judge the province's numbers.
  await page.getByRole('button', { name: vi.plans.status.in_force }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: vi.plans.status.in_force }).click();
  await page.getByText(vi.plans.statuses.in_force).first().waitFor();

  await page.getByRole('link', { name: format(vi.plans.targets.openIndicator, { code: 'NPA-04a' }) }).click();
  await page.waitForURL(/\/indicators\/NPA-04a/);
  await page.getByRole('heading', { name: underweight.name.vi }).waitFor();

  // The same numbers the API computes, for the province and each commune.
  const values = await api.call('GET', `/api/indicators/NPA-04a/values?unitId=${provinceId}&period=${year}`);
  expect(values.status).toBe(200);
  const areas = values.body.areas as {
    unit: { name: string };
    cell: { numerator: number; denominator: number };
  }[];
  expect(areas.length).toBeGreaterThan(1);
  // The plan's 2025 / 2030 targets: in a year between, the next checkpoint's target applies.
  expect(values.body.target?.planTitle).toMatch(/Chương trình hành động/i);
  await page
    .getByTestId('indicator-summary')
    .getByText(values.body.target.planTitle, { exact: false })
    .waitFor();

  // The communes with children weighed are listed; those without any number wait behind a checkbox.
  const withData = areas.filter((area) => area.cell.denominator > 0);
  expect(withData.length).toBeGreaterThan(0);
  const tableRows = await eventually(
    () => page.getByTestId('indicator-area').allInnerTexts(),
    (names) => names.length === withData.length,
  );
  expect(tableRows.sort()).toEqual(withData.map((area) => area.unit.name).sort());
  const busiest = [...areas].sort((a, b) => b.cell.numerator - a.cell.numerator)[0]!;
  expect(busiest.cell.numerator).toBeGreaterThan(0);
  const row = page.locator('tr', {
    has: page.getByTestId('indicator-area').getByText(busiest.unit.name, { exact: true }),
  });
  expect(await row.locator('td').nth(2).innerText()).toBe(busiest.cell.numerator.toLocaleString('vi-VN'));
  expect(await row.locator('td').nth(3).innerText()).toBe(busiest.cell.denominator.toLocaleString('vi-VN'));

  // The children behind the commune's numerator.
  await page.getByTestId('indicator-area').getByText(busiest.unit.name, { exact: true }).click();
  const lineage = page.getByTestId('indicator-lineage');
  await page
    .getByRole('region', { name: format(vi.indicators.lineage.title, { unit: busiest.unit.name }) })
    .waitFor();
  const shown = await eventually(
    () => lineage.locator('.ant-table-tbody tr.ant-table-row').count(),
    (count) => count === Math.min(busiest.cell.numerator, 50),
  );
  expect(shown).toBe(Math.min(busiest.cell.numerator, 50));
  const firstDetail = await lineage
    .locator('.ant-table-tbody tr.ant-table-row')
    .first()
    .locator('td')
    .last()
    .innerText();
  expect(firstDetail).toMatch(/^Z-score CN\/T (-\d+(,\d+)?|—) \(\d{2}\/\d{2}\/\d{4}\)$/);
});
