import { AppError, extraConfidentialConcerns, newId, type CaseIntake } from '@treem/shared';
import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { pathWithinScope, withinScope, type Scope } from '../access/scope.ts';
import { stepDeadline } from './caseDeadlines.ts';
import { deadlineRulesFor } from './caseSettings.ts';

type Intake = z.output<typeof CaseIntake>;

interface Commune {
  id: string;
  path: string;
  provinceCode: string;
}

/** The commune above a village. */
export async function communeOfVillage(db: Executor, villageId: string): Promise<Commune> {
  const row = await db
    .selectFrom('org_unit as v')
    .innerJoin('org_unit as c', 'c.id', 'v.parent_id')
    .select(['c.id', 'c.path', 'c.province_code', 'c.level'])
    .where('v.id', '=', villageId)
    .executeTakeFirst();
  if (!row || row.level !== 'commune' || !row.province_code) throw new AppError('NOT_FOUND');
  return { id: row.id, path: row.path, provinceCode: row.province_code };
}

/**
 * The commune responsible for a child reported by name only: the one named, which must be the caller's or within
 * their scope; or, unnamed, the caller's own commune when their scope is one commune or one village.
 */
async function communeForReport(
  db: Executor,
  scope: Scope,
  communeId: string | null | undefined,
): Promise<Commune> {
  if (communeId) {
    const row = await db
      .selectFrom('org_unit')
      .select(['id', 'path', 'province_code'])
      .where('id', '=', communeId)
      .where('level', '=', 'commune')
      .where('generation', '=', 'current')
      .executeTakeFirst();
    // A village collaborator reports to the commune above their village.
    const reachable =
      row && (pathWithinScope(row.path, scope) || scope.paths.some((p) => p.startsWith(`${row.path}.`)));
    if (!row || !reachable || !row.province_code) throw new AppError('NOT_FOUND');
    return { id: row.id, path: row.path, provinceCode: row.province_code };
  }
  const roots = await db
    .selectFrom('user_scope as us')
    .innerJoin('org_unit as o', 'o.id', 'us.org_unit_id')
    .select(['o.id', 'o.level', 'o.path', 'o.province_code'])
    .where('us.user_id', '=', scope.userId)
    .execute();
  const only = roots.length === 1 ? roots[0]! : null;
  if (only?.level === 'village') return communeOfVillage(db, only.id);
  if (only?.level === 'commune' && only.province_code)
    return { id: only.id, path: only.path, provinceCode: only.province_code };
  throw new AppError('VALIDATION_FAILED', undefined, [
    {
      path: 'body.communeId',
      code: 'commune_required',
      message: 'name the commune responsible for the child',
    },
  ]);
}

async function nextCaseNumber(db: Executor, provinceCode: string, year: number): Promise<string> {
  const row = await db
    .insertInto('protection_case_counter')
    .values({ province_code: provinceCode, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['province_code', 'year'])
        .doUpdateSet({ last_number: sql`protection_case_counter.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `BV-${year}-${String(row.last_number).padStart(5, '0')}`;
}

/**
 * Records a report (Mẫu 01). Anyone who may report may do so for a child they can see in the register, or for a
 * child known only by name. The case lands in its commune's inbox; the reporter does not see it afterwards (they
 * are not one of its workers) unless a worker shares it with them.
 */
export async function reportCase(ctx: Operator, input: Intake): Promise<{ id: string; caseNumber: string }> {
  return inTransaction(ctx.db, async (trx) => {
    let commune: Commune;
    let personId: string | null = null;
    if (input.personId) {
      const person = await trx
        .selectFrom('person')
        .select(['province_code', 'id', 'village_id'])
        .where('id', '=', input.personId)
        .where('status', '<>', 'merged')
        .where(withinScope('org_path', ctx.scope))
        .executeTakeFirst();
      if (!person) throw new AppError('NOT_FOUND');
      commune = await communeOfVillage(trx, person.village_id);
      personId = person.id;
    } else {
      commune = await communeForReport(trx, ctx.scope, input.communeId);
    }
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
    if (receivedAt.getTime() > Date.now() + 60_000)
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'body.receivedAt', code: 'in_future', message: 'the time is in the future' },
      ]);
    const year = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(receivedAt),
    );
    const caseNumber = await nextCaseNumber(trx, commune.provinceCode, year);
    const id = newId();
    const deadline = stepDeadline({
      step: 'received',
      receivedAt,
      now: receivedAt,
      rules: await deadlineRulesFor(trx, commune.provinceCode),
    });
    await trx
      .insertInto('protection_case')
      .values({
        province_code: commune.provinceCode,
        id,
        case_number: caseNumber,
        person_id: personId,
        child_name: input.child?.name ?? null,
        child_sex: input.child?.sex ?? null,
        child_birth_year: input.child?.birthYear ?? null,
        child_address: input.child?.address ?? null,
        commune_id: commune.id,
        org_path: commune.path,
        step: 'received',
        concern_types: [...new Set(input.concernTypes)],
        extra_confidential: input.concernTypes.some((c) => extraConfidentialConcerns.includes(c)),
        received_at: receivedAt,
        channel: input.channel,
        source: input.source,
        reporter_anonymous: input.reporter.anonymous,
        reporter_name: input.reporter.anonymous ? null : (input.reporter.name ?? null),
        reporter_phone: input.reporter.anonymous ? null : (input.reporter.phone ?? null),
        reporter_relation: input.reporter.relation ?? null,
        description: input.description,
        occurred_on: input.occurredOn ?? null,
        occurred_place: input.occurredPlace ?? null,
        reported_by: ctx.scope.userId,
        due_at: deadline.dueAt,
        due_kind: deadline.dueKind,
        plan_due_at: deadline.planDueAt,
        step_changed_at: receivedAt,
      })
      .execute();
    await trx
      .insertInto('case_event')
      .values({
        province_code: commune.provinceCode,
        id: newId(),
        case_id: id,
        actor_id: ctx.userId,
        kind: 'reported',
        from_step: null,
        to_step: 'received',
        data: JSON.stringify({
          channel: input.channel,
          source: input.source,
          concernTypes: input.concernTypes,
        }),
      })
      .execute();
    // The audit names the case, never its content: the audit log is read by administrators.
    await writeAudit(trx, ctx.actor, {
      action: 'case.reported',
      entityType: 'protection_case',
      entityId: id,
      orgPath: commune.path,
      after: { caseNumber, personId, channel: input.channel, source: input.source },
    });
    return { id, caseNumber };
  });
}
