import { generate } from 'otplib';
import { addYears, roles, todayInVietnam, type Role } from '@treem/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiResponse, TestClient } from '../testing/client.ts';
import {
  seedCommune,
  seedCountry,
  seedProvince,
  seedUser,
  seedVillage,
  type SeedUnit,
} from '../testing/factories.ts';
import { seedHousehold, seedPerson } from '../testing/registerFactories.ts';
import { seedDoses, seedEnrolment, seedMeasurement, seedScreening } from '../testing/ecdFactories.ts';
import { seedProvider } from '../testing/providerFactories.ts';
import { caseMatrix } from '../testing/caseMatrix.ts';
import { indicatorMatrix } from '../testing/indicatorMatrix.ts';
import { aggregateMatrix } from '../testing/aggregateMatrix.ts';
import { planMatrix } from '../testing/planMatrix.ts';
import { schoolYearOf } from '../modules/ecd/records.service.ts';
import { csvFile, registerRows, upload, waitForJob } from '../modules/register/files/testing/importFiles.ts';
import { createTestApp, type TestApp } from '../testing/testApp.ts';
import { ensureFlagCatalogue } from '../modules/register/flagCatalogue.ts';
import { newId } from '@treem/shared';

/**
 * The permissions matrix: every registered route × every role × in scope / out of scope.
 *
 * `allowed` is written out by hand — it is the access policy stated a second time, independently of
 * permissions.ts, so a change to either that the other does not share fails here. For each route, `inScope`
 * builds a request that must succeed for an allowed role (and must be refused with 403 for any other), and
 * `outOfScope` builds the same request aimed at another province, which must answer 404 (or, for lists, leave the
 * foreign records out). A route missing from this table fails the completeness test.
 */

interface Probe {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  url: string;
  body?: unknown;
  /** Run on this client instead of the role's main session (for calls that consume a session). */
  client?: TestClient;
  /** Extra headers (a file upload's content type; the body is then sent as it is). */
  headers?: Record<string, string>;
}

interface Case {
  allowed: readonly Role[] | 'authenticated' | 'public';
  inScope: (role: Role) => Promise<Probe>;
  /** null: the role's scope is national, nothing is outside it. */
  outOfScope?: (role: Role) => Promise<Probe | null>;
  /** For lists: out-of-scope records are filtered, not 404. */
  outOfScopeCheck?: (response: ApiResponse) => void;
}

let t: TestApp;
let country: SeedUnit;
let province: SeedUnit;
let commune: SeedUnit;
let secondCommune: SeedUnit;
let village: SeedUnit;
let foreignCommune: SeedUnit;
let foreignVillage: SeedUnit;
let otherVillage: SeedUnit;
let foreignProvince: SeedUnit;
let foreignWorker: TestClient;
let foreignJobId: string;
const sessions = new Map<Role, TestClient>();
const national: readonly Role[] = ['system_admin'];
let foreignUserId: string;

function scopeFor(role: Role): SeedUnit[] {
  switch (role) {
    case 'system_admin':
      return [country];
    case 'province_admin':
    case 'province_officer':
    case 'viewer':
      return [province];
    case 'commune_worker':
    case 'commune_leader':
    case 'health_worker':
    case 'school_staff':
      return [commune, secondCommune];
    case 'village_collaborator':
      return [village];
  }
}

async function freshSession(role: Role): Promise<{ client: TestClient; password: string; username: string }> {
  const user = await seedUser(t.db, { role, scope: scopeFor(role) });
  const client = t.client();
  await client.login(user.username, user.password);
  return { client, password: user.password, username: user.username };
}

const targetUser = async (where: SeedUnit) =>
  (await seedUser(t.db, { role: 'village_collaborator', scope: [where] })).id;
const freshVillage = async (where: SeedUnit) => (await seedVillage(t.db, where)).id;
const outside = <T>(role: Role, build: () => Promise<T>) =>
  national.includes(role) ? Promise.resolve(null) : build();
let counter = 0;
const unique = (prefix: string) => `${prefix}${(counter += 1)}`;

const registerReaders: readonly Role[] = [
  'province_admin',
  'province_officer',
  'commune_worker',
  'commune_leader',
  'health_worker',
  'school_staff',
  'village_collaborator',
  'viewer',
];
const registerWriters: readonly Role[] = ['commune_worker', 'health_worker', 'village_collaborator'];
const household = async (where: SeedUnit) => (await seedHousehold(t.db, where)).id;
const person = async (where: SeedUnit) => (await seedPerson(t.db, await seedHousehold(t.db, where))).id;
/** An open circumstance or flag on a fresh child of the village; returns the assignment's id. */
async function assignment(where: SeedUnit, table: 'circumstance_assignment' | 'at_risk_flag') {
  const child = await seedPerson(t.db, where);
  const common = {
    province_code: child.provinceCode,
    id: newId(),
    person_id: child.id,
    org_path: where.path,
    valid_from: '2024-01-01',
  };
  if (table === 'at_risk_flag') {
    await t.db
      .insertInto('at_risk_flag')
      .values({ ...common, flag_code: 'parents_away' })
      .execute();
  } else {
    await t.db
      .insertInto('circumstance_assignment')
      .values({ ...common, group_code: 'c' })
      .execute();
  }
  return common.id;
}

const importers: readonly Role[] = ['province_admin', 'commune_worker'];
const exporters: readonly Role[] = ['province_admin', 'province_officer', 'commune_worker', 'commune_leader'];
const ecdReaders = registerReaders;
const ecdWriters: readonly Role[] = [
  'commune_worker',
  'health_worker',
  'school_staff',
  'village_collaborator',
];
const ecdExporters: readonly Role[] = [
  'province_admin',
  'province_officer',
  'commune_worker',
  'commune_leader',
  'health_worker',
  'village_collaborator',
];
const ecdToday = todayInVietnam();
const screeningBody = { screenedOn: ecdToday, tool: 'checklist', domains: ['language'], result: 'on_track' };
const enrolmentBody = {
  schoolYear: schoolYearOf(ecdToday),
  level: 'kindergarten',
  schoolName: 'Trường Mầm non Hoa Sen',
  status: 'enrolled',
};
/** A 4-year-old of the village; returns the person's id. */
const ecdChild = async (where: SeedUnit) =>
  (await seedPerson(t.db, await seedHousehold(t.db, where), { birthDate: addYears(ecdToday, -4) })).id;
