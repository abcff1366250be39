import {
  AppError,
  findReferralService,
  plainDateInZone,
  VIETNAM_TIME_ZONE,
  type CaseAction,
  type FileResult,
  type RiskRatings as CaseRiskRatings,
} from '@treem/shared';
import { sql, type SqlBool } from 'kysely';
import { writeAudit } from '../../audit/audit.ts';
import {
  caseFormTitles,
  DOCX_TYPE,
  renderCaseFormDocx,
  renderCaseFormPdf,
  type CaseFormInput,
  type CaseFormKind,
  type Caregiver,
  type ChildIdentity,
  type IssuingBody,
  type Official,
} from '../../documents/caseForms/index.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Operator } from '../../http/context.ts';
import { getVisibleCase, seesReporter, type CaseRow } from './caseAccess.ts';

/** The commune People's Committee of a case, as the forms print it. */
export async function issuingBody(db: Executor, communeId: string): Promise<IssuingBody> {
  const commune = await db
    .selectFrom('org_unit as c')
    .innerJoin('org_unit as p', (join) => join.on(sql<SqlBool>`p.path = subpath(c.path, 0, 2)`))
    .select(['c.full_name as commune', 'c.name as place', 'p.full_name as province'])
    .where('c.id', '=', communeId)
    .executeTakeFirstOrThrow();
  return { province: commune.province, commune: commune.commune, placeName: commune.place };
}

/** The child as the forms print them: the register record, or what the report said of a child not in it. */
export async function childIdentity(
  db: Executor,
  row: {
    province_code: string;
    person_id: string | null;
    child_name: string | null;
    child_sex: 'male' | 'female' | null;
    child_address: string | null;
  },
): Promise<ChildIdentity> {
  const person = row.person_id
    ? await db
        .selectFrom('person as p')
        .innerJoin('org_unit as v', 'v.id', 'p.village_id')
        .select([
          'p.full_name',
          'p.sex',
          'p.birth_date',
          'p.personal_id',
          'p.school_name',
          'v.full_name as village',
        ])
        .where('p.province_code', '=', row.province_code)
        .where('p.id', '=', row.person_id)
        .executeTakeFirst()
    : undefined;
  return {
    fullName: person?.full_name ?? row.child_name,
    sex: person?.sex ?? row.child_sex,
    birthDate: person?.birth_date ?? null,
    estimatedAge: null,
    ethnicity: null,
    address: person?.village ?? row.child_address,
    school: person?.school_name ?? null,
    schoolClass: null,
    personalId: person?.personal_id ?? null,
  };
}

/** The child's parents and caregiver from the register, for Mẫu 01. */
async function caregiversOf(db: Executor, row: CaseRow): Promise<Caregiver[]> {
  if (!row.person_id) return [];
  const child = await db
    .selectFrom('person')
    .select(['mother_id', 'father_id', 'caregiver_id'])
    .where('province_code', '=', row.province_code)
    .where('id', '=', row.person_id)
    .executeTakeFirst();
  if (!child) return [];
  const ids = [child.mother_id, child.father_id, child.caregiver_id].filter((id): id is string => !!id);
  if (ids.length === 0) return [];
  const people = await db
    .selectFrom('person')
    .select(['id', 'full_name', 'birth_date', 'phone'])
    .where('province_code', '=', row.province_code)
    .where('id', 'in', ids)
    .execute();
  return people.map((p) => ({
    fullName: p.full_name,
    relationship: p.id === child.mother_id ? 'mother' : p.id === child.father_id ? 'father' : 'other',
    relationshipLabel: p.id === child.mother_id || p.id === child.father_id ? null : 'Người chăm sóc',
    birthYear: Number(p.birth_date.slice(0, 4)),
    occupation: null,
    phone: p.phone,
    address: null,
    isCurrentCaregiver: child.caregiver_id ? p.id === child.caregiver_id : true,
  }));
}

type Recorded<T extends CaseAction['type']> = Omit<Extract<CaseAction, { type: T }>, 'type'>;

interface EventRow {
  kind: string;
  at: Date;
  actor: string | null;
  data: unknown;
}

const dateOf = (at: Date | string) => plainDateInZone(new Date(at), VIETNAM_TIME_ZONE);
const official = (name: string | null): Official | null => (name ? { fullName: name, title: null } : null);

/**
 * Everything the forms print, from the case and its timeline. The forms' fields come from the events that recorded
 * them (each action's fields are stored with its event); the last event of a kind wins, every review is kept.
 */
