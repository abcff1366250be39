import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

/** The OS Chromium (never a downloaded one), with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function newPage(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  return { context, page };
}

/** Saves a screenshot next to the test results when a step fails, for a person to look at. */
export async function screenshotOnFailure(page: Page, name: string): Promise<void> {
  const dir = path.join(os.tmpdir(), 'treem-e2e-screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true }).catch(() => undefined);
}

/** Signs in through the API (not the UI) to prepare data for a spec. */
export async function apiSession(username: string, password: string) {
  const response = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { status: string; me: { csrfToken: string } };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (body.status !== 'ok') throw new Error(`API sign-in failed for ${username}`);
  const call = async (method: string, url: string, payload?: unknown) => {
    const res = await fetch(`${baseUrl()}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': body.me.csrfToken,
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
    });
    return { status: res.status, body: await res.json() };
  };
  return { call };
}