/** A record of a fresh child of the village; returns the record's id. */
async function ecdRecord(
  where: SeedUnit,
  kind: 'measurement' | 'dose' | 'screening' | 'service' | 'enrolment',
) {
  const birthDate = addYears(ecdToday, -4);
  const person = await seedPerson(t.db, await seedHousehold(t.db, where), { birthDate, sex: 'male' });
  const child = { ...person, sex: 'male' as const, birthDate };
  switch (kind) {
    case 'measurement':
      return seedMeasurement(t.db, child, ecdToday, { weightKg: 15 });
    case 'dose': {
      await seedDoses(t.db, child, [['bcg', ecdToday]]);
      const dose = await t.db
        .selectFrom('immunization_dose')
        .select('id')
        .where('person_id', '=', child.id)
        .executeTakeFirstOrThrow();
      return dose.id;
    }
    case 'screening':
      return seedScreening(t.db, child, {
        screenedOn: ecdToday,
        result: 'needs_follow_up',
        followUpOn: ecdToday,
      });
    case 'enrolment':
      return seedEnrolment(t.db, child, schoolYearOf(ecdToday));
    case 'service': {
      const id = newId();
      await t.db
        .insertInto('ecd_service_contact')
        .values({
          province_code: child.provinceCode,
          id,
          person_id: child.id,
          service_code: 'deworming',
          domain: 'health',
          received_on: ecdToday,
        })
        .execute();
      return id;
    }
  }
}
let serials = 0;
/** A small valid register file for the import village of the commune (or of the foreign commune). */
function importCsv(): string {
  serials += 10;
  return csvFile(registerRows(2, ['Thôn Hòa Bình'], { serialBase: 500_000 + serials })).toString('utf8');
}
/** An uploaded import job (validated when asked), owned by the in-scope or the foreign commune worker. */
async function importJob(where: 'here' | 'foreign', options: { validated?: boolean } = {}): Promise<string> {
  const client = where === 'here' ? sessions.get('commune_worker')! : foreignWorker;
  const communeId = where === 'here' ? commune.id : foreignCommune.id;
  const uploaded = await upload(
    t.app,
    client,
    communeId,
    'so-tre-em.csv',
    Buffer.from(importCsv()),
    'text/csv',
  );
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  if (options.validated) {
    expect((await client.post(`/api/register/imports/${uploaded.body.id}/validate`)).status).toBe(202);
    const job = await waitForJob(client, uploaded.body.id);
    expect(job).toMatchObject({ status: 'validated', errorCount: 0 });
  }
  return uploaded.body.id as string;
}

