import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import {
  addDaysToPlainDate,
  addMonthsToPlainDate,
  formatPlainDateVi,
  growthAgeInDays,
  growthReferenceValue,
  todayInVietnam,
  type GrowthSex,
} from '@treem/shared';
import { format } from '../../packages/web/src/i18n/format.ts';
import { doseName } from '../../packages/web/src/features/ecd/catalogue.ts';
import { apiSession, launchBrowser, newPage, screenshotOnFailure } from '../support/browser.ts';
import { eventually, signIn, vi } from '../support/ui.ts';

/*
 * Early childhood, as a commune health station uses it. Children are created for the spec (through the API) in one
 * village, with ages chosen from today, so the expectations do not depend on the demo data:
 * (a) a weighing day for five children in the grid; one is severely underweight and appears on the list of
 *     malnourished children;
 * (b) a baby of 45 days whose only overdue dose is BCG (the hepatitis B birth dose has expired by then) is on the
 *     overdue list; recording BCG on the immunisation card takes the baby off it;
 * (c) the growth chart draws one point per measurement of the child.
 */

let browser: Browser;
let page: Page;
/** The list of malnourished children of the village, as the weighing day's summary opened it. */
let malnourishedList = '';

const password = 'Demo@treem2026';
const villageName = 'Phú Mỹ';
const villageFullName = `Thôn ${villageName}`;
const today = todayInVietnam();

interface SpecChild {
  name: string;
  sex: GrowthSex;
  birthDate: string;
  weightSd: number;
}
// "Âu", a family name the demo data does not use: the names are unique, and sort first in the village's lists.
const weighed: SpecChild[] = [
  { name: `Âu Minh Khang`, sex: 'male', birthDate: addMonthsToPlainDate(today, -8), weightSd: 0 },
  { name: `Âu Thị Ngọc Bích`, sex: 'female', birthDate: addMonthsToPlainDate(today, -14), weightSd: -3.6 },
  { name: `Âu Văn Phúc`, sex: 'male', birthDate: addMonthsToPlainDate(today, -22), weightSd: 0.3 },
  { name: `Âu Thị Hồng`, sex: 'female', birthDate: addMonthsToPlainDate(today, -34), weightSd: -0.5 },
  { name: `Âu Gia Bảo`, sex: 'male', birthDate: addMonthsToPlainDate(today, -50), weightSd: 0.8 },
];
const malnourished = weighed[1]!;
const baby = { name: `Âu Thị Tuyết`, sex: 'female' as const, birthDate: addDaysToPlainDate(today, -45) };

/** A measurement typed the Vietnamese way, with a decimal comma. */
const typed = (value: number) => (Math.round(value * 10) / 10).toFixed(1).replace('.', ',');

function measurementsOf(child: SpecChild) {
  const ageDays = growthAgeInDays(child.birthDate, 'day', today)!;
  return {
    weight: growthReferenceValue('wfa', child.sex, ageDays, child.weightSd)!,
    length: growthReferenceValue('lhfa', child.sex, ageDays, 0)!,
  };
}

beforeAll(async () => {
  browser = await launchBrowser();
  const api = await apiSession('xa.tramyte', password);
  const me = await api.call('GET', '/api/auth/me');
  const communeId = me.body.user.scope[0].orgUnitId as string;
  const villages = await api.call('GET', `/api/org-units?parentId=${communeId}&pageSize=200`);
  const village = (villages.body.items as { id: string; name: string }[]).find((u) => u.name === villageName);
  if (!village) throw new Error(`demo village ${villageName} missing`);
  const household = await api.call('POST', '/api/register/households', {
    villageId: village.id,
    address: `Xóm Giữa, ${villageFullName}`,
  });
  expect(household.status).toBe(201);
  for (const child of [...weighed, baby]) {
    const created = await api.call('POST', '/api/register/persons', {
      householdId: household.body.id,
      fullName: child.name,
      sex: child.sex,
      birthDate: child.birthDate,
      relationshipToHead: 'child',
      confirmNotDuplicate: true,
    });
    expect(created.status, child.name).toBe(201);
  }
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await screenshotOnFailure(page, `ecd-${context.task.name}`);
});
afterAll(() => browser?.close());

