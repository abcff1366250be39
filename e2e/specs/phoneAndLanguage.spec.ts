import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { en } from '../../packages/web/src/i18n/en.ts';
import { launchBrowser, newPage, screenshotOnFailure } from '../support/browser.ts';
import { eventually, signIn, unitNames, vi } from '../support/ui.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = (await newPage(browser, { width: 360, height: 740 })).page;
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await screenshotOnFailure(page, `phone-${context.task.name}`);
});
afterAll(() => browser?.close());

const horizontalOverflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('on a 360 px phone the collaborator works without sideways scrolling, the menu in a drawer', async () => {
  await signIn(page, 'thon.ctv', 'Demo@treem2026');
  await page.getByRole('button', { name: vi.nav.openMenu }).click();
  await page.getByRole('menuitem', { name: vi.nav.orgUnits }).click();
  // The working unit is the village itself: its page, with no units below it.
  await page.getByRole('heading', { name: 'Thôn Hòa Bình' }).waitFor();
  await page.getByText(vi.orgUnits.noChildren).waitFor();
  expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
  await page.goto('/org-units?parent=roots');
  expect(
    await eventually(
      () => unitNames(page),
      (names) => names.length > 0,
    ),
  ).toEqual(['Hòa Bình']);
  expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
});

test('the language switch turns the interface to English and back', async () => {
  page = (await newPage(browser)).page;
  await signIn(page, 'thon.ctv', 'Demo@treem2026');
  await page.getByText(en.languages.en, { exact: true }).click();
  await page.getByRole('menuitem', { name: en.nav.orgUnits }).waitFor();
  await page.getByText(vi.languages.vi, { exact: true }).click();
  await page.getByRole('menuitem', { name: vi.nav.orgUnits }).waitFor();
});