const cases: Record<string, Case> = {
  'POST /api/auth/login': {
    allowed: 'public',
    inScope: async () => ({ method: 'POST', url: '/api/auth/login' }),
  },
  'POST /api/auth/login/mfa': {
    allowed: 'public',
    inScope: async () => ({ method: 'POST', url: '/api/auth/login/mfa' }),
  },
  'POST /api/auth/logout': {
    allowed: 'authenticated',
    inScope: async (role) => ({
      method: 'POST',
      url: '/api/auth/logout',
      client: (await freshSession(role)).client,
    }),
  },
  'GET /api/auth/me': {
    allowed: 'authenticated',
    inScope: async () => ({ method: 'GET', url: '/api/auth/me' }),
  },
  'POST /api/auth/password': {
    allowed: 'authenticated',
    inScope: async (role) => {
      const { client, password } = await freshSession(role);
      return {
        method: 'POST',
        url: '/api/auth/password',
        client,
        body: { currentPassword: password, newPassword: 'Ma-tran-2026-moi' },
      };
    },
  },
  'POST /api/auth/mfa/enrol': {
    allowed: 'authenticated',
    inScope: async (role) => ({
      method: 'POST',
      url: '/api/auth/mfa/enrol',
      client: (await freshSession(role)).client,
    }),
  },
  'POST /api/auth/mfa/confirm': {
    allowed: 'authenticated',
    inScope: async (role) => {
      const { client } = await freshSession(role);
      const enrol = await client.post('/api/auth/mfa/enrol');
      return {
        method: 'POST',
        url: '/api/auth/mfa/confirm',
        client,
        body: { code: await generate({ secret: enrol.body.secret }) },
      };
    },
  },
  'POST /api/auth/mfa/disable': {
    allowed: 'authenticated',
    inScope: async (role) => {
      const { client, password } = await freshSession(role);
      return { method: 'POST', url: '/api/auth/mfa/disable', client, body: { password } };
    },
  },

  'GET /api/org-units/roots': {
    allowed: [...roles],
    inScope: async () => ({ method: 'GET', url: '/api/org-units/roots' }),
    outOfScope: async (role) => outside(role, async () => ({ method: 'GET', url: '/api/org-units/roots' })),
    outOfScopeCheck: (response) => {
      const ids = response.body.items.map((u: { id: string }) => u.id);
      expect(ids).not.toContain(foreignCommune.id);
    },
  },
  'GET /api/org-units': {
    allowed: [...roles],
    inScope: async (role) => ({ method: 'GET', url: `/api/org-units?parentId=${scopeFor(role)[0]!.id}` }),
    outOfScope: (role) =>
      outside(role, async () => ({ method: 'GET', url: `/api/org-units?parentId=${foreignCommune.id}` })),
  },
  'GET /api/org-units/lookup': {
    allowed: [...roles],
    inScope: async (role) => ({
      method: 'GET',
      url: `/api/org-units/lookup?code=${scopeFor(role)[0]!.code.replace(/\D/g, '').padStart(2, '0')}`,
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/org-units/lookup?code=${foreignCommune.code}`,
      })),
    outOfScopeCheck: (response) => expect(response.body.items).toEqual([]),
  },
  'GET /api/org-units/:id': {
    allowed: [...roles],
    inScope: async (role) => ({ method: 'GET', url: `/api/org-units/${scopeFor(role)[0]!.id}` }),
    outOfScope: (role) =>
      outside(role, async () => ({ method: 'GET', url: `/api/org-units/${foreignVillage.id}` })),
  },
  'POST /api/org-units/:id/villages': {
    allowed: ['system_admin', 'province_admin', 'commune_worker'],
    inScope: async () => ({
      method: 'POST',
      url: `/api/org-units/${commune.id}/villages`,
      body: { name: unique('Mới '), type: 'thon' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/org-units/${foreignCommune.id}/villages`,
        body: { name: unique('Lạ '), type: 'thon' },
      })),
  },
  'PATCH /api/org-units/:id': {
    allowed: ['system_admin', 'province_admin', 'commune_worker'],
    inScope: async () => ({
      method: 'PATCH',
      url: `/api/org-units/${await freshVillage(commune)}`,
      body: { name: unique('Đổi ') },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'PATCH',
        url: `/api/org-units/${await freshVillage(foreignCommune)}`,
        body: { name: unique('X ') },
      })),
  },
  'POST /api/org-units/:id/close': {
    allowed: ['system_admin', 'province_admin', 'commune_worker'],
    inScope: async () => ({
      method: 'POST',
      url: `/api/org-units/${await freshVillage(commune)}/close`,
      body: { closedOn: '2099-12-31', reason: 'Sáp nhập' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/org-units/${await freshVillage(foreignCommune)}/close`,
        body: { closedOn: '2099-12-31', reason: 'x' },
      })),
  },
  'POST /api/org-units/:id/move': {
    allowed: ['system_admin', 'province_admin', 'commune_worker'],
    inScope: async () => ({
      method: 'POST',
      url: `/api/org-units/${await freshVillage(commune)}/move`,
      body: { communeId: secondCommune.id, reason: 'Điều chỉnh' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/org-units/${await freshVillage(commune)}/move`,
        body: { communeId: foreignCommune.id, reason: 'x' },
      })),
  },

  'GET /api/users': {
    allowed: ['system_admin', 'province_admin', 'commune_worker', 'commune_leader'],
    inScope: async () => ({ method: 'GET', url: '/api/users?pageSize=200' }),
    outOfScope: (role) => outside(role, async () => ({ method: 'GET', url: '/api/users?pageSize=200' })),
    outOfScopeCheck: (response) => {
      expect(response.body.items.map((u: { id: string }) => u.id)).not.toContain(foreignUserId);
    },
  },
  'GET /api/users/:id': {
    allowed: ['system_admin', 'province_admin', 'commune_worker', 'commune_leader'],
    inScope: async () => ({ method: 'GET', url: `/api/users/${await targetUser(village)}` }),
    outOfScope: (role) =>
      outside(role, async () => ({ method: 'GET', url: `/api/users/${await targetUser(foreignVillage)}` })),
  },
  'POST /api/users': {
    allowed: ['system_admin', 'province_admin'],
    inScope: async () => ({
      method: 'POST',
      url: '/api/users',
      body: {
        username: unique('ma.tran.'),
        fullName: 'Người Thử',
        role: 'village_collaborator',
        scopeOrgUnitIds: [village.id],
        password: 'Ma-tran-2026!',
      },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: '/api/users',
        body: {
          username: unique('ngoai.'),
          fullName: 'Người Ngoài',
          role: 'village_collaborator',
          scopeOrgUnitIds: [foreignVillage.id],
          password: 'Ma-tran-2026!',
        },
      })),
  },
  'PATCH /api/users/:id': {
    allowed: ['system_admin', 'province_admin'],
    inScope: async () => ({
      method: 'PATCH',
      url: `/api/users/${await targetUser(village)}`,
      body: { fullName: 'Tên Mới' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'PATCH',
        url: `/api/users/${await targetUser(foreignVillage)}`,
        body: { fullName: 'Tên Mới' },
      })),
  },
  'POST /api/users/:id/disable': {
    allowed: ['system_admin', 'province_admin'],
    inScope: async () => ({
      method: 'POST',
      url: `/api/users/${await targetUser(village)}/disable`,
      body: { reason: 'Nghỉ' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/users/${await targetUser(foreignVillage)}/disable`,
        body: { reason: 'x' },
      })),
  },
  'POST /api/users/:id/enable': {
    allowed: ['system_admin', 'province_admin'],
    inScope: async () => ({ method: 'POST', url: `/api/users/${await targetUser(village)}/enable` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/users/${await targetUser(foreignVillage)}/enable`,
      })),
  },
  'POST /api/users/:id/reset-password': {
    allowed: ['system_admin', 'province_admin'],
    inScope: async () => ({
      method: 'POST',
      url: `/api/users/${await targetUser(village)}/reset-password`,
      body: { newPassword: 'Dat-lai-2026!' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/users/${await targetUser(foreignVillage)}/reset-password`,
        body: { newPassword: 'Dat-lai-2026!' },
      })),
  },
  'POST /api/users/:id/reset-mfa': {
    allowed: ['system_admin', 'province_admin'],
    inScope: async () => ({ method: 'POST', url: `/api/users/${await targetUser(village)}/reset-mfa` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/users/${await targetUser(foreignVillage)}/reset-mfa`,
      })),
  },

  'GET /api/audit-events': {
    allowed: ['system_admin', 'province_admin'],
    inScope: async () => ({ method: 'GET', url: '/api/audit-events?pageSize=200' }),
    outOfScope: (role) =>
      outside(role, async () => ({ method: 'GET', url: '/api/audit-events?pageSize=200' })),
    outOfScopeCheck: (response) => {
      for (const event of response.body.items) expect(event.entityId).not.toBe(foreignUserId);
    },
  },

  'GET /api/register/households': {
    allowed: registerReaders,
    inScope: async () => ({ method: 'GET', url: `/api/register/households?orgUnitId=${village.id}` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/register/households?orgUnitId=${foreignVillage.id}`,
      })),
  },
  'GET /api/register/households/:id': {
    allowed: registerReaders,
    inScope: async () => ({ method: 'GET', url: `/api/register/households/${await household(village)}` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/register/households/${await household(foreignVillage)}`,
      })),
  },
  'POST /api/register/households': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'POST',
      url: '/api/register/households',
      body: { villageId: village.id, address: unique('Số nhà ') },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: '/api/register/households',
        body: { villageId: foreignVillage.id, address: 'x' },
      })),
  },
  'PUT /api/register/households/:id': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'PUT',
      url: `/api/register/households/${await household(village)}`,
      body: { address: unique('Địa chỉ mới ') },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'PUT',
        url: `/api/register/households/${await household(foreignVillage)}`,
        body: { address: 'x' },
      })),
  },
  'POST /api/register/households/:id/move': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/register/households/${await household(village)}/move`,
      body: { toVillageId: otherVillage.id, moveDate: '2025-01-01', reason: 'Chuyển nhà' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/register/households/${await household(foreignVillage)}/move`,
        body: { toVillageId: otherVillage.id, moveDate: '2025-01-01', reason: 'x' },
      })),
  },
  'GET /api/register/persons': {
    allowed: registerReaders,
    inScope: async () => ({ method: 'GET', url: `/api/register/persons?orgUnitId=${village.id}` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/register/persons?orgUnitId=${foreignVillage.id}`,
      })),
  },
  'GET /api/register/persons/:id': {
    allowed: registerReaders,
    inScope: async () => ({ method: 'GET', url: `/api/register/persons/${await person(village)}` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/register/persons/${await person(foreignVillage)}`,
      })),
  },
  'GET /api/register/persons/:id/history': {
    allowed: registerReaders,
    inScope: async () => ({ method: 'GET', url: `/api/register/persons/${await person(village)}/history` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/register/persons/${await person(foreignVillage)}/history`,
      })),
  },
  'POST /api/register/persons': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'POST',
      url: '/api/register/persons',
      body: { villageId: village.id, fullName: unique('Trẻ Mới '), sex: 'male', birthDate: '2019-04-04' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: '/api/register/persons',
        body: {
          villageId: foreignVillage.id,
          fullName: unique('Trẻ Lạ '),
          sex: 'male',
          birthDate: '2019-04-04',
        },
      })),
  },
  'PUT /api/register/persons/:id': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'PUT',
      url: `/api/register/persons/${await person(village)}`,
      body: { fullName: unique('Tên Sửa '), sex: 'female', birthDate: '2018-05-20' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'PUT',
        url: `/api/register/persons/${await person(foreignVillage)}`,
        body: { fullName: 'x', sex: 'female', birthDate: '2018-05-20' },
      })),
  },
  'POST /api/register/persons/:id/move': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/register/persons/${await person(village)}/move`,
      body: { toVillageId: otherVillage.id, moveDate: '2025-01-01', reason: 'Ở với ông bà' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/register/persons/${await person(foreignVillage)}/move`,
        body: { toVillageId: otherVillage.id, moveDate: '2025-01-01', reason: 'x' },
      })),
  },
  'POST /api/register/persons/:id/move-out': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/register/persons/${await person(village)}/move-out`,
      body: { moveDate: '2025-01-01', destination: 'TP. Hồ Chí Minh' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/register/persons/${await person(foreignVillage)}/move-out`,
        body: { moveDate: '2025-01-01', destination: 'x' },
      })),
  },
  'POST /api/register/persons/:id/death': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/register/persons/${await person(village)}/death`,
      body: { deathDate: '2025-01-01', cause: 'illness' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/register/persons/${await person(foreignVillage)}/death`,
        body: { deathDate: '2025-01-01', cause: 'illness' },
      })),
  },
  'POST /api/register/persons/:id/circumstances': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/register/persons/${await person(village)}/circumstances`,
      body: { groupCode: 'c', validFrom: '2024-01-01' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/register/persons/${await person(foreignVillage)}/circumstances`,
        body: { groupCode: 'c', validFrom: '2024-01-01' },
      })),
  },
  'POST /api/register/circumstances/:id/end': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/register/circumstances/${await assignment(village, 'circumstance_assignment')}/end`,
      body: { validTo: '2025-01-01', reason: 'Đã ổn định' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/register/circumstances/${await assignment(foreignVillage, 'circumstance_assignment')}/end`,
        body: { validTo: '2025-01-01', reason: 'x' },
      })),
  },
  'POST /api/register/persons/:id/flags': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/register/persons/${await person(village)}/flags`,
      body: { flagCode: 'parents_away', validFrom: '2024-01-01' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/register/persons/${await person(foreignVillage)}/flags`,
        body: { flagCode: 'parents_away', validFrom: '2024-01-01' },
      })),
  },
  'POST /api/register/flags/:id/end': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/register/flags/${await assignment(village, 'at_risk_flag')}/end`,
      body: { validTo: '2025-01-01', reason: 'Cha mẹ đã về' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/register/flags/${await assignment(foreignVillage, 'at_risk_flag')}/end`,
        body: { validTo: '2025-01-01', reason: 'x' },
      })),
  },
  'GET /api/register/flag-types': {
    allowed: registerReaders,
    inScope: async () => ({ method: 'GET', url: `/api/register/flag-types?provinceCode=${province.code}` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/register/flag-types?provinceCode=${foreignProvince.code}`,
      })),
  },
  'PUT /api/register/flag-types/:provinceCode/:code': {
    allowed: ['province_admin'],
    inScope: async () => ({
      method: 'PUT',
      url: `/api/register/flag-types/${province.code}/${unique('local_flag_')}`,
      body: { nameVi: 'Trẻ sống gần sông suối', nameEn: 'Lives near rivers' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'PUT',
        url: `/api/register/flag-types/${foreignProvince.code}/${unique('local_flag_')}`,
        body: { nameVi: 'x', nameEn: 'x' },
      })),
  },
  'POST /api/register/duplicates/check': {
    allowed: registerWriters,
    inScope: async () => ({
      method: 'POST',
      url: '/api/register/duplicates/check',
      body: { villageId: village.id, fullName: 'Nguyễn Văn A', birthDate: '2018-01-01' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: '/api/register/duplicates/check',
        body: { villageId: foreignVillage.id, fullName: 'Nguyễn Văn A', birthDate: '2018-01-01' },
      })),
  },
  'GET /api/register/duplicates': {
    allowed: ['commune_worker'],
    inScope: async () => ({ method: 'GET', url: `/api/register/duplicates?orgUnitId=${commune.id}` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/register/duplicates?orgUnitId=${foreignCommune.id}`,
      })),
  },
  'POST /api/register/duplicates/dismiss': {
    allowed: ['commune_worker'],
    inScope: async () => ({
      method: 'POST',
      url: '/api/register/duplicates/dismiss',
      body: {
        personAId: await person(village),
        personBId: await person(village),
        reason: 'Hai trẻ khác nhau',
      },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: '/api/register/duplicates/dismiss',
        body: {
          personAId: await person(foreignVillage),
          personBId: await person(foreignVillage),
          reason: 'x',
        },
      })),
  },
  'POST /api/register/persons/merge': {
    allowed: ['commune_worker'],
    inScope: async () => ({
      method: 'POST',
      url: '/api/register/persons/merge',
      body: { keepId: await person(village), mergeId: await person(village), reason: 'Nhập trùng' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: '/api/register/persons/merge',
        body: { keepId: await person(foreignVillage), mergeId: await person(foreignVillage), reason: 'x' },
      })),
  },

  'GET /api/register/import/template': {
    allowed: importers,
    inScope: async () => ({ method: 'GET', url: '/api/register/import/template' }),
  },
  'POST /api/register/imports': {
    allowed: importers,
    inScope: async () => ({
      method: 'POST',
      url: `/api/register/imports?communeId=${commune.id}&fileName=so.csv`,
      body: importCsv(),
      headers: { 'content-type': 'text/csv' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/register/imports?communeId=${foreignCommune.id}&fileName=so.csv`,
        body: importCsv(),
        headers: { 'content-type': 'text/csv' },
      })),
  },
  'GET /api/register/imports': {
    allowed: importers,
    inScope: async () => ({ method: 'GET', url: '/api/register/imports?pageSize=200' }),
    outOfScope: (role) =>
      outside(role, async () => ({ method: 'GET', url: '/api/register/imports?pageSize=200' })),
    outOfScopeCheck: (response) => {
      expect(response.body.items.map((job: { id: string }) => job.id)).not.toContain(foreignJobId);
    },
  },
  'GET /api/register/imports/:id': {
    allowed: importers,
    inScope: async () => ({ method: 'GET', url: `/api/register/imports/${await importJob('here')}` }),
    outOfScope: (role) =>
      outside(role, async () => ({ method: 'GET', url: `/api/register/imports/${foreignJobId}` })),
  },
  'GET /api/register/imports/:id/errors': {
    allowed: importers,
    inScope: async () => ({ method: 'GET', url: `/api/register/imports/${await importJob('here')}/errors` }),
    outOfScope: (role) =>
      outside(role, async () => ({ method: 'GET', url: `/api/register/imports/${foreignJobId}/errors` })),
  },
  'GET /api/register/imports/:id/errors.xlsx': {
    allowed: importers,
    inScope: async () => ({
      method: 'GET',
      url: `/api/register/imports/${await importJob('here')}/errors.xlsx`,
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/register/imports/${foreignJobId}/errors.xlsx`,
      })),
  },
  'PUT /api/register/imports/:id/mapping': {
    allowed: importers,
    inScope: async () => {
      const id = await importJob('here');
      const job = await sessions.get('commune_worker')!.get(`/api/register/imports/${id}`);
      return {
        method: 'PUT',
        url: `/api/register/imports/${id}/mapping`,
        body: { mapping: job.body.mapping },
      };
    },
    outOfScope: (role) =>
      outside(role, async () => {
        const job = await foreignWorker.get(`/api/register/imports/${foreignJobId}`);
        return {
          method: 'PUT',
          url: `/api/register/imports/${foreignJobId}/mapping`,
          body: { mapping: job.body.mapping },
        };
      }),
  },
  'POST /api/register/imports/:id/validate': {
    allowed: importers,
    inScope: async () => ({
      method: 'POST',
      url: `/api/register/imports/${await importJob('here')}/validate`,
    }),
    outOfScope: (role) =>
      outside(role, async () => ({ method: 'POST', url: `/api/register/imports/${foreignJobId}/validate` })),
  },
  'POST /api/register/imports/:id/run': {
    allowed: importers,
    inScope: async () => ({
      method: 'POST',
      url: `/api/register/imports/${await importJob('here', { validated: true })}/run`,
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/register/imports/${await importJob('foreign', { validated: true })}/run`,
      })),
  },
  'GET /api/register/persons/export': {
    allowed: exporters,
    inScope: async () => ({
      method: 'GET',
      url: `/api/register/persons/export?format=csv&orgUnitId=${village.id}`,
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/register/persons/export?format=csv&orgUnitId=${foreignVillage.id}`,
      })),
  },
  'GET /api/register/villages/:id/book.pdf': {
    allowed: exporters,
    inScope: async () => ({ method: 'GET', url: `/api/register/villages/${village.id}/book.pdf` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/register/villages/${foreignVillage.id}/book.pdf`,
      })),
  },

  'GET /api/ecd/persons/:id/measurements': {
    allowed: ecdReaders,
    inScope: async () => ({ method: 'GET', url: `/api/ecd/persons/${await ecdChild(village)}/measurements` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/ecd/persons/${await ecdChild(foreignVillage)}/measurements`,
      })),
  },
  'POST /api/ecd/persons/:id/measurements': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/ecd/persons/${await ecdChild(village)}/measurements`,
      body: { measuredOn: ecdToday, weightKg: 9.5 },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/ecd/persons/${await ecdChild(foreignVillage)}/measurements`,
        body: { measuredOn: ecdToday, weightKg: 9.5 },
      })),
  },
  'PUT /api/ecd/measurements/:id': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'PUT',
      url: `/api/ecd/measurements/${await ecdRecord(village, 'measurement')}`,
      body: { measuredOn: ecdToday, weightKg: 9.6 },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'PUT',
        url: `/api/ecd/measurements/${await ecdRecord(foreignVillage, 'measurement')}`,
        body: { measuredOn: ecdToday, weightKg: 9.6 },
      })),
  },
  'POST /api/ecd/measurements/:id/delete': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/ecd/measurements/${await ecdRecord(village, 'measurement')}/delete`,
      body: { reason: 'Nhập nhầm' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/ecd/measurements/${await ecdRecord(foreignVillage, 'measurement')}/delete`,
        body: { reason: 'Nhập nhầm' },
      })),
  },
  'GET /api/ecd/weighing-day/children': {
    allowed: ecdReaders,
    inScope: async () => ({ method: 'GET', url: `/api/ecd/weighing-day/children?villageId=${village.id}` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/ecd/weighing-day/children?villageId=${foreignVillage.id}`,
      })),
  },
  'POST /api/ecd/weighing-day': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: '/api/ecd/weighing-day',
      body: {
        villageId: village.id,
        measuredOn: ecdToday,
        rows: [{ personId: await ecdChild(village), weightKg: 9 }],
      },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: '/api/ecd/weighing-day',
        body: {
          villageId: foreignVillage.id,
          measuredOn: ecdToday,
          rows: [{ personId: await ecdChild(foreignVillage), weightKg: 9 }],
        },
      })),
  },
  'GET /api/ecd/persons/:id/immunization': {
    allowed: ecdReaders,
    inScope: async () => ({ method: 'GET', url: `/api/ecd/persons/${await ecdChild(village)}/immunization` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/ecd/persons/${await ecdChild(foreignVillage)}/immunization`,
      })),
  },
  'POST /api/ecd/persons/:id/doses': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/ecd/persons/${await ecdChild(village)}/doses`,
      body: { vaccineCode: 'bcg', givenOn: ecdToday },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/ecd/persons/${await ecdChild(foreignVillage)}/doses`,
        body: { vaccineCode: 'bcg', givenOn: ecdToday },
      })),
  },
  'POST /api/ecd/doses/:id/delete': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/ecd/doses/${await ecdRecord(village, 'dose')}/delete`,
      body: { reason: 'Ghi nhầm' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/ecd/doses/${await ecdRecord(foreignVillage, 'dose')}/delete`,
        body: { reason: 'Ghi nhầm' },
      })),
  },
  'POST /api/ecd/imports/doses': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/ecd/imports/doses?unitId=${village.id}`,
      body: `person_id,vaccine,given_on\n${await ecdChild(village)},bcg,${ecdToday}\n`,
      headers: { 'content-type': 'text/csv' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/ecd/imports/doses?unitId=${foreignVillage.id}`,
        body: `person_id,vaccine,given_on\n${await ecdChild(foreignVillage)},bcg,${ecdToday}\n`,
        headers: { 'content-type': 'text/csv' },
      })),
  },
  'GET /api/ecd/persons/:id/screenings': {
    allowed: ecdReaders,
    inScope: async () => ({ method: 'GET', url: `/api/ecd/persons/${await ecdChild(village)}/screenings` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/ecd/persons/${await ecdChild(foreignVillage)}/screenings`,
      })),
  },
  'POST /api/ecd/persons/:id/screenings': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/ecd/persons/${await ecdChild(village)}/screenings`,
      body: screeningBody,
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/ecd/persons/${await ecdChild(foreignVillage)}/screenings`,
        body: screeningBody,
      })),
  },
  'POST /api/ecd/screenings/:id/follow-up-done': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/ecd/screenings/${await ecdRecord(village, 'screening')}/follow-up-done`,
      body: { doneOn: ecdToday },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/ecd/screenings/${await ecdRecord(foreignVillage, 'screening')}/follow-up-done`,
        body: { doneOn: ecdToday },
      })),
  },
  'POST /api/ecd/screenings/:id/delete': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/ecd/screenings/${await ecdRecord(village, 'screening')}/delete`,
      body: { reason: 'Nhập nhầm' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/ecd/screenings/${await ecdRecord(foreignVillage, 'screening')}/delete`,
        body: { reason: 'Nhập nhầm' },
      })),
  },
  'POST /api/ecd/enrolments/:id/delete': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/ecd/enrolments/${await ecdRecord(village, 'enrolment')}/delete`,
      body: { reason: 'Nhập nhầm' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/ecd/enrolments/${await ecdRecord(foreignVillage, 'enrolment')}/delete`,
        body: { reason: 'Nhập nhầm' },
      })),
  },
  'GET /api/ecd/persons/:id/services': {
    allowed: ecdReaders,
    inScope: async () => ({ method: 'GET', url: `/api/ecd/persons/${await ecdChild(village)}/services` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/ecd/persons/${await ecdChild(foreignVillage)}/services`,
      })),
  },
  'POST /api/ecd/persons/:id/services': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/ecd/persons/${await ecdChild(village)}/services`,
      body: { serviceCode: 'health_check', receivedOn: ecdToday },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/ecd/persons/${await ecdChild(foreignVillage)}/services`,
        body: { serviceCode: 'health_check', receivedOn: ecdToday },
      })),
  },
  'POST /api/ecd/services/:id/delete': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'POST',
      url: `/api/ecd/services/${await ecdRecord(village, 'service')}/delete`,
      body: { reason: 'Ghi trùng' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/ecd/services/${await ecdRecord(foreignVillage, 'service')}/delete`,
        body: { reason: 'Ghi trùng' },
      })),
  },
  'GET /api/ecd/persons/:id/enrolments': {
    allowed: ecdReaders,
    inScope: async () => ({ method: 'GET', url: `/api/ecd/persons/${await ecdChild(village)}/enrolments` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/ecd/persons/${await ecdChild(foreignVillage)}/enrolments`,
      })),
  },
  'PUT /api/ecd/persons/:id/enrolments': {
    allowed: ecdWriters,
    inScope: async () => ({
      method: 'PUT',
      url: `/api/ecd/persons/${await ecdChild(village)}/enrolments`,
      body: enrolmentBody,
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'PUT',
        url: `/api/ecd/persons/${await ecdChild(foreignVillage)}/enrolments`,
        body: enrolmentBody,
      })),
  },
  'GET /api/ecd/action-lists/:kind': {
    allowed: ecdReaders,
    inScope: async () => ({ method: 'GET', url: `/api/ecd/action-lists/overdue_doses?unitId=${village.id}` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/ecd/action-lists/overdue_doses?unitId=${foreignVillage.id}`,
      })),
  },
  'GET /api/ecd/action-lists/:kind/export': {
    allowed: ecdExporters,
    inScope: async () => ({
      method: 'GET',
      url: `/api/ecd/action-lists/not_measured_under2/export?unitId=${village.id}`,
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/ecd/action-lists/not_measured_under2/export?unitId=${foreignVillage.id}`,
      })),
  },
  'GET /api/providers': {
    allowed: registerReaders,
    inScope: async () => ({ method: 'GET', url: '/api/providers?pageSize=200' }),
    outOfScope: (role) =>
      outside(role, async () => {
        await seedProvider(t.db, foreignCommune, { name: 'Cơ sở ngoài tỉnh' });
        return { method: 'GET', url: '/api/providers?pageSize=200&status=all' };
      }),
    outOfScopeCheck: (response) => {
      expect(response.body.items.map((p: { name: string }) => p.name)).not.toContain('Cơ sở ngoài tỉnh');
    },
  },
  'GET /api/providers/coverage': {
    allowed: registerReaders,
    inScope: async (role) => ({
      method: 'GET',
      url: `/api/providers/coverage?unitId=${scopeFor(role)[0]!.id}`,
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/providers/coverage?unitId=${foreignCommune.id}`,
      })),
  },
  'GET /api/providers/:id': {
    allowed: registerReaders,
    inScope: async () => ({ method: 'GET', url: `/api/providers/${(await seedProvider(t.db, commune)).id}` }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'GET',
        url: `/api/providers/${(await seedProvider(t.db, foreignCommune)).id}`,
      })),
  },
  'POST /api/providers': {
    allowed: ['province_admin', 'commune_worker'],
    inScope: async () => ({
      method: 'POST',
      url: '/api/providers',
      body: {
        ownerUnitId: commune.id,
        name: unique('Cơ sở '),
        sector: 'ngo',
        level: 'commune',
        services: ['counselling'],
      },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: '/api/providers',
        body: {
          ownerUnitId: foreignCommune.id,
          name: 'Lạ',
          sector: 'ngo',
          level: 'commune',
          services: ['counselling'],
        },
      })),
  },
  'PUT /api/providers/:id': {
    allowed: ['province_admin', 'commune_worker'],
    inScope: async () => ({
      method: 'PUT',
      url: `/api/providers/${(await seedProvider(t.db, commune)).id}`,
      body: {
        ownerUnitId: commune.id,
        name: unique('Sửa '),
        sector: 'school',
        level: 'facility',
        services: ['preschool_education'],
      },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'PUT',
        url: `/api/providers/${(await seedProvider(t.db, foreignCommune)).id}`,
        body: {
          ownerUnitId: foreignCommune.id,
          name: 'Xa',
          sector: 'school',
          level: 'facility',
          services: ['preschool_education'],
        },
      })),
  },
  'POST /api/providers/:id/deactivate': {
    allowed: ['province_admin', 'commune_worker'],
    inScope: async () => ({
      method: 'POST',
      url: `/api/providers/${(await seedProvider(t.db, commune)).id}/deactivate`,
      body: { reason: 'Ngừng hoạt động' },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/providers/${(await seedProvider(t.db, foreignCommune)).id}/deactivate`,
        body: { reason: 'Ngừng hoạt động' },
      })),
  },
  'POST /api/providers/:id/reactivate': {
    allowed: ['province_admin', 'commune_worker'],
    inScope: async () => ({
      method: 'POST',
      url: `/api/providers/${(await seedProvider(t.db, commune, { active: false })).id}/reactivate`,
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'POST',
        url: `/api/providers/${(await seedProvider(t.db, foreignCommune, { active: false })).id}/reactivate`,
      })),
  },
  'PUT /api/providers/:id/coverage': {
    allowed: ['province_admin', 'commune_worker'],
    inScope: async () => ({
      method: 'PUT',
      url: `/api/providers/${(await seedProvider(t.db, commune)).id}/coverage`,
      body: { unitIds: [commune.id, village.id] },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'PUT',
        url: `/api/providers/${(await seedProvider(t.db, foreignCommune)).id}/coverage`,
        body: { unitIds: [foreignCommune.id] },
      })),
  },
  'PUT /api/providers/:id/members': {
    allowed: ['province_admin', 'commune_worker'],
    inScope: async () => ({
      method: 'PUT',
      url: `/api/providers/${(await seedProvider(t.db, commune)).id}/members`,
      body: { userIds: [await targetUser(village)] },
    }),
    outOfScope: (role) =>
      outside(role, async () => ({
        method: 'PUT',
        url: `/api/providers/${(await seedProvider(t.db, foreignCommune)).id}/members`,
        body: { userIds: [] },
      })),
  },
  // Child protection: cases, referrals, alternative care (rows built in testing/caseMatrix.ts).
  ...caseMatrix(matrixContext),
  // Indicators, aggregate entry, plans (rows in testing/indicatorMatrix.ts, aggregateMatrix.ts, planMatrix.ts).
  ...indicatorMatrix(matrixContext),
  ...aggregateMatrix(matrixContext),
  ...planMatrix(matrixContext),
};

function matrixContext() {
  return {
    t,
    sessions,
    province,
    foreignProvince,
    commune,
    secondCommune,
    village,
    foreignCommune,
    foreignVillage,
    foreignWorker,
  };
}

/** Served outside `route()` on purpose: probes and documentation, no personal data. */
const operationalRoutes = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /api/openapi.json',
  'GET /api/docs',
]);

async function run(role: Role, probe: Probe): Promise<ApiResponse> {
  const client = probe.client ?? sessions.get(role)!;
  return client.request(
    probe.method,
    probe.url,
    probe.method === 'GET' ? undefined : (probe.body ?? {}),
    probe.headers,
  );
}

const allowedRoles = (c: Case): readonly Role[] => (Array.isArray(c.allowed) ? c.allowed : roles);

beforeAll(async () => {
  t = await createTestApp();
  country = await seedCountry(t.db);
  province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province);
  secondCommune = await seedCommune(t.db, province);
  village = await seedVillage(t.db, commune);
  otherVillage = await seedVillage(t.db, commune);
  foreignProvince = await seedProvince(t.db);
  foreignCommune = await seedCommune(t.db, foreignProvince);
  foreignVillage = await seedVillage(t.db, foreignCommune);
  for (const role of roles) sessions.set(role, (await freshSession(role)).client);
  await ensureFlagCatalogue(t.db, province.code);
  await ensureFlagCatalogue(t.db, foreignProvince.code);
  // The villages the import files name ("Thôn Hòa Bình"), in scope and in the foreign commune.
  await seedVillage(t.db, commune, { name: 'Hòa Bình' });
  await seedVillage(t.db, foreignCommune, { name: 'Hòa Bình' });
  const foreignWorkerUser = await seedUser(t.db, { role: 'commune_worker', scope: [foreignCommune] });
  foreignWorker = t.client();
  await foreignWorker.login(foreignWorkerUser.username, foreignWorkerUser.password);
  foreignJobId = await importJob('foreign');
  // A foreign user with an audit trail, to prove lists leave both out.
  const admin = sessions.get('system_admin')!;
  const created = await admin.post('/api/users', {
    username: 'nguoi.ngoai.tinh',
    fullName: 'Người Ngoài Tỉnh',
    role: 'village_collaborator',
    scopeOrgUnitIds: [foreignVillage.id],
    password: 'Ngoai-tinh-2026!',
  });
  expect(created.status).toBe(201);
  foreignUserId = created.body.id;
}, 180_000);
afterAll(() => t.close());

test('every route is either in the matrix with a permission, or an operational route', () => {
  const registered = t.endpoints.map((e) => `${e.method} ${e.path}`);
  expect([...registered].sort()).toEqual(Object.keys(cases).sort());
  for (const endpoint of t.endpoints) {
    expect(endpoint.permission, `${endpoint.method} ${endpoint.path}`).toBeTruthy();
    const c = cases[`${endpoint.method} ${endpoint.path}`]!;
    const declared = c.allowed === 'public' || c.allowed === 'authenticated' ? c.allowed : 'permission';
    expect(
      declared === 'permission'
        ? endpoint.permission !== 'public' && endpoint.permission !== 'authenticated'
        : endpoint.permission === declared,
    ).toBe(true);
  }
  // Fastify answers HEAD for every GET route with the GET handler, so a HEAD route is explained by its GET.
  const served = t.routes.map((r) => `${r.method === 'HEAD' ? 'GET' : r.method} ${r.url}`);
  const unexplained = served.filter((r) => !registered.includes(r) && !operationalRoutes.has(r));
  expect(unexplained).toEqual([]);
});

describe('without a session', () => {
  for (const [key, c] of Object.entries(cases)) {
    if (c.allowed === 'public') continue;
    test(`${key} answers 401`, async () => {
      const probe = await c.inScope('system_admin');
      const response = await t
        .client()
        .request(
          probe.method,
          probe.url,
          probe.method === 'GET' ? undefined : (probe.body ?? {}),
          probe.headers,
        );
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    });
  }
});

for (const [key, c] of Object.entries(cases)) {
  if (c.allowed === 'public') continue;
  describe(key, () => {
    for (const role of roles) {
      const allowed = allowedRoles(c).includes(role);
      test(`${role}: ${allowed ? 'allowed' : 'refused'} in scope`, async () => {
        const response = await run(role, await c.inScope(role));
        if (allowed) {
          const endpoint = t.endpoints.find((e) => `${e.method} ${e.path}` === key)!;
          expect(response.status, JSON.stringify(response.body)).toBe(endpoint.successStatus ?? 200);
        } else {
          expect(response.status).toBe(403);
          expect(response.body.error.code).toBe('FORBIDDEN');
        }
      });
      if (!c.outOfScope) continue;
      test(`${role}: ${allowed ? 'not found' : 'refused'} out of scope`, async () => {
        const probe = await c.outOfScope!(role);
        if (probe === null) return;
        const response = await run(role, probe);
        if (!allowed) {
          expect(response.status).toBe(403);
        } else if (c.outOfScopeCheck) {
          expect(response.status).toBe(200);
          c.outOfScopeCheck(response);
        } else {
          expect(response.status, JSON.stringify(response.body)).toBe(404);
          expect(response.body.error.code).toBe('NOT_FOUND');
        }
      });
    }
  });
}
