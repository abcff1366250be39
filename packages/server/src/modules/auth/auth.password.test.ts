import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedCommune, seedProvince, seedUser, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let commune: SeedUnit;

beforeAll(async () => {
  t = await createTestApp();
  commune = await seedCommune(t.db, await seedProvince(t.db));
});
afterAll(() => t.close());

test('changing the password needs the current one and a strong new one', async () => {
  const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
  const client = t.client();
  await client.login(user.username, user.password);
  const wrong = await client.post('/api/auth/password', {
    currentPassword: 'nope',
    newPassword: 'Mat-khau-moi-2026',
  });
  expect(wrong.body.error.code).toBe('WRONG_CURRENT_PASSWORD');
  const weak = await client.post('/api/auth/password', {
    currentPassword: user.password,
    newPassword: 'abc',
  });
  expect(weak.status).toBe(422);
  expect(weak.body.error).toMatchObject({
    code: 'WEAK_PASSWORD',
    details: { problems: expect.arrayContaining(['too_short']) },
  });
  const same = await client.post('/api/auth/password', {
    currentPassword: user.password,
    newPassword: user.password,
  });
  expect(same.body.error.code).toBe('PASSWORD_REUSED');
  const ok = await client.post('/api/auth/password', {
    currentPassword: user.password,
    newPassword: 'Mat-khau-moi-2026',
  });
  expect(ok.status).toBe(200);
  expect(
    (await t.client().post('/api/auth/login', { username: user.username, password: user.password })).status,
  ).toBe(401);
  expect(
    (await t.client().post('/api/auth/login', { username: user.username, password: 'Mat-khau-moi-2026' }))
      .status,
  ).toBe(200);
});

test('changing the password signs out the other sessions but keeps this one', async () => {
  const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
  const phone = t.client();
  await phone.login(user.username, user.password);
  const desk = t.client();
  await desk.login(user.username, user.password);
  await desk.post('/api/auth/password', { currentPassword: user.password, newPassword: 'Doi-mat-khau-2026' });
  expect((await desk.get('/api/auth/me')).status).toBe(200);
  expect((await phone.get('/api/auth/me')).status).toBe(401);
});

test('a user who must change their password can do nothing else first', async () => {
  const user = await seedUser(t.db, { role: 'commune_worker', scope: [commune], mustChangePassword: true });
  const client = t.client();
  const me = await client.login(user.username, user.password);
  expect(me.user.mustChangePassword).toBe(true);
  const blocked = await client.get('/api/org-units/roots');
  expect(blocked.status).toBe(403);
  expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  await client.post('/api/auth/password', {
    currentPassword: user.password,
    newPassword: 'Lan-dau-doi-2026',
  });
  expect((await client.get('/api/org-units/roots')).status).toBe(200);
});
