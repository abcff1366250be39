import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import {
  seedCommune,
  seedProvince,
  seedUser,
  type SeedUnit,
  type SeedUser,
} from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let commune: SeedUnit;

beforeAll(async () => {
  t = await createTestApp();
  commune = await seedCommune(t.db, await seedProvince(t.db));
});
afterAll(() => t.close());

/** A TOTP code for a time step after `lastStep` (codes are single-use, so the next one must be from a later step). */
async function codeAt(secret: string, offsetSeconds: number) {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

async function enrolled(): Promise<{
  user: SeedUser;
  client: TestClient;
  secret: string;
  recoveryCodes: string[];
}> {
  const user = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  const client = t.client();
  await client.login(user.username, user.password);
  const enrol = await client.post('/api/auth/mfa/enrol');
  expect(enrol.status).toBe(200);
  expect(enrol.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
  expect(enrol.body.otpauthUrl).toContain(`otpauth://totp/treem:${user.username}`);
  const confirm = await client.post('/api/auth/mfa/confirm', { code: await codeAt(enrol.body.secret, -30) });
  expect(confirm.status).toBe(200);
  expect(confirm.body.recoveryCodes).toHaveLength(10);
  return { user, client, secret: enrol.body.secret, recoveryCodes: confirm.body.recoveryCodes };
}

describe('two-factor sign-in', () => {
  test('enrolment needs a correct code before it takes effect', async () => {
    const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
    const client = t.client();
    await client.login(user.username, user.password);
    await client.post('/api/auth/mfa/enrol');
    const wrong = await client.post('/api/auth/mfa/confirm', { code: '000000' });
    expect(wrong.body.error.code).toBe('INVALID_MFA_CODE');
    const row = await t.db
      .selectFrom('app_user')
      .select('mfa_enabled')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.mfa_enabled).toBe(false);
  });

  test('after enrolment, the password alone opens no session; the TOTP code completes sign-in', async () => {
    const { user, secret } = await enrolled();
    const client = t.client();
    const first = await client.post('/api/auth/login', { username: user.username, password: user.password });
    expect(first.body).toEqual({ status: 'mfa_required' });
    // The half-open session is good for nothing but the second step.
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const second = await client.post('/api/auth/login/mfa', { code: await codeAt(secret, 0) });
    expect(second.status).toBe(200);
    expect(second.body.user.mfaEnabled).toBe(true);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  test('a TOTP code cannot be replayed', async () => {
    const { user, secret } = await enrolled();
    const code = await codeAt(secret, 0);
    const a = t.client();
    await a.post('/api/auth/login', { username: user.username, password: user.password });
    expect((await a.post('/api/auth/login/mfa', { code })).status).toBe(200);
    const b = t.client();
    await b.post('/api/auth/login', { username: user.username, password: user.password });
    const replay = await b.post('/api/auth/login/mfa', { code });
    expect(replay.body.error.code).toBe('INVALID_MFA_CODE');
  });

  test('a recovery code works once', async () => {
    const { user, recoveryCodes } = await enrolled();
    const code = recoveryCodes[0]!;
    const a = t.client();
    await a.post('/api/auth/login', { username: user.username, password: user.password });
    expect((await a.post('/api/auth/login/mfa', { code })).status).toBe(200);
    const b = t.client();
    await b.post('/api/auth/login', { username: user.username, password: user.password });
    expect((await b.post('/api/auth/login/mfa', { code })).body.error.code).toBe('INVALID_MFA_CODE');
  });

  test('the second step without a pending sign-in is refused', async () => {
    const response = await t.client().post('/api/auth/login/mfa', { code: '123456' });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  test('the TOTP secret is stored encrypted, not as the code generator’s text', async () => {
    const { user, secret } = await enrolled();
    const row = await t.db
      .selectFrom('app_user')
      .select('mfa_secret')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.mfa_secret).toMatch(/^v1:/);
    expect(row.mfa_secret).not.toContain(secret);
  });

  test('disabling 2FA needs the password', async () => {
    const { user, client } = await enrolled();
    expect((await client.post('/api/auth/mfa/disable', { password: 'Sai-mat-khau-1' })).body.error.code).toBe(
      'WRONG_CURRENT_PASSWORD',
    );
    expect((await client.post('/api/auth/mfa/disable', { password: user.password })).status).toBe(200);
    const again = await t
      .client()
      .post('/api/auth/login', { username: user.username, password: user.password });
    expect(again.body.status).toBe('ok');
  });
});
