import {
  AppError,
  fullyImmunizedUnder1,
  immunizationScheduleFor,
  immunizationStatus,
  todayInVietnam,
  type DoseInput,
  type DoseRecord,
  type ImmunizationCard,
  type ImmunizationDoseRecord,
  type PlainDate,
} from '@treem/shared';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import type { Scope } from '../access/scope.ts';
import { refreshChildSummaries } from './childSummary.ts';
import {
  assertRecordDate,
  getEcdChild,
  insertChildRecord,
  lockChildRecord,
  toEcdChild,
  type EcdChildRow,
} from './ecdChild.ts';
import { summaryKey } from './growth.service.ts';

type Dose = z.output<typeof DoseInput>;

async function doseRows(db: Executor, child: Pick<EcdChildRow, 'provinceCode' | 'id'>) {
  return db
    .selectFrom('immunization_dose')
    .selectAll()
    .where('province_code', '=', child.provinceCode)
    .where('person_id', '=', child.id)
    .orderBy('given_on')
    .orderBy('created_at')
    .execute();
}

/** The card as of `asOf`: every scheduled dose with its status, the doses recorded, "fully immunised under 1". */
export function buildImmunizationCard(
  child: EcdChildRow,
  records: readonly DoseRecord[],
  asOf: PlainDate,
): ImmunizationCard {
  const schedule = immunizationScheduleFor(child.birthDate);
  const given: ImmunizationDoseRecord[] = records.map((r) => ({
    vaccineCode: r.vaccineCode,
    doseNumber: r.doseNumber,
    givenOn: r.givenOn,
  }));
  const status = immunizationStatus(schedule, { birthDate: child.birthDate, dosesGiven: given }, asOf);
  const fully = fullyImmunizedUnder1(schedule, { birthDate: child.birthDate, dosesGiven: given }, asOf);
  return {
    child: toEcdChild(child),
    scheduleCode: schedule.code,
    asOf,
    doses: status.doses.map((d) => ({
      doseId: d.dose.id,
      vaccineCode: d.dose.vaccineCode,
      doseNumber: d.dose.doseNumber,
      vi: d.dose.vi,
      en: d.dose.en,
      status: d.status,
      dueDate: d.dueDate,
      overdueFrom: d.overdueFrom,
      expiresOn: d.expiresOn,
      givenOn: d.givenOn,
      invalidDoses: d.invalidDoses.map((i) => ({ givenOn: i.givenOn, reason: i.reason })),
      countsForFullyImmunizedUnder1: d.dose.countsForFullyImmunizedUnder1,
    })),
    records: [...records],
    fullyImmunizedUnder1: {
      fully: fully.fully,
      by: fully.by,
      settled: fully.settled,
      missing: fully.missing.map((m) => m.dose.id),
    },
  };
}

async function cardOf(db: Executor, child: EcdChildRow): Promise<ImmunizationCard> {
  const rows = await doseRows(db, child);
  const records: DoseRecord[] = rows.map((r) => ({
    id: r.id,
    vaccineCode: r.vaccine_code as DoseRecord['vaccineCode'],
    doseNumber: r.dose_number,
    givenOn: r.given_on,
    place: r.place,
    lot: r.lot,
    createdAt: r.created_at.toISOString(),
  }));
  return buildImmunizationCard(child, records, todayInVietnam());
}

export async function immunizationCard(
  db: Executor,
  scope: Scope,
  personId: string,
): Promise<ImmunizationCard> {
  return cardOf(db, await getEcdChild(db, scope, personId));
}

export async function recordDose(ctx: Operator, personId: string, input: Dose): Promise<ImmunizationCard> {
  return inTransaction(ctx.db, async (trx) => {
    const child = await getEcdChild(trx, ctx.scope, personId, { forWrite: true });
    assertRecordDate(child, input.givenOn, 'body.givenOn');
    const same = await trx
      .selectFrom('immunization_dose')
      .select('id')
      .where('province_code', '=', child.provinceCode)
      .where('person_id', '=', child.id)
      .where('vaccine_code', '=', input.vaccineCode)
      .where('given_on', '=', input.givenOn)
      .executeTakeFirst();
    if (same)
      throw new AppError('VALIDATION_FAILED', { doseId: same.id }, [
        {
          path: 'body.givenOn',
          code: 'dose_already_recorded',
          message: 'this vaccine is already recorded on this day',
        },
      ]);
    const columns = {
      vaccine_code: input.vaccineCode,
      dose_number: input.doseNumber ?? null,
      given_on: input.givenOn,
      place: input.place ?? null,
      lot: input.lot ?? null,
      source: 'manual',
    };
    await insertChildRecord(trx, ctx, child, 'immunization_dose', 'ecd.dose_recorded', columns);
    await refreshChildSummaries(trx, [summaryKey(child)]);
    return cardOf(trx, child);
  });
}

export async function deleteDose(ctx: Operator, id: string, reason: string): Promise<ImmunizationCard> {
  return inTransaction(ctx.db, async (trx) => {
    const { row, child } = await lockChildRecord(trx, ctx.scope, 'immunization_dose', id);
    await trx
      .deleteFrom('immunization_dose')
      .where('province_code', '=', row.province_code)
      .where('id', '=', id)
      .execute();
    await refreshChildSummaries(trx, [summaryKey(child)]);
    await writeAudit(trx, ctx.actor, {
      action: 'ecd.dose_deleted',
      entityType: 'immunization_dose',
      entityId: id,
      orgPath: child.orgPath,
      before: {
        person_id: row.person_id,
        vaccine_code: row.vaccine_code,
        dose_number: row.dose_number,
        given_on: row.given_on,
        place: row.place,
        lot: row.lot,
        source: row.source,
      },
      reason,
    });
    return cardOf(trx, child);
  });
}