/** An antd select: open it by its label, then click the option in the popup (retried if the popup slid away). */
async function choose(label: string, option: string) {
  const field = page.getByLabel(label, { exact: true });
  const popup = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt += 1) {
    if ((await popup.count()) === 0) await field.click();
    try {
      await popup.getByTitle(option, { exact: true }).click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The table of a list once its rows (or its empty state) have arrived and nothing is loading any more. */
async function settled(table: ReturnType<Page['getByRole']>) {
  await table.waitFor();
  const ready = await eventually(
    async () =>
      (await page.locator('.ant-spin-spinning').count()) === 0 &&
      ((await table.locator('tbody tr.ant-table-row').count()) > 0 ||
        (await table.locator('.ant-empty').count()) > 0),
    (done) => done,
  );
  expect(ready).toBe(true);
}

/** Whether a child is on the action list shown, looking through every page of it. */
async function onList(kind: keyof typeof vi.ecd.actionLists.kinds, name: string): Promise<boolean> {
  const table = page.getByRole('table', { name: vi.ecd.actionLists.kinds[kind] });
  await settled(table);
  for (;;) {
    if ((await table.getByRole('link', { name, exact: true }).count()) > 0) return true;
    const next = page.locator('.ant-pagination-next');
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') return false;
    await next.click();
    await settled(table);
  }
}

const cell = (field: string, name: string) =>
  page.getByLabel(format(vi.ecd.weighing.cellLabel, { field, name }), { exact: true });

test('a weighing day for five children puts the underweight one on the list of malnourished children', async () => {
  page = (await newPage(browser)).page;
  await signIn(page, 'xa.tramyte', password);
  await page.getByRole('menuitem', { name: vi.nav.weighingDay }).click();
  await page.getByRole('heading', { name: vi.ecd.weighing.title }).waitFor();
  await choose(vi.ecd.weighing.village, villageFullName);

  for (const child of weighed) {
    const { weight, length } = measurementsOf(child);
    await cell(vi.ecd.weighing.fields.weightKg, child.name).fill(typed(weight));
    await cell(vi.ecd.weighing.fields.lengthHeightCm, child.name).fill(typed(length));
  }
  // The assessment appears as the numbers are typed, before anything is saved.
  const row = page.locator('tr', { hasText: malnourished.name });
  await row.getByText(vi.ecd.growth.classes.underweightSevere).waitFor();
  for (const child of weighed.filter((c) => c !== malnourished)) {
    await page.locator('tr', { hasText: child.name }).getByText(vi.ecd.growth.classes.normal).waitFor();
  }

  await page.getByRole('button', { name: format(vi.ecd.weighing.saveAll, { count: 5 }) }).click();
  await page
    .getByText(format(vi.ecd.weighing.saved, { count: 5 }), { exact: true })
    .first()
    .waitFor();
  const summary = page.getByRole('region', { name: vi.ecd.weighing.malnourishedTitle });
  await summary.getByRole('link', { name: malnourished.name }).waitFor();
  for (const child of weighed.filter((c) => c !== malnourished)) {
    expect(await summary.getByRole('link', { name: child.name }).count()).toBe(0);
  }

  await page.getByRole('link', { name: vi.ecd.weighing.openList }).click();
  await page.getByRole('heading', { name: vi.ecd.actionLists.title }).waitFor();
  malnourishedList = page.url();
  expect(await onList('malnourished_under5', malnourished.name)).toBe(true);
  await page.goto(malnourishedList);
  expect(await onList('malnourished_under5', weighed[0]!.name)).toBe(false);
});

test('the growth chart draws a point for each of the child’s measurements', async () => {
  const table = page.getByRole('table', { name: vi.ecd.actionLists.kinds.malnourished_under5 });
  await page.goto(malnourishedList);
  expect(await onList('malnourished_under5', malnourished.name)).toBe(true);
  await table.getByRole('link', { name: malnourished.name, exact: true }).click();
  await page.getByRole('heading', { name: malnourished.name }).waitFor();
  // The list opens the profile on the growth tab.
  const chart = page.getByTestId('growth-chart');
  await chart.waitFor();
  expect(await chart.getAttribute('data-points')).toBe('1');
  const measurements = page.getByRole('table', { name: vi.ecd.growth.tableTitle });
  expect(await measurements.locator('tbody tr.ant-table-row').count()).toBe(1);

  // An earlier measurement, entered on the profile: the form assesses it as it is typed.
  const earlier = addMonthsToPlainDate(today, -2);
  const ageDays = growthAgeInDays(malnourished.birthDate, 'day', earlier)!;
  await page.getByRole('button', { name: vi.ecd.growth.add }).click();
  const form = page.getByRole('form', { name: vi.ecd.growth.addTitle });
  const date = form.getByLabel(vi.ecd.growth.measuredOn, { exact: true });
  await date.fill(formatPlainDateVi(earlier));
  await date.press('Tab');
  await form
    .getByLabel(vi.ecd.growth.weightKg, { exact: true })
    .fill(typed(growthReferenceValue('wfa', 'female', ageDays, -2.5)!));
  await form
    .getByLabel(vi.ecd.growth.lengthHeightCm, { exact: true })
    .fill(typed(growthReferenceValue('lhfa', 'female', ageDays, -0.5)!));
  await form.getByText(vi.ecd.growth.classes.underweightModerate).waitFor();
  await form.getByRole('button', { name: vi.common.save }).click();
  await form.waitFor({ state: 'detached' });

  const points = await eventually(
    () => chart.getAttribute('data-points'),
    (value) => value === '2',
  );
  expect(points).toBe('2');
  expect(await measurements.locator('tbody tr.ant-table-row').count()).toBe(2);
  // Each chart draws the child's points it has values for: both measurements have a length.
  await page
    .getByRole('radiogroup', { name: vi.ecd.chart.choose })
    .getByText(vi.ecd.chart.kinds.lhfa, { exact: true })
    .click();
  expect(
    await eventually(
      () => chart.getAttribute('data-kind'),
      (kind) => kind === 'lhfa',
    ),
  ).toBe('lhfa');
  expect(await chart.getAttribute('data-points')).toBe('2');
});

test('recording an overdue dose on the immunisation card takes the child off the overdue list', async () => {
  await page.getByRole('menuitem', { name: vi.nav.actionLists }).click();
  await page.getByRole('heading', { name: vi.ecd.actionLists.title }).waitFor();
  await choose(vi.ecd.unit.label, villageFullName);
  await page
    .getByRole('radiogroup', { name: vi.ecd.actionLists.kindsLabel })
    .getByText(vi.ecd.actionLists.kinds.overdue_doses, { exact: true })
    .click();
  expect(await onList('overdue_doses', baby.name)).toBe(true);
  const table = page.getByRole('table', { name: vi.ecd.actionLists.kinds.overdue_doses });
  const bcg = doseName('bcg_1', 'vi');
  const row = table.locator('tr', { hasText: baby.name });
  await row.getByText(bcg, { exact: true }).waitFor();

  await row.getByRole('link', { name: baby.name, exact: true }).click();
  await page.getByRole('heading', { name: baby.name }).waitFor();
  const schedule = page.getByRole('table', { name: vi.ecd.immunization.scheduleTitle });
  const bcgRow = schedule.locator('tr', { hasText: bcg });
  await bcgRow.getByText(vi.ecd.immunization.statuses.overdue, { exact: true }).waitFor();
  await bcgRow.getByRole('button', { name: `${vi.ecd.immunization.record}: ${bcg}` }).click();

  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(vi.ecd.immunization.place, { exact: true }).fill('Trạm Y tế xã Hòa Lạc');
  await dialog.getByRole('button', { name: vi.ecd.immunization.record }).click();
  await dialog.waitFor({ state: 'hidden' });
  await bcgRow.getByText(vi.ecd.immunization.statuses.given_late, { exact: true }).waitFor();
  await page
    .getByRole('table', { name: vi.ecd.immunization.recordsTitle })
    .getByText('Trạm Y tế xã Hòa Lạc')
    .waitFor();

  await page.goBack();
  await page.getByRole('heading', { name: vi.ecd.actionLists.title }).waitFor();
  await page.reload();
  expect(await onList('overdue_doses', baby.name)).toBe(false);
});
