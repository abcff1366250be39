import {
  AppError,
  applyDeadlineOverrides,
  caseDeadlineCatalogue,
  caseDeadlineCodes,
  createWorkingCalendar,
  type CaseDeadlineCatalogue,
  type CaseDeadlineOverrides,
  type CaseSettings,
  type CaseSettingsInput,
  type PlainDate,
  type WorkingCalendar,
} from '@treem/shared';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { pathWithinScope } from '../access/scope.ts';
import { statutoryWorkingCalendar } from './calendar.ts';

/** The deadlines and the working days that apply to a province's cases. */
export interface DeadlineRules {
  catalogue: CaseDeadlineCatalogue;
  calendar: WorkingCalendar;
}

interface Stored {
  overrides: CaseDeadlineOverrides;
  extraDaysOff: PlainDate[];
  extraWorkingDays: PlainDate[];
  updatedAt: Date | null;
}

// Settings change rarely and are read on every transition: kept for a minute, dropped at once on a change made
// by this process (another process sees it within the minute).
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; rules: DeadlineRules }>();

async function stored(db: Executor, provinceCode: string): Promise<Stored> {
  const row = await db
    .selectFrom('case_setting')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .executeTakeFirst();
  return {
    overrides: row?.deadline_overrides ?? {},
    extraDaysOff: (row?.extra_days_off ?? []) as PlainDate[],
    extraWorkingDays: (row?.extra_working_days ?? []) as PlainDate[],
    updatedAt: row ? new Date(row.updated_at) : null,
  };
}

function rulesOf(settings: Stored): DeadlineRules {
  const applied = applyDeadlineOverrides(caseDeadlineCatalogue, settings.overrides);
  // Stored settings were checked on the way in; a rule tightened since then falls back to the national amounts.
  return {
    catalogue: applied.ok ? applied.catalogue : caseDeadlineCatalogue,
    calendar: createWorkingCalendar({
      extraDaysOff: settings.extraDaysOff,
      extraWorkingDays: settings.extraWorkingDays,
    }),
  };
}

/** The law's deadlines and the national calendar, for a province without settings of its own. */
export function nationalDeadlineRules(): DeadlineRules {
  return { catalogue: caseDeadlineCatalogue, calendar: statutoryWorkingCalendar() };
}

export async function deadlineRulesFor(db: Executor, provinceCode: string): Promise<DeadlineRules> {
  const hit = cache.get(provinceCode);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.rules;
  const rules = rulesOf(await stored(db, provinceCode));
  cache.set(provinceCode, { at: Date.now(), rules });
  return rules;
}

async function provincePath(db: Executor, operator: Operator, provinceCode: string): Promise<string> {
  const province = await db
    .selectFrom('org_unit')
    .select('path')
    .where('level', '=', 'province')
    .where('generation', '=', 'current')
    .where('code', '=', provinceCode)
    .executeTakeFirst();
  if (!province || !pathWithinScope(province.path, operator.scope)) throw new AppError('NOT_FOUND');
  return province.path;
}

function toSettings(provinceCode: string, settings: Stored): CaseSettings {
  const { catalogue } = rulesOf(settings);
  return {
    provinceCode,
    deadlines: caseDeadlineCodes.map((code) => {
      const rule = catalogue[code];
      return {
        code,
        kind: rule.kind,
        amount: rule.amount,
        nationalAmount: caseDeadlineCatalogue[code].amount,
        maxAmount: rule.maxAmount,
        statutory: rule.statutory,
        legalBasis: rule.legalBasis,
        name: { vi: rule.name.vi, en: rule.name.en },
      };
    }),
    extraDaysOff: [...settings.extraDaysOff].sort(),
    extraWorkingDays: [...settings.extraWorkingDays].sort(),
    updatedAt: settings.updatedAt?.toISOString() ?? null,
  };
}

export async function getCaseSettings(ctx: Operator, provinceCode: string): Promise<CaseSettings> {
  await provincePath(ctx.db, ctx, provinceCode);
  return toSettings(provinceCode, await stored(ctx.db, provinceCode));
}

const overrideMessages = {
  unknown_deadline: 'there is no such deadline',
  not_a_whole_number: 'the amount must be a whole number',
  below_minimum: 'the amount must be at least 1',
  above_maximum: 'a statutory deadline may be shortened, never lengthened',
} as const;

export async function saveCaseSettings(
  ctx: Operator,
  provinceCode: string,
  input: z.output<typeof CaseSettingsInput>,
): Promise<CaseSettings> {
  const applied = applyDeadlineOverrides(caseDeadlineCatalogue, input.deadlineOverrides);
  if (!applied.ok)
    throw new AppError(
      'VALIDATION_FAILED',
      undefined,
      applied.issues.map((i) => ({
        path: `body.deadlineOverrides.${i.path}`,
        code: i.code,
        message: overrideMessages[i.code],
      })),
    );
  // Only the amounts that differ from the law are kept, so a later change of the national catalogue applies.
  const overrides = Object.fromEntries(
    Object.entries(input.deadlineOverrides).filter(
      ([code, amount]) => caseDeadlineCatalogue[code as keyof CaseDeadlineCatalogue].amount !== amount,
    ),
  );
  const days = (list: string[]) => JSON.stringify([...new Set(list)].sort());
  return inTransaction(ctx.db, async (trx) => {
    const path = await provincePath(trx, ctx, provinceCode);
    const before = await stored(trx, provinceCode);
    const values = {
      deadline_overrides: JSON.stringify(overrides),
      extra_days_off: days(input.extraDaysOff),
      extra_working_days: days(input.extraWorkingDays),
      updated_by: ctx.userId,
      updated_at: new Date(),
    };
    await trx
      .insertInto('case_setting')
      .values({ province_code: provinceCode, ...values })
      .onConflict((oc) => oc.column('province_code').doUpdateSet(values))
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'case.settings_changed',
      entityType: 'case_setting',
      entityId: null,
      orgPath: path,
      before: {
        overrides: before.overrides,
        extraDaysOff: before.extraDaysOff,
        extraWorkingDays: before.extraWorkingDays,
      },
      after: { overrides, extraDaysOff: input.extraDaysOff, extraWorkingDays: input.extraWorkingDays },
    });
    cache.delete(provinceCode);
    return toSettings(provinceCode, await stored(trx, provinceCode));
  });
}