async function caseFormInput(db: Executor, row: CaseRow, showReporter: boolean): Promise<CaseFormInput> {
  const events: EventRow[] = await db
    .selectFrom('case_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.kind', 'e.at', 'u.full_name as actor', 'e.data'])
    .where('e.province_code', '=', row.province_code)
    .where('e.case_id', '=', row.id)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  const last = <T extends CaseAction['type']>(type: T) => {
    const event = events.filter((e) => e.kind === `action:${type}`).at(-1);
    return event ? { ...event, fields: event.data as Recorded<T> } : undefined;
  };
  const [reporter, workers] = await Promise.all([
    db.selectFrom('app_user').select('full_name').where('id', '=', row.reported_by).executeTakeFirst(),
    db
      .selectFrom('case_member as m')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .select('u.full_name')
      .where('m.province_code', '=', row.province_code)
      .where('m.case_id', '=', row.id)
      .where('m.removed_at', 'is', null)
      .orderBy('m.added_at')
      .execute(),
  ]);
  const initial = last('assess_initial');
  const emergency = last('record_emergency');
  const specific = last('assess_specific');
  const plan = last('submit_plan');
  const approval = last('approve_plan');
  const ratingsOf = (ratings: CaseRiskRatings | null | undefined) =>
    ratings ?? {
      harm_severity: null,
      perpetrator_access: null,
      care_environment: null,
      self_protection: null,
    };
  const concerns = row.concern_types as CaseFormInput['intake']['concerns'];
  return {
    issuer: await issuingBody(db, row.commune_id),
    child: await childIdentity(db, row),
    caregivers: await caregiversOf(db, row),
    intake: {
      reportNumber: null,
      receivedAt: new Date(row.received_at).toISOString(),
      channel: row.channel as CaseFormInput['intake']['channel'],
      source: row.source as CaseFormInput['intake']['source'],
      sourceDetail: null,
      reporter: row.reporter_anonymous
        ? { anonymous: true }
        : {
            anonymous: false,
            // Who reported stays with the people who act on the case, on paper too.
            fullName: showReporter ? (row.reporter_name ?? '') : 'Đã được bảo mật',
            phone: showReporter ? row.reporter_phone : null,
            address: null,
            relationshipToChild: row.reporter_relation,
          },
      category:
        concerns.includes('risk_special_circumstances') && concerns.length === 1 ? 'at_risk' : 'abused',
      concerns,
      whatHappened: row.description,
      where: row.occurred_place,
      occurredOn: row.occurred_on,
      occurredTimeNote: null,
      childWhereabouts: null,
      childCurrentCondition: null,
      likelyConsequences: null,
      familySituation: null,
      actionsTakenBefore: null,
      notes: null,
      receivedBy: official(reporter?.full_name ?? null),
    },
    initialAssessment: initial
      ? {
          assessedAt: new Date(initial.at).toISOString(),
          assessedBy: official(initial.actor),
          verified: initial.fields.verified,
          findings: initial.fields.findings,
          ratings: ratingsOf(initial.fields.ratings),
          urgentProtection: initial.fields.urgent,
          emergency: emergency
            ? {
                measures: emergency.fields.measures,
                separated: emergency.fields.separated,
                intervenedAt: emergency.fields.intervenedAt,
              }
            : null,
        }
      : null,
    specificAssessment: specific
      ? {
          assessedOn: dateOf(specific.at),
          assessedBy: official(specific.actor),
          informationSources: null,
          findings: specific.fields.conclusions,
          ratings: null,
          needs: specific.fields.needs.split('\n').filter((n) => n.trim() !== ''),
          meeting: {
            heldOn: specific.fields.meetingOn,
            place: null,
            chairedBy: null,
            recordedBy: specific.actor,
            participants: specific.fields.meetingParticipants
              .split(/[,;\n]/)
              .map((p) => p.trim())
              .filter((p) => p !== '')
              .map((fullName) => ({ fullName, role: null })),
            conclusions: specific.fields.conclusions,
          },
        }
      : null,
    plan: plan
      ? {
          draftedOn: dateOf(plan.at),
          draftedBy: official(plan.actor),
          goals: plan.fields.goals.map((g) => g.text),
          actions: plan.fields.actions.map((a) => ({
            description: a.description,
            responsible: a.responsible,
            dueOn: a.dueOn,
            service: a.serviceCode ? (findReferralService(a.serviceCode)?.vi ?? a.serviceCode) : null,
          })),
          reviewDates: [plan.fields.reviewOn],
        }
      : null,
    approval: approval
      ? {
          decisionNumber: approval.fields.decisionNumber,
          decidedOn: approval.fields.decidedOn,
          signer: official(approval.actor),
          signerCapacity: 'chair',
          extraLegalBases: [],
          implementers: [],
        }
      : null,
    reviews: events
      .filter((e) => e.kind === 'action:review')
      .map((e) => {
        const review = e.data as Recorded<'review'>;
        return {
          reviewedOn: dateOf(e.at),
          reviewedBy: official(e.actor),
          ratings: review.ratings,
          findings: review.findings,
          conclusion: review.conclusion,
          nextReviewOn: review.nextReviewOn ?? null,
        };
      }),
    referrals: [],
    worker: official(workers[0]?.full_name ?? null),
  };
}

/**
 * One of Mẫu 01–06 filled from the case, as PDF or DOCX, for anyone who may read the case. A step not reached yet
 * prints as the blank form. Printing is audited: the paper carries the case out of the system.
 */
export async function caseForm(
  ctx: Operator,
  id: string,
  form: CaseFormKind,
  format: 'pdf' | 'docx',
): Promise<FileResult> {
  return inTransaction(ctx.db, async (trx) => {
    const { row, relation } = await getVisibleCase(trx, ctx.scope, id);
    if (relation === 'inbox') throw new AppError('CASE_ACTOR_NOT_ALLOWED');
    const input = await caseFormInput(trx, row, seesReporter(relation));
    const body =
      format === 'pdf' ? await renderCaseFormPdf(form, input) : await renderCaseFormDocx(form, input);
    await writeAudit(trx, ctx.actor, {
      action: 'case.form_printed',
      entityType: 'protection_case',
      entityId: id,
      orgPath: row.org_path,
      after: { form, format, relation },
    });
    return {
      fileName: `${caseFormTitles[form]} - ${row.case_number}.${format}`,
      contentType: format === 'pdf' ? 'application/pdf' : DOCX_TYPE,
      body,
    };
  });
}
