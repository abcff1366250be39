import { z } from 'zod';
import { EcdDomainCode } from '../domain/ecd/ecdDomains.ts';
import { EcdServiceCode } from '../domain/ecd/ecdServices.ts';
import { EnrolmentSchoolLevel } from '../domain/ecd/enrolmentSchoolLevels.ts';
import { MilestoneDomain, ScreeningResult, ScreeningToolCode } from '../domain/ecd/screening.ts';
import { growthIndicators } from '../domain/growth/types.ts';
import { ImmunizationDoseStatus } from '../domain/immunization/status.ts';
import { VaccineCode } from '../domain/immunization/vaccines.ts';
import { endpoint, Ok, Page, PageSize, paginated, PlainDateString, Uuid } from './endpoint.ts';
import { BinaryBody, BirthDatePrecision, FileResult, SexCode } from './register.ts';

// ---------------------------------------------------------------------------------------------------------------
// Growth
// ---------------------------------------------------------------------------------------------------------------

export const MeasuredPositionCode = z.enum(['lying', 'standing']);

const optionalText = (max: number) => z.string().trim().max(max).nullish();
/** A measurement in a plausible human range; what is outside is a typing error, not a child. */
const measure = (min: number, max: number) => z.number().min(min).max(max).nullish();

const MeasurementFields = z.strictObject({
  measuredOn: PlainDateString,
  weightKg: measure(0.5, 150),
  lengthHeightCm: measure(30, 200),
  position: MeasuredPositionCode.nullish(),
  headCircumferenceCm: measure(20, 70),
  muacCm: measure(5, 45),
  oedema: z.boolean().default(false),
  measuredBy: optionalText(120),
  place: optionalText(200),
  note: optionalText(1000),
});
type Measured = {
  weightKg?: number | null;
  lengthHeightCm?: number | null;
  headCircumferenceCm?: number | null;
  muacCm?: number | null;
};
const somethingMeasured = (m: Measured) =>
  m.weightKg != null || m.lengthHeightCm != null || m.headCircumferenceCm != null || m.muacCm != null;

export const GrowthMeasurementInput = MeasurementFields.refine(somethingMeasured, {
  message: 'nothing_measured',
  path: ['weightKg'],
});
export type GrowthMeasurementInput = z.input<typeof GrowthMeasurementInput>;

const zOrNull = z.number().nullable();
export const GrowthZScoresDto = z.object(
  Object.fromEntries(growthIndicators.map((i) => [i, zOrNull])) as Record<
    (typeof growthIndicators)[number],
    typeof zOrNull
  >,
);
export const GrowthFlagsDto = z.object(
  Object.fromEntries(growthIndicators.map((i) => [i, z.boolean()])) as Record<
    (typeof growthIndicators)[number],
    z.ZodBoolean
  >,
);
const Band = z.enum(['severe', 'moderate', 'none']).nullable();
export const GrowthClassificationDto = z.object({
  underweight: Band,
  stunting: Band,
  wasting: Band,
  overweight: z.enum(['obese', 'overweight', 'none']).nullable(),
  thinness: Band,
});

