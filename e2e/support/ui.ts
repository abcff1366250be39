import type { Page } from 'playwright-core';
import { vi } from '../../packages/web/src/i18n/vi.ts';

export { vi };

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(vi.auth.username).fill(username);
  await page.getByLabel(vi.auth.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: vi.auth.signIn }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${vi.header.userMenu}`) }).click();
  await page.getByRole('menuitem', { name: vi.header.logout }).click();
  await page.getByLabel(vi.auth.username).waitFor();
}

/** The names in the org-unit table once it has finished loading. */
export async function unitNames(page: Page): Promise<string[]> {
  await page.locator('.ant-table-tbody').first().waitFor();
  await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
  return page.locator('.ant-table-tbody .unit-name-cell > :first-child').allInnerTexts();
}

/** Polls `read` until `accept` holds (playwright-core has no auto-retrying assertions). */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}
