import {
  foldVietnamese,
  newId,
  villageTypeNames,
  type Role,
  type Sector,
  type VillageType,
} from '@treem/shared';
import type { Kysely } from 'kysely';
import { systemActor, writeAudit } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { COUNTRY_ID, referenceUnitId } from './adminUnits.ts';
import { seedCasesDemo, type CasesDemoReport } from './casesDemo.ts';
import { seedRegisterDemo, type RegisterDemoReport } from './registerDemo.ts';

/** Shared by every demo account; documented in the README. Demo data only — never a real deployment. */
export const DEMO_PASSWORD = 'Demo@treem2026';

export const DEMO_PROVINCE_CODE = '01';
/** Xã Hoà Lạc (rural, thôn), Phường Ba Đình (urban, tổ dân phố), Xã Đông Anh (rural, thôn). */
export const DEMO_COMMUNES = [
  {
    code: '09988',
    villages: [
      ['thon', 'Hòa Bình'],
      ['thon', 'Hòa Lạc'],
      ['thon', 'Đồng Trúc'],
      ['thon', 'Phú Mỹ'],
      ['thon', 'Tân Xã'],
    ],
  },
  {
    code: '00004',
    villages: [
      ['to_dan_pho', 'Số 1'],
      ['to_dan_pho', 'Số 2'],
      ['to_dan_pho', 'Số 3'],
      ['to_dan_pho', 'Hòa Mã'],
    ],
  },
  {
    code: '00454',
    villages: [
      ['thon', 'Đông'],
      ['thon', 'Đoài'],
      ['thon', 'Hòa Đình'],
    ],
  },
] as const satisfies readonly { code: string; villages: readonly (readonly [VillageType, string])[] }[];

type ScopeRef =
  | { kind: 'country' }
  | { kind: 'province' }
  | { kind: 'commune'; code: string }
  | { kind: 'village'; commune: string; name: string };

export const DEMO_USERS: readonly {
  username: string;
  fullName: string;
  role: Role;
  sector: Sector | null;
  scope: ScopeRef;
}[] = [
  {
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    role: 'system_admin',
    sector: null,
    scope: { kind: 'country' },
  },
  {
    username: 'tinh.quantri',
    fullName: 'Nguyễn Văn Quản',
    role: 'province_admin',
    sector: null,
    scope: { kind: 'province' },
  },
  {
    username: 'tinh.yte',
    fullName: 'Trần Thị Hạnh',
    role: 'province_officer',
    sector: 'health',
    scope: { kind: 'province' },
  },
  {
    username: 'tinh.baove',
    fullName: 'Ngô Thị Bảo',
    role: 'province_officer',
    sector: 'social_protection',
    scope: { kind: 'province' },
  },
  {
    username: 'xa.canbo',
    fullName: 'Lê Thị Hằng',
    role: 'commune_worker',
    sector: null,
    scope: { kind: 'commune', code: '09988' },
  },
  {
    username: 'xa.chutich',
    fullName: 'Phạm Văn Đức',
    role: 'commune_leader',
    sector: null,
    scope: { kind: 'commune', code: '09988' },
  },
  {
    username: 'xa.tramyte',
    fullName: 'Đỗ Thị Lan',
    role: 'health_worker',
    sector: 'health',
    scope: { kind: 'commune', code: '09988' },
  },
  {
    username: 'xa.truonghoc',
    fullName: 'Vũ Thị Mai',
    role: 'school_staff',
    sector: 'education',
    scope: { kind: 'commune', code: '09988' },
  },
  {
    username: 'thon.ctv',
    fullName: 'Hoàng Thị Nga',
    role: 'village_collaborator',
    sector: null,
    scope: { kind: 'village', commune: '09988', name: 'Hòa Bình' },
  },
  { username: 'xem', fullName: 'Bùi Minh Tuấn', role: 'viewer', sector: null, scope: { kind: 'province' } },
];

