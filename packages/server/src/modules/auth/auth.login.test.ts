import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedCommune, seedProvince, seedUser, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let commune: SeedUnit;

beforeAll(async () => {
  t = await createTestApp({ TREEM_LOCKOUT_THRESHOLD: '5', TREEM_LOCKOUT_MINUTES: '15' });
  commune = await seedCommune(t.db, await seedProvince(t.db));
});
afterAll(() => t.close());

describe('signing in', () => {
  test('sets an httpOnly SameSite=Strict session cookie and returns the user with scope and permissions', async () => {
    const user = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
    const client = t.client();
    const response = await client.post('/api/auth/login', {
      username: user.username.toUpperCase(),
      password: user.password,
    });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.me.user).toMatchObject({ username: user.username, role: 'commune_worker' });
    expect(response.body.me.user.scope.map((s: any) => s.orgUnitId)).toEqual([commune.id]);
    expect(response.body.me.permissions).toContain('orgUnit.manageVillages');
    const cookie = response.raw.cookies.find((c) => c.name === 'treem_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // The raw token is never stored: only its hash.
    const stored = await t.db.selectFrom('user_session').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(user.id);
  });

  test('a wrong password and an unknown user get the same answer', async () => {
    const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
    const wrong = await t
      .client()
      .post('/api/auth/login', { username: user.username, password: 'Sai-mat-khau-1' });
    const unknown = await t
      .client()
      .post('/api/auth/login', { username: 'khong.ton.tai', password: 'Sai-mat-khau-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  test('five wrong passwords lock the account; the sixth attempt, even with the right password, is refused', async () => {
    const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await t
        .client()
        .post('/api/auth/login', { username: user.username, password: `Sai-mat-khau-${i}` });
      codes.push(response.body.error.code);
    }
    expect(codes).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
    const sixth = await t
      .client()
      .post('/api/auth/login', { username: user.username, password: user.password });
    expect(sixth.status).toBe(423);
    expect(sixth.body.error.code).toBe('ACCOUNT_LOCKED');
    const lockedUntil = new Date(sixth.body.error.details.lockedUntil).getTime();
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    const actions = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([...Array(4).fill('auth.login_failed'), 'auth.locked']);
  });

  test('the lock ends when its time has passed', async () => {
    const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
    await t.db
      .updateTable('app_user')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', user.id)
      .execute();
    const response = await t
      .client()
      .post('/api/auth/login', { username: user.username, password: user.password });
    expect(response.status).toBe(200);
  });

  test('a disabled account is told so only after the right password', async () => {
    const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
    await t.db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    const wrong = await t
      .client()
      .post('/api/auth/login', { username: user.username, password: 'Sai-mat-khau-1' });
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    const right = await t
      .client()
      .post('/api/auth/login', { username: user.username, password: user.password });
    expect(right.status).toBe(403);
    expect(right.body.error.code).toBe('ACCOUNT_DISABLED');
  });

  test('logout ends the session on the server', async () => {
    const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
    const client = t.client();
    await client.login(user.username, user.password);
    const cookie = client.sessionCookie!;
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    const replay = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(replay.statusCode).toBe(401);
  });

  test('writes need the session’s CSRF token', async () => {
    const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
    const client = t.client();
    await client.login(user.username, user.password);
    client.csrfToken = 'forged';
    const response = await client.post('/api/auth/logout');
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('CSRF_TOKEN_INVALID');
  });
});

describe('session expiry', () => {
  test('an idle session expires', async () => {
    const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
    const client = t.client();
    await client.login(user.username, user.password);
    await t.db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - (t.config.session.idleMinutes + 1) * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    const response = await client.get('/api/auth/me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('SESSION_EXPIRED');
  });

  test('a session expires at its absolute limit even when in use', async () => {
    const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
    const client = t.client();
    await client.login(user.username, user.password);
    await t.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await client.get('/api/auth/me')).body.error.code).toBe('SESSION_EXPIRED');
  });

  test('without a cookie every non-public route answers 401', async () => {
    const response = await t.client().get('/api/org-units/roots');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('throttling', () => {
  test('too many sign-in attempts from one address in a minute are refused with 429', async () => {
    const throttled = await createTestApp({ TREEM_LOGIN_RATE_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push(
          (await throttled.client().post('/api/auth/login', { username: 'ai.do', password: 'x' })).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const last = await throttled.client().post('/api/auth/login', { username: 'ai.do', password: 'x' });
      expect(last.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await throttled.close();
    }
  });
});

describe('the audit trail of signing in', () => {
  test('a lockout is filed under the user’s unit, so their province administrator sees it', async () => {
    const user = await seedUser(t.db, { role: 'viewer', scope: [commune] });
    for (let i = 0; i < 5; i += 1)
      await t.client().post('/api/auth/login', { username: user.username, password: `Sai-${i}-abcdef` });
    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'org_path'])
      .where('entity_id', '=', user.id)
      .execute();
    expect(events.find((e) => e.action === 'auth.locked')?.org_path).toBe(commune.path);
  });
});