export const GrowthMeasurement = z.object({
  id: Uuid,
  personId: Uuid,
  measuredOn: PlainDateString,
  weightKg: z.number().nullable(),
  lengthHeightCm: z.number().nullable(),
  position: MeasuredPositionCode.nullable(),
  headCircumferenceCm: z.number().nullable(),
  muacCm: z.number().nullable(),
  oedema: z.boolean(),
  measuredBy: z.string().nullable(),
  place: z.string().nullable(),
  note: z.string().nullable(),
  /** Age in whole days used for the z-scores; null when the birth date is known to the year only. */
  ageDays: z.number().int().nullable(),
  standard: z.enum(['WHO2006', 'WHO2007']).nullable(),
  adjustedLengthHeightCm: z.number().nullable(),
  bmi: z.number().nullable(),
  z: GrowthZScoresDto,
  flags: GrowthFlagsDto,
  classification: GrowthClassificationDto,
  malnourished: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type GrowthMeasurement = z.infer<typeof GrowthMeasurement>;

/** The child facts a client needs to score or chart measurements itself. */
export const EcdChild = z.object({
  id: Uuid,
  fullName: z.string(),
  sex: SexCode,
  birthDate: PlainDateString,
  birthDatePrecision: BirthDatePrecision,
});
export type EcdChild = z.infer<typeof EcdChild>;

export const WeighingDayRow = MeasurementFields.omit({ measuredOn: true, place: true, measuredBy: true })
  .extend({ personId: Uuid })
  .refine(somethingMeasured, { message: 'nothing_measured', path: ['weightKg'] });
export const WeighingDayInput = z.strictObject({
  villageId: Uuid,
  measuredOn: PlainDateString,
  place: optionalText(200),
  measuredBy: optionalText(120),
  rows: z.array(WeighingDayRow).min(1).max(500),
});
export type WeighingDayInput = z.input<typeof WeighingDayInput>;

export const WeighingDayChild = EcdChild.extend({
  householdHeadName: z.string().nullable(),
  lastMeasurement: GrowthMeasurement.nullable(),
});
export type WeighingDayChild = z.infer<typeof WeighingDayChild>;

// ---------------------------------------------------------------------------------------------------------------
// Immunization
// ---------------------------------------------------------------------------------------------------------------

export const DoseInput = z.strictObject({
  vaccineCode: VaccineCode,
  doseNumber: z.number().int().min(1).max(9).nullish(),
  givenOn: PlainDateString,
  place: optionalText(200),
  lot: optionalText(60),
});
export type DoseInput = z.input<typeof DoseInput>;

export const DoseRecord = z.object({
  id: Uuid,
  vaccineCode: VaccineCode,
  doseNumber: z.number().int().nullable(),
  givenOn: PlainDateString,
  place: z.string().nullable(),
  lot: z.string().nullable(),
  createdAt: z.string(),
});
export type DoseRecord = z.infer<typeof DoseRecord>;

export const ScheduledDoseView = z.object({
  /** `${vaccineCode}_${doseNumber}` in the schedule. */
  doseId: z.string(),
  vaccineCode: VaccineCode,
  doseNumber: z.number().int(),
  vi: z.string(),
  en: z.string(),
  status: ImmunizationDoseStatus,
  dueDate: PlainDateString,
  overdueFrom: PlainDateString,
  expiresOn: PlainDateString.nullable(),
  givenOn: PlainDateString.nullable(),
  invalidDoses: z.array(z.object({ givenOn: PlainDateString, reason: z.string() })),
  countsForFullyImmunizedUnder1: z.boolean(),
});

export const ImmunizationCard = z.object({
  child: EcdChild,
  scheduleCode: z.string(),
  asOf: PlainDateString,
  doses: z.array(ScheduledDoseView),
  records: z.array(DoseRecord),
  fullyImmunizedUnder1: z.object({
    fully: z.boolean(),
    /** The date the last needed dose was given, when fully immunised. */
    by: PlainDateString.nullable(),
    /** True once the answer can no longer change (first birthday passed, or fully immunised). */
    settled: z.boolean(),
    missing: z.array(z.string()),
  }),
});
export type ImmunizationCard = z.infer<typeof ImmunizationCard>;

export const DeleteWithReason = z.strictObject({ reason: z.string().trim().min(3).max(500) });

// ---------------------------------------------------------------------------------------------------------------
// Screening, services, enrolment
// ---------------------------------------------------------------------------------------------------------------

export const ScreeningInput = z.strictObject({
  screenedOn: PlainDateString,
  tool: ScreeningToolCode,
  domains: z.array(MilestoneDomain).min(1),
  result: ScreeningResult,
  /** Milestone ids of the built-in checklist the child has not reached (tool `checklist`). */
  milestonesNotMet: z.array(z.string().max(40)).max(100).default([]),
  followUpOn: PlainDateString.nullish(),
  screenedBy: optionalText(120),
  note: optionalText(1000),
});
export type ScreeningInput = z.input<typeof ScreeningInput>;

export const Screening = z.object({
  id: Uuid,
  personId: Uuid,
  screenedOn: PlainDateString,
  tool: ScreeningToolCode,
  domains: z.array(MilestoneDomain),
  result: ScreeningResult,
  milestonesNotMet: z.array(z.string()),
  followUpOn: PlainDateString.nullable(),
  followUpDoneOn: PlainDateString.nullable(),
  screenedBy: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Screening = z.infer<typeof Screening>;

export const FollowUpDone = z.strictObject({ doneOn: PlainDateString, note: optionalText(1000) });

export const ServiceContactInput = z.strictObject({
  serviceCode: EcdServiceCode,
  receivedOn: PlainDateString,
  /** The caregiver who attended, for caregiver services (parenting sessions); null for the child. */
  caregiverPersonId: Uuid.nullish(),
  provider: optionalText(200),
  outcome: optionalText(1000),
});
export type ServiceContactInput = z.input<typeof ServiceContactInput>;

export const ServiceContact = z.object({
  id: Uuid,
  personId: Uuid,
  serviceCode: EcdServiceCode,
  domain: EcdDomainCode,
  receivedOn: PlainDateString,
  caregiverPersonId: Uuid.nullable(),
  caregiverName: z.string().nullable(),
  provider: z.string().nullable(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
});
export type ServiceContact = z.infer<typeof ServiceContact>;

export const EnrolmentStatus = z.enum(['enrolled', 'completed', 'dropped_out', 'transferred']);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;
export const SchoolYear = z
  .string()
  .regex(/^\d{4}-\d{4}$/)
  .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, 'school_year_invalid');

export const EnrolmentInput = z.strictObject({
  schoolYear: SchoolYear,
  level: EnrolmentSchoolLevel,
  schoolName: z.string().trim().min(1).max(200),
  status: EnrolmentStatus,
  note: optionalText(1000),
});
export type EnrolmentInput = z.input<typeof EnrolmentInput>;

export const Enrolment = z.object({
  id: Uuid,
  personId: Uuid,
  schoolYear: z.string(),
  level: EnrolmentSchoolLevel,
  schoolName: z.string(),
  status: EnrolmentStatus,
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type Enrolment = z.infer<typeof Enrolment>;

// ---------------------------------------------------------------------------------------------------------------
// Action lists
// ---------------------------------------------------------------------------------------------------------------

export const actionListKinds = [
  'overdue_doses',
  'due_this_month',
  'malnourished_under5',
  'not_measured_under2',
  'not_in_preschool_5y',
  'screening_follow_up',
] as const;
export const ActionListKind = z.enum(actionListKinds);
export type ActionListKind = z.infer<typeof ActionListKind>;

export const ActionListQuery = z.strictObject({
  /** A village or commune in the user's scope. */
  unitId: Uuid,
  /** `not_measured_under2`: months without a measurement (default 3). */
  months: z.coerce.number().int().min(1).max(24).default(3),
  page: Page,
  pageSize: PageSize,
});
export type ActionListQuery = z.input<typeof ActionListQuery>;

export const ActionListItem = z.object({
  personId: Uuid,
  fullName: z.string(),
  sex: SexCode,
  birthDate: PlainDateString,
  villageName: z.string(),
  householdHeadName: z.string().nullable(),
  /** What put the child on the list, per kind: dose ids, the last measurement, a follow-up date. */
  doseIds: z.array(z.string()),
  /** Overdue since / due on / last measured on / follow-up due on, as fits the list. */
  since: PlainDateString.nullable(),
  classification: GrowthClassificationDto.nullable(),
});
export type ActionListItem = z.infer<typeof ActionListItem>;

export const ActionListResponse = paginated(ActionListItem).extend({ asOf: PlainDateString });

export const ActionListExportQuery = z.strictObject({
  unitId: Uuid,
  months: z.coerce.number().int().min(1).max(24).default(3),
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
});

/** The village or commune whose children the file's rows name. */
export const DoseImportQuery = z.strictObject({ unitId: Uuid });
export const DoseImportResult = z.object({
  imported: z.number().int(),
  /** Rows whose dose (same child, vaccine and day) was already recorded: left alone, so a file can be imported twice. */
  alreadyRecorded: z.number().int(),
  /** Present when nothing was imported: every row problem, by spreadsheet row number. */
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), code: z.string() })),
});
export type DoseImportResult = z.infer<typeof DoseImportResult>;

// ---------------------------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------------------------

const IdParams = z.strictObject({ id: Uuid });
const KindParams = z.strictObject({ kind: ActionListKind });
const tag = 'ecd';

export const ecdEndpoints = {
  listMeasurements: endpoint({
    method: 'GET',
    path: '/api/ecd/persons/:id/measurements',
    permission: 'ecd.read',
    summary: "A child's growth measurements with WHO z-scores, newest first",
    tag,
    params: IdParams,
    response: z.object({ child: EcdChild, items: z.array(GrowthMeasurement) }),
  }),
  createMeasurement: endpoint({
    method: 'POST',
    path: '/api/ecd/persons/:id/measurements',
    permission: 'ecd.write',
    summary: 'Record a measurement; z-scores are computed and stored with it',
    tag,
    params: IdParams,
    body: GrowthMeasurementInput,
    response: GrowthMeasurement,
    successStatus: 201,
  }),
  updateMeasurement: endpoint({
    method: 'PUT',
    path: '/api/ecd/measurements/:id',
    permission: 'ecd.write',
    summary: 'Correct a measurement; its z-scores are recomputed',
    tag,
    params: IdParams,
    body: GrowthMeasurementInput,
    response: GrowthMeasurement,
  }),
  deleteMeasurement: endpoint({
    method: 'POST',
    path: '/api/ecd/measurements/:id/delete',
    permission: 'ecd.write',
    summary: 'Remove a measurement entered in error (with a reason, audited)',
    tag,
    params: IdParams,
    body: DeleteWithReason,
    response: Ok,
  }),
  weighingDayChildren: endpoint({
    method: 'GET',
    path: '/api/ecd/weighing-day/children',
    permission: 'ecd.read',
    summary: "A village's active children under 6 for a weighing day, with their last measurement",
    tag,
    query: z.strictObject({ villageId: Uuid, on: PlainDateString.optional() }),
    response: z.object({ items: z.array(WeighingDayChild) }),
  }),
  saveWeighingDay: endpoint({
    method: 'POST',
    path: '/api/ecd/weighing-day',
    permission: 'ecd.write',
    summary: 'Save a weighing day: many measurements in one transaction, all or nothing',
    tag,
    body: WeighingDayInput,
    response: z.object({ items: z.array(GrowthMeasurement) }),
    successStatus: 201,
  }),
  immunizationCard: endpoint({
    method: 'GET',
    path: '/api/ecd/persons/:id/immunization',
    permission: 'ecd.read',
    summary: "A child's immunisation card: the EPI schedule with a status per dose, and the doses recorded",
    tag,
    params: IdParams,
    response: ImmunizationCard,
  }),
  recordDose: endpoint({
    method: 'POST',
    path: '/api/ecd/persons/:id/doses',
    permission: 'ecd.write',
    summary: 'Record a vaccine dose given',
    tag,
    params: IdParams,
    body: DoseInput,
    response: ImmunizationCard,
    successStatus: 201,
  }),
  deleteDose: endpoint({
    method: 'POST',
    path: '/api/ecd/doses/:id/delete',
    permission: 'ecd.write',
    summary: 'Remove a dose recorded in error (with a reason, audited)',
    tag,
    params: IdParams,
    body: DeleteWithReason,
    response: ImmunizationCard,
  }),
  importDoses: endpoint({
    method: 'POST',
    path: '/api/ecd/imports/doses',
    permission: 'ecd.write',
    summary:
      'Import immunisation records from CSV (personal_id or person_id, vaccine, dose, given_on, place, lot); all or nothing',
    tag,
    query: DoseImportQuery,
    body: BinaryBody,
    bodyKind: 'binary',
    response: DoseImportResult,
  }),
  listScreenings: endpoint({
    method: 'GET',
    path: '/api/ecd/persons/:id/screenings',
    permission: 'ecd.read',
    summary: "A child's development screenings, newest first",
    tag,
    params: IdParams,
    response: z.object({ items: z.array(Screening) }),
  }),
  createScreening: endpoint({
    method: 'POST',
    path: '/api/ecd/persons/:id/screenings',
    permission: 'ecd.write',
    summary: 'Record a development screening; "needs follow-up" or "referred" opens a follow-up',
    tag,
    params: IdParams,
    body: ScreeningInput,
    response: Screening,
    successStatus: 201,
  }),
  completeFollowUp: endpoint({
    method: 'POST',
    path: '/api/ecd/screenings/:id/follow-up-done',
    permission: 'ecd.write',
    summary: "Close a screening's follow-up",
    tag,
    params: IdParams,
    body: FollowUpDone,
    response: Screening,
  }),
  deleteScreening: endpoint({
    method: 'POST',
    path: '/api/ecd/screenings/:id/delete',
    permission: 'ecd.write',
    summary: 'Remove a screening recorded in error (with a reason, audited); its follow-up goes with it',
    tag,
    params: IdParams,
    body: DeleteWithReason,
    response: Ok,
  }),
  listServices: endpoint({
    method: 'GET',
    path: '/api/ecd/persons/:id/services',
    permission: 'ecd.read',
    summary: 'ECD services a child (or their caregiver, for the child) received',
    tag,
    params: IdParams,
    response: z.object({ items: z.array(ServiceContact) }),
  }),
  createService: endpoint({
    method: 'POST',
    path: '/api/ecd/persons/:id/services',
    permission: 'ecd.write',
    summary: 'Record an ECD service contact',
    tag,
    params: IdParams,
    body: ServiceContactInput,
    response: ServiceContact,
    successStatus: 201,
  }),
  deleteService: endpoint({
    method: 'POST',
    path: '/api/ecd/services/:id/delete',
    permission: 'ecd.write',
    summary: 'Remove a service contact recorded in error',
    tag,
    params: IdParams,
    body: DeleteWithReason,
    response: Ok,
  }),
  listEnrolments: endpoint({
    method: 'GET',
    path: '/api/ecd/persons/:id/enrolments',
    permission: 'ecd.read',
    summary: "A child's preschool and school enrolment by school year",
    tag,
    params: IdParams,
    response: z.object({ items: z.array(Enrolment) }),
  }),
  saveEnrolment: endpoint({
    method: 'PUT',
    path: '/api/ecd/persons/:id/enrolments',
    permission: 'ecd.write',
    summary: "Set a child's enrolment for a school year (one per year)",
    tag,
    params: IdParams,
    body: EnrolmentInput,
    response: Enrolment,
  }),
  deleteEnrolment: endpoint({
    method: 'POST',
    path: '/api/ecd/enrolments/:id/delete',
    permission: 'ecd.write',
    summary: 'Remove a school year recorded in error (with a reason, audited)',
    tag,
    params: IdParams,
    body: DeleteWithReason,
    response: Ok,
  }),
  actionList: endpoint({
    method: 'GET',
    path: '/api/ecd/action-lists/:kind',
    permission: 'ecd.read',
    summary:
      'Children to see next in a village or commune: overdue doses, due this month, malnourished, not measured, not in preschool, screening follow-ups',
    tag,
    params: KindParams,
    query: ActionListQuery,
    response: ActionListResponse,
  }),
  exportActionList: endpoint({
    method: 'GET',
    path: '/api/ecd/action-lists/:kind/export',
    permission: 'ecd.export',
    summary: 'An action list as XLSX, or as a PDF to print',
    tag,
    params: KindParams,
    query: ActionListExportQuery,
    response: FileResult,
    responseKind: 'file',
  }),
};