async function ensureVillages(db: Kysely<DB>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const commune of DEMO_COMMUNES) {
    const parent = await db
      .selectFrom('org_unit')
      .select(['id', 'path'])
      .where('id', '=', referenceUnitId('current', 'commune', commune.code))
      .executeTakeFirstOrThrow();
    for (const [type, name] of commune.villages) {
      const existing = await db
        .selectFrom('org_unit')
        .select('id')
        .where('parent_id', '=', parent.id)
        .where('generation', '=', 'village')
        .where('name_search', '=', foldVietnamese(name))
        .executeTakeFirst();
      let id = existing?.id;
      if (!id) {
        id = newId();
        const index = commune.villages.findIndex(([, n]) => n === name) + 1;
        await db
          .insertInto('org_unit')
          .values({
            id,
            generation: 'village',
            level: 'village',
            code: String(index).padStart(3, '0'),
            name,
            full_name: `${villageTypeNames[type]} ${name}`,
            name_search: foldVietnamese(name),
            type: villageTypeNames[type],
            type_code: type,
            parent_id: parent.id,
            path: `${parent.path}.v${id.replace(/-/g, '').slice(-12)}`,
            province_code: DEMO_PROVINCE_CODE,
            valid_from: '2025-07-01',
          })
          .execute();
      }
      ids.set(`${commune.code}/${name}`, id);
    }
  }
  return ids;
}

function scopeUnitId(scope: ScopeRef, villages: Map<string, string>): string {
  switch (scope.kind) {
    case 'country':
      return COUNTRY_ID;
    case 'province':
      return referenceUnitId('current', 'province', DEMO_PROVINCE_CODE);
    case 'commune':
      return referenceUnitId('current', 'commune', scope.code);
    case 'village': {
      const id = villages.get(`${scope.commune}/${scope.name}`);
      if (!id) throw new Error(`demo village ${scope.name} missing`);
      return id;
    }
  }
}

/**
 * Creates (or resets) the demo province: villages in three Hà Nội communes, one account per role, all with
 * DEMO_PASSWORD, unlocked and without 2FA, and a generated register of 60–120 households in each village that
 * has none yet. Safe to run again: it re-creates the accounts a demo session changed and keeps the register.
 */
export async function seedDemo(
  db: Kysely<DB>,
): Promise<{ users: number; villages: number; register: RegisterDemoReport; cases: CasesDemoReport }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const villages = await ensureVillages(trx);
    const register = await seedRegisterDemo(trx, [...villages.values()]);
    for (const demo of DEMO_USERS) {
      const existing = await trx
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', demo.username)
        .executeTakeFirst();
      const id = existing?.id ?? newId();
      const values = {
        full_name: demo.fullName,
        full_name_search: foldVietnamese(demo.fullName),
        role: demo.role,
        sector: demo.sector,
        status: 'active' as const,
        password_hash: passwordHash,
        must_change_password: false,
        failed_login_count: 0,
        locked_until: null,
        mfa_enabled: false,
        mfa_secret: null,
        mfa_last_step: null,
        updated_at: new Date(),
      };
      if (existing) {
        await trx.updateTable('app_user').set(values).where('id', '=', id).execute();
        await trx.deleteFrom('user_scope').where('user_id', '=', id).execute();
        await trx.deleteFrom('user_session').where('user_id', '=', id).execute();
        await trx.deleteFrom('user_recovery_code').where('user_id', '=', id).execute();
      } else {
        await trx
          .insertInto('app_user')
          .values({ id, username: demo.username, ...values })
          .execute();
      }
      await trx
        .insertInto('user_scope')
        .values({ user_id: id, org_unit_id: scopeUnitId(demo.scope, villages) })
        .execute();
    }
    // Child protection needs the accounts: cases are reported, worked and decided by them.
    const cases = await seedCasesDemo(trx, referenceUnitId('current', 'commune', '09988'));
    await writeAudit(trx, systemActor('seed'), {
      action: 'demo.seeded',
      entityType: 'system',
      after: { users: DEMO_USERS.map((u) => u.username), villages: villages.size, register, cases },
    });
    return { users: DEMO_USERS.length, villages: villages.size, register, cases };
  });
}
