import { AppError, defaultAtRiskFlags, type FlagType, type FlagTypeInput } from '@treem/shared';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { COUNTRY_PATH, type Scope } from '../access/scope.ts';

/** Gives a province the default at-risk flag catalogue unless it already has those codes (idempotent). */
export async function ensureFlagCatalogue(db: Executor, provinceCode: string): Promise<void> {
  await db
    .insertInto('at_risk_flag_type')
    .values(
      defaultAtRiskFlags.map((flag) => ({
        province_code: provinceCode,
        code: flag.code,
        name_vi: flag.vi,
        name_en: flag.en,
      })),
    )
    .onConflict((oc) => oc.columns(['province_code', 'code']).doNothing())
    .execute();
}

/** Every current province gets the default catalogue (start-up; cheap: 34 × a dozen rows). */
export async function ensureAllFlagCatalogues(db: Executor): Promise<void> {
  const provinces = await db
    .selectFrom('org_unit')
    .select('province_code')
    .where('generation', '=', 'current')
    .where('level', '=', 'province')
    .where('province_code', 'is not', null)
    .execute();
  for (const { province_code } of provinces) await ensureFlagCatalogue(db, province_code!);
}

/** The catalogue of the caller's province (or of a named province in scope); NOT_FOUND for one outside it. */
export async function listFlagTypes(db: Executor, scope: Scope, provinceCode?: string): Promise<FlagType[]> {
  const code = provinceCode ?? scopeProvince(scope);
  if (!code || !canSeeProvince(scope, code)) throw new AppError('NOT_FOUND');
  // A province gets the default list the first time anyone looks (idempotent: edits are never overwritten).
  await ensureFlagCatalogue(db, code);
  const rows = await db
    .selectFrom('at_risk_flag_type')
    .selectAll()
    .where('province_code', '=', code)
    .orderBy('active', 'desc')
    .orderBy('name_vi')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    active: row.active,
  }));
}

/** The province a scope lies in, when it lies in one (every register user's scope does). */
function scopeProvince(scope: Scope): string | null {
  const codes = new Set(
    scope.paths.map((path) => path.split('.')[1]).filter((label) => label?.startsWith('p')),
  );
  return codes.size === 1 ? [...codes][0]!.slice(1) : null;
}

function canSeeProvince(scope: Scope, provinceCode: string): boolean {
  const provincePath = `${COUNTRY_PATH}.p${provinceCode}`;
  return scope.paths.some(
    (path) => path === COUNTRY_PATH || path === provincePath || path.startsWith(`${provincePath}.`),
  );
}

export async function saveFlagType(
  ctx: Operator,
  params: { provinceCode: string; code: string },
  input: Omit<FlagTypeInput, 'code'>,
): Promise<FlagType> {
  if (!/^[a-z][a-z0-9_]{1,49}$/.test(params.code)) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'params.code', code: 'invalid_string', message: 'lower-case letters, digits and _' },
    ]);
  }
  // Only a province-wide scope edits the province's catalogue.
  const provincePath = `${COUNTRY_PATH}.p${params.provinceCode}`;
  if (!ctx.scope.paths.some((path) => path === COUNTRY_PATH || path === provincePath))
    throw new AppError('NOT_FOUND');
  return inTransaction(ctx.db, async (trx) => {
    const before = await trx
      .selectFrom('at_risk_flag_type')
      .selectAll()
      .where('province_code', '=', params.provinceCode)
      .where('code', '=', params.code)
      .executeTakeFirst();
    const values = { name_vi: input.nameVi, name_en: input.nameEn, active: input.active ?? true };
    await trx
      .insertInto('at_risk_flag_type')
      .values({ province_code: params.provinceCode, code: params.code, ...values })
      .onConflict((oc) => oc.columns(['province_code', 'code']).doUpdateSet(values))
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'register.flag_type_saved',
      entityType: 'flagType',
      entityId: `${params.provinceCode}:${params.code}`,
      orgPath: provincePath,
      before: before ?? null,
      after: values,
    });
    return { code: params.code, nameVi: values.name_vi, nameEn: values.name_en, active: values.active };
  });
}
