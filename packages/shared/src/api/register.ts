import { z } from 'zod';
import { ethnicities } from '../domain/register/ethnicities.ts';
import { defaultAtRiskFlags, specialCircumstanceGroups } from '../domain/register/specialCircumstances.ts';
import { endpoint, Ok, Page, PageSize, paginated, PlainDateString, QueryBoolean, Uuid } from './endpoint.ts';

// ---------------------------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------------------------

export const SexCode = z.enum(['male', 'female']);
export type SexCode = z.infer<typeof SexCode>;

/** How much of a date of birth is known: day = exact; month / year = stored as the 1st of the month / 1 January. */
export const BirthDatePrecision = z.enum(['day', 'month', 'year']);
export type BirthDatePrecision = z.infer<typeof BirthDatePrecision>;

export const PovertyStatus = z.enum(['poor', 'near_poor', 'none']);
export type PovertyStatus = z.infer<typeof PovertyStatus>;

export const HouseholdStatus = z.enum(['active', 'moved_away', 'dissolved']);
export type HouseholdStatus = z.infer<typeof HouseholdStatus>;

export const PersonStatus = z.enum(['active', 'moved_away', 'deceased', 'archived', 'merged']);
export type PersonStatus = z.infer<typeof PersonStatus>;

export const relationshipsToHead = [
  'head',
  'spouse',
  'child',
  'grandchild',
  'parent',
  'sibling',
  'niece_nephew',
  'other_relative',
  'non_relative',
] as const;
export const RelationshipToHead = z.enum(relationshipsToHead);
export type RelationshipToHead = z.infer<typeof RelationshipToHead>;

export const livingArrangements = [
  'both_parents',
  'mother_only',
  'father_only',
  'relatives',
  'alternative_care',
  'institution',
  'alone',
] as const;
export const LivingArrangement = z.enum(livingArrangements);
export type LivingArrangement = z.infer<typeof LivingArrangement>;

/** Disability types of the Law on Persons with Disabilities 2010, Art. 3. */
export const disabilityTypes = [
  'mobility',
  'hearing_speech',
  'vision',
  'mental',
  'intellectual',
  'other',
] as const;
export const DisabilityType = z.enum(disabilityTypes);
export type DisabilityType = z.infer<typeof DisabilityType>;

/** Disability levels (mức độ khuyết tật): nhẹ, nặng, đặc biệt nặng. */
export const DisabilityLevel = z.enum(['mild', 'severe', 'very_severe']);
export type DisabilityLevel = z.infer<typeof DisabilityLevel>;

export const schoolLevels = [
  'none',
  'nursery',
  'kindergarten',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'vocational',
] as const;
export const SchoolLevel = z.enum(schoolLevels);
export type SchoolLevel = z.infer<typeof SchoolLevel>;

export const deathCauses = [
  'illness',
  'accident_drowning',
  'accident_traffic',
  'accident_other',
  'violence',
  'perinatal',
  'unknown',
] as const;
export const DeathCause = z.enum(deathCauses);
export type DeathCause = z.infer<typeof DeathCause>;

export const MoveKind = z.enum(['within_commune', 'between_communes', 'out_of_province', 'into_register']);
export type MoveKind = z.infer<typeof MoveKind>;

export const EthnicityCodeSchema = z.enum(ethnicities.map(([code]) => code) as [string, ...string[]]);

const circumstanceCodes = specialCircumstanceGroups.map((g) => g.code) as [string, ...string[]];
export const CircumstanceGroupCode = z.enum(circumstanceCodes);

/** The age (in whole years) below which a person is a child (Law on Children 2016, Art. 1). */
export const CHILD_AGE_LIMIT = 16;

// ---------------------------------------------------------------------------------------------------------------
// Field shapes
// ---------------------------------------------------------------------------------------------------------------

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

/** 12 digits; the checks against sex and date of birth are made by the server (`checkPersonalId`). */
export const PersonalIdString = z
  .string()
  .trim()
  .regex(/^\d{12}$/);
export const PhoneString = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,15}$/);

// ---------------------------------------------------------------------------------------------------------------
// Households
// ---------------------------------------------------------------------------------------------------------------

export const HouseholdInput = z.strictObject({
  villageId: Uuid,
  bookNumber: OptionalText(20),
  address: Text(300),
  povertyStatus: PovertyStatus.default('none'),
  povertyYear: z.number().int().min(2000).max(2100).nullish(),
  phone: PhoneString.nullish(),
  notes: OptionalText(2000),
});
export type HouseholdInput = z.input<typeof HouseholdInput>;

export const HouseholdUpdate = HouseholdInput.omit({ villageId: true }).extend({
  headPersonId: Uuid.nullish(),
});
export type HouseholdUpdate = z.input<typeof HouseholdUpdate>;

export const CircumstanceSummary = z.object({ groupCode: z.string(), subGroupCode: z.string().nullable() });

export const PersonListItem = z.object({
  id: Uuid,
  fullName: z.string(),
  sex: SexCode,
  birthDate: PlainDateString,
  birthDatePrecision: BirthDatePrecision,
  /** Whole years at today's date in Viet Nam. */
  age: z.number().int(),
  personalId: z.string().nullable(),
  ethnicityCode: z.string(),
  householdId: Uuid.nullable(),
  householdHeadName: z.string().nullable(),
  relationshipToHead: RelationshipToHead.nullable(),
  villageId: Uuid,
  villageName: z.string(),
  communeName: z.string(),
  status: PersonStatus,
  circumstances: z.array(CircumstanceSummary),
  flagCodes: z.array(z.string()),
});
export type PersonListItem = z.infer<typeof PersonListItem>;

export const HouseholdSummary = z.object({
  id: Uuid,
  bookNumber: z.string().nullable(),
  address: z.string(),
  villageId: Uuid,
  villageName: z.string(),
  communeName: z.string(),
  headPersonId: Uuid.nullable(),
  headName: z.string().nullable(),
  povertyStatus: PovertyStatus,
  povertyYear: z.number().int().nullable(),
  phone: z.string().nullable(),
  status: HouseholdStatus,
  memberCount: z.number().int(),
  childCount: z.number().int(),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;

export const HouseholdDetail = HouseholdSummary.extend({
  notes: z.string().nullable(),
  members: z.array(PersonListItem),
  moves: z.array(
    z.object({
      moveDate: PlainDateString,
      fromVillageName: z.string().nullable(),
      toVillageName: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;

export const HouseholdListQuery = z.strictObject({
  /** Any org unit in scope (province, commune or village): households under it. */
  orgUnitId: Uuid.optional(),
  search: z.string().trim().min(1).max(100).optional(),
  povertyStatus: PovertyStatus.optional(),
  includeInactive: QueryBoolean.optional(),
  page: Page,
  pageSize: PageSize,
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuery>;

export const HouseholdMove = z.strictObject({
  toVillageId: Uuid,
  moveDate: PlainDateString,
  reason: Text(500),
});
export type HouseholdMove = z.input<typeof HouseholdMove>;

// ---------------------------------------------------------------------------------------------------------------
// Persons
// ---------------------------------------------------------------------------------------------------------------

const personFields = {
  fullName: Text(120),
  sex: SexCode,
  birthDate: PlainDateString,
  birthDatePrecision: BirthDatePrecision.default('day'),
  personalId: PersonalIdString.nullish(),
  ethnicityCode: EthnicityCodeSchema.default('01'),
  nationality: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/)
    .default('VN'),
  relationshipToHead: RelationshipToHead.nullish(),
  birthRegistered: z.boolean().nullish(),
  birthRegistrationDate: PlainDateString.nullish(),
  birthRegistrationPlace: OptionalText(200),
  disabilityType: DisabilityType.nullish(),
  disabilityLevel: DisabilityLevel.nullish(),
  schoolName: OptionalText(200),
  schoolLevel: SchoolLevel.nullish(),
  hasHealthInsurance: z.boolean().nullish(),
  healthInsuranceNumber: OptionalText(20),
  livingArrangement: LivingArrangement.nullish(),
  motherId: Uuid.nullish(),
  fatherId: Uuid.nullish(),
  caregiverId: Uuid.nullish(),
  phone: PhoneString.nullish(),
  notes: OptionalText(2000),
};

export const PersonInput = z.strictObject({
  /** The household the person lives in; a person without one (e.g. in an institution) names a village. */
  householdId: Uuid.nullish(),
  villageId: Uuid.nullish(),
  ...personFields,
  /**
   * Create anyway although the server found likely duplicates (the user looked at them and decided). Without it a
   * create that finds candidates answers 409 POSSIBLE_DUPLICATE with the candidates in `details.candidates`.
   */
  confirmNotDuplicate: z.boolean().default(false),
});
export type PersonInput = z.input<typeof PersonInput>;

export const PersonUpdate = z.strictObject({ ...personFields });
export type PersonUpdate = z.input<typeof PersonUpdate>;

export const PersonLink = z.object({ id: Uuid, fullName: z.string() }).nullable();

export const CircumstanceAssignment = z.object({
  id: Uuid,
  groupCode: z.string(),
  subGroupCode: z.string().nullable(),
  validFrom: PlainDateString,
  validTo: PlainDateString.nullable(),
  evidence: z.string().nullable(),
  notes: z.string().nullable(),
  endReason: z.string().nullable(),
  createdAt: z.string(),
});
export type CircumstanceAssignment = z.infer<typeof CircumstanceAssignment>;

export const AtRiskFlag = z.object({
  id: Uuid,
  flagCode: z.string(),
  flagName: z.string(),
  validFrom: PlainDateString,
  validTo: PlainDateString.nullable(),
  notes: z.string().nullable(),
  endReason: z.string().nullable(),
  createdAt: z.string(),
});
export type AtRiskFlag = z.infer<typeof AtRiskFlag>;

export const HistoryEntry = z.object({
  at: z.string(),
  /** created, updated, moved, circumstance_assigned, circumstance_ended, flag_assigned, flag_ended, death, merged, archived */
  kind: z.string(),
  actorUsername: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const PersonDetail = PersonListItem.extend({
  nationality: z.string(),
  birthRegistered: z.boolean().nullable(),
  birthRegistrationDate: PlainDateString.nullable(),
  birthRegistrationPlace: z.string().nullable(),
  disabilityType: DisabilityType.nullable(),
  disabilityLevel: DisabilityLevel.nullable(),
  schoolName: z.string().nullable(),
  schoolLevel: SchoolLevel.nullable(),
  hasHealthInsurance: z.boolean().nullable(),
  healthInsuranceNumber: z.string().nullable(),
  livingArrangement: LivingArrangement.nullable(),
  mother: PersonLink,
  father: PersonLink,
  caregiver: PersonLink,
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  deathDate: PlainDateString.nullable(),
  deathCause: DeathCause.nullable(),
  mergedIntoId: Uuid.nullable(),
  /** Problems found when checking the personal ID against sex and date of birth (shown as warnings). */
  personalIdProblems: z.array(z.string()),
  isChild: z.boolean(),
  circumstanceHistory: z.array(CircumstanceAssignment),
  flagHistory: z.array(AtRiskFlag),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const personSorts = ['name', 'birthDate', 'village', 'createdAt'] as const;

export const PersonListQuery = z.strictObject({
  /** Any org unit in scope (province, commune or village). */
  orgUnitId: Uuid.optional(),
  householdId: Uuid.optional(),
  /** Name, tone- and case-insensitive, anywhere in the full name. */
  search: z.string().trim().min(1).max(100).optional(),
  personalId: z
    .string()
    .trim()
    .regex(/^\d{3,12}$/)
    .optional(),
  sex: SexCode.optional(),
  ageFrom: z.coerce.number().int().min(0).max(120).optional(),
  ageTo: z.coerce.number().int().min(0).max(120).optional(),
  bornFrom: PlainDateString.optional(),
  bornTo: PlainDateString.optional(),
  /** Currently in this special-circumstance group. `any` = in any group. */
  circumstance: z.union([CircumstanceGroupCode, z.literal('any')]).optional(),
  /** Currently carries this at-risk flag. `any` = any flag. */
  flag: z.string().trim().min(1).max(50).optional(),
  /** children (under 16, the default), adults, or everyone. */
  kind: z.enum(['child', 'adult', 'all']).default('child'),
  /** active (default), or every status. */
  includeInactive: QueryBoolean.optional(),
  missingPersonalId: QueryBoolean.optional(),
  sort: z.enum(personSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: Page,
  pageSize: PageSize,
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;
export type PersonListQueryInput = z.input<typeof PersonListQuery>;

export const PersonMove = z.strictObject({
  /** Into an existing household, or — without one — into a village on their own. */
  toHouseholdId: Uuid.nullish(),
  toVillageId: Uuid.nullish(),
  relationshipToHead: RelationshipToHead.nullish(),
  moveDate: PlainDateString,
  reason: Text(500),
});
export type PersonMove = z.input<typeof PersonMove>;

export const PersonMoveOut = z.strictObject({
  moveDate: PlainDateString,
  /** Free text: where to (another province, abroad, unknown). */
  destination: Text(300),
});
export type PersonMoveOut = z.input<typeof PersonMoveOut>;

export const PersonDeath = z.strictObject({
  deathDate: PlainDateString,
  cause: DeathCause,
  notes: OptionalText(2000),
});
export type PersonDeath = z.input<typeof PersonDeath>;

// ---------------------------------------------------------------------------------------------------------------
// Circumstances and flags
// ---------------------------------------------------------------------------------------------------------------

export const CircumstanceInput = z.strictObject({
  groupCode: CircumstanceGroupCode,
  subGroupCode: z.string().trim().min(1).max(10).nullish(),
  validFrom: PlainDateString,
  evidence: OptionalText(2000),
  notes: OptionalText(2000),
});
export type CircumstanceInput = z.input<typeof CircumstanceInput>;

export const FlagInput = z.strictObject({
  flagCode: z.string().trim().min(1).max(50),
  validFrom: PlainDateString,
  notes: OptionalText(2000),
});
export type FlagInput = z.input<typeof FlagInput>;

export const EndAssignment = z.strictObject({
  validTo: PlainDateString,
  reason: Text(500),
});
export type EndAssignment = z.input<typeof EndAssignment>;

export const FlagType = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
});
export type FlagType = z.infer<typeof FlagType>;

export const FlagTypeInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,49}$/),
  nameVi: Text(200),
  nameEn: Text(200),
  active: z.boolean().default(true),
});
export type FlagTypeInput = z.input<typeof FlagTypeInput>;

export const defaultFlagCodes = defaultAtRiskFlags.map((f) => f.code);

// ---------------------------------------------------------------------------------------------------------------
// Duplicates and merge
// ---------------------------------------------------------------------------------------------------------------

/** Why two records look like the same child. */
export const DuplicateReason = z.enum([
  'same_personal_id',
  'same_name_and_birth_date',
  'similar_name_same_mother',
  /** The mother is not recorded: a similar name, the same birth date, the same household. */
  'similar_name_same_household',
]);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DuplicateCandidate = z.object({
  person: PersonListItem,
  reasons: z.array(DuplicateReason),
  /** Name similarity 0…1 (trigram). */
  similarity: z.number(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const DuplicatePair = z.object({
  a: PersonListItem,
  b: PersonListItem,
  reasons: z.array(DuplicateReason),
  similarity: z.number(),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const DuplicateCheck = z.strictObject({
  householdId: Uuid.nullish(),
  villageId: Uuid.nullish(),
  fullName: Text(120),
  birthDate: PlainDateString,
  personalId: PersonalIdString.nullish(),
  motherId: Uuid.nullish(),
  /** When editing: leave this record out. */
  excludeId: Uuid.nullish(),
});
export type DuplicateCheck = z.input<typeof DuplicateCheck>;

export const DuplicateListQuery = z.strictObject({
  orgUnitId: Uuid.optional(),
  page: Page,
  pageSize: PageSize,
});

export const DuplicateDismiss = z.strictObject({
  personAId: Uuid,
  personBId: Uuid,
  reason: Text(500),
});
export type DuplicateDismiss = z.input<typeof DuplicateDismiss>;

export const PersonMergeInput = z.strictObject({
  keepId: Uuid,
  mergeId: Uuid,
  reason: Text(500),
});
export type PersonMergeInput = z.input<typeof PersonMergeInput>;

// ---------------------------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------------------------

/** The fields an import file can carry, in template order. Header texts are in `importColumns`. */
export const importFields = [
  'householdNumber',
  'village',
  'address',
  'povertyStatus',
  'headName',
  'fullName',
  'sex',
  'birthDate',
  'personalId',
  'ethnicity',
  'relationshipToHead',
  'motherName',
  'fatherName',
  'caregiverName',
  'birthRegistered',
  'disability',
  'schoolName',
  'hasHealthInsurance',
  'livingArrangement',
  'circumstances',
  'notes',
] as const;
export const ImportField = z.enum(importFields);
export type ImportField = z.infer<typeof ImportField>;

/** Fields a file must map for a row to be read at all. */
export const requiredImportFields: readonly ImportField[] = [
  'householdNumber',
  'village',
  'fullName',
  'sex',
  'birthDate',
];

export const ImportStatus = z.enum([
  'uploaded',
  'validating',
  'validated',
  'importing',
  'imported',
  'failed',
]);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportRowError = z.object({
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  /** The file's column header (or the field name when the column is missing). */
  column: z.string(),
  /** Stable code, e.g. `invalid_date`, `unknown_village`, `duplicate_in_file`; warnings: `possible_duplicate`. */
  code: z.string(),
  /** Vietnamese message for the official reading the report. */
  message: z.string(),
  value: z.string().nullable(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportJob = z.object({
  id: Uuid,
  communeId: Uuid,
  communeName: z.string(),
  fileName: z.string(),
  fileFormat: z.enum(['xlsx', 'csv']),
  headers: z.array(z.string()),
  /** Field → file header. Proposed by the server from the headers; the user may change it. */
  mapping: z.record(z.string(), z.string()),
  status: ImportStatus,
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  errorCount: z.number().int(),
  /** Rows that would create a child who looks like one already in the register: reported, never blocking. */
  warningCount: z.number().int(),
  createdHouseholds: z.number().int(),
  createdPersons: z.number().int(),
  /** Rows already in the register from an earlier import of the same file. */
  skippedPersons: z.number().int(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportMappingInput = z.strictObject({
  // A partial record: a file need not carry every field (the server checks the required ones).
  mapping: z.partialRecord(ImportField, z.string().min(1).max(200)),
});
export type ImportMappingInput = z.input<typeof ImportMappingInput>;

export const ImportUploadQuery = z.strictObject({
  communeId: Uuid,
  fileName: z.string().trim().min(1).max(200),
});

// ---------------------------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------------------------

const IdParams = z.strictObject({ id: Uuid });
const tag = 'register';

export const registerEndpoints = {
  listHouseholds: endpoint({
    method: 'GET',
    path: '/api/register/households',
    permission: 'register.read',
    summary: 'Households in scope, filtered and paginated',
    tag,
    query: HouseholdListQuery,
    response: paginated(HouseholdSummary),
  }),
  getHousehold: endpoint({
    method: 'GET',
    path: '/api/register/households/:id',
    permission: 'register.read',
    summary: 'One household with its members and moves',
    tag,
    params: IdParams,
    response: HouseholdDetail,
  }),
  createHousehold: endpoint({
    method: 'POST',
    path: '/api/register/households',
    permission: 'register.write',
    summary: 'Register a household in a village',
    tag,
    body: HouseholdInput,
    response: HouseholdDetail,
    successStatus: 201,
  }),
  updateHousehold: endpoint({
    method: 'PUT',
    path: '/api/register/households/:id',
    permission: 'register.write',
    summary: 'Edit a household (address, head, poverty status)',
    tag,
    params: IdParams,
    body: HouseholdUpdate,
    response: HouseholdDetail,
  }),
  moveHousehold: endpoint({
    method: 'POST',
    path: '/api/register/households/:id/move',
    permission: 'register.write',
    summary: 'Move a household and its active members to another village (in or out of the commune)',
    tag,
    params: IdParams,
    body: HouseholdMove,
    response: HouseholdDetail,
  }),
  listPersons: endpoint({
    method: 'GET',
    path: '/api/register/persons',
    permission: 'register.read',
    summary: 'Search the register: name (tone-insensitive), personal ID, age, village, circumstance, flag',
    tag,
    query: PersonListQuery,
    // `total` stops at 5,000; `totalCapped` says there are more (the screen shows "hơn 5.000").
    response: paginated(PersonListItem).extend({ totalCapped: z.boolean() }),
  }),
  getPerson: endpoint({
    method: 'GET',
    path: '/api/register/persons/:id',
    permission: 'register.read',
    summary: 'One person with circumstances, flags and links',
    tag,
    params: IdParams,
    response: PersonDetail,
  }),
  personHistory: endpoint({
    method: 'GET',
    path: '/api/register/persons/:id/history',
    permission: 'register.read',
    summary: 'Everything that happened to a record, oldest first',
    tag,
    params: IdParams,
    response: z.object({ items: z.array(HistoryEntry) }),
  }),
  createPerson: endpoint({
    method: 'POST',
    path: '/api/register/persons',
    permission: 'register.write',
    summary: 'Register a child or an adult (409 POSSIBLE_DUPLICATE unless confirmed)',
    tag,
    body: PersonInput,
    response: PersonDetail,
    successStatus: 201,
  }),
  updatePerson: endpoint({
    method: 'PUT',
    path: '/api/register/persons/:id',
    permission: 'register.write',
    summary: 'Edit a person’s record',
    tag,
    params: IdParams,
    body: PersonUpdate,
    response: PersonDetail,
  }),
  movePerson: endpoint({
    method: 'POST',
    path: '/api/register/persons/:id/move',
    permission: 'register.write',
    summary: 'Move a person to another household or village; the record follows them',
    tag,
    params: IdParams,
    body: PersonMove,
    response: PersonDetail,
  }),
  moveOutPerson: endpoint({
    method: 'POST',
    path: '/api/register/persons/:id/move-out',
    permission: 'register.write',
    summary: 'Record that a person left the province',
    tag,
    params: IdParams,
    body: PersonMoveOut,
    response: PersonDetail,
  }),
  recordDeath: endpoint({
    method: 'POST',
    path: '/api/register/persons/:id/death',
    permission: 'register.write',
    summary: 'Record a death',
    tag,
    params: IdParams,
    body: PersonDeath,
    response: PersonDetail,
  }),
  assignCircumstance: endpoint({
    method: 'POST',
    path: '/api/register/persons/:id/circumstances',
    permission: 'register.write',
    summary: 'Place a child in a special-circumstance group (dated)',
    tag,
    params: IdParams,
    body: CircumstanceInput,
    response: PersonDetail,
    successStatus: 201,
  }),
  endCircumstance: endpoint({
    method: 'POST',
    path: '/api/register/circumstances/:id/end',
    permission: 'register.write',
    summary: 'End a special-circumstance assignment',
    tag,
    params: IdParams,
    body: EndAssignment,
    response: PersonDetail,
  }),
  assignFlag: endpoint({
    method: 'POST',
    path: '/api/register/persons/:id/flags',
    permission: 'register.write',
    summary: 'Add an at-risk flag (dated)',
    tag,
    params: IdParams,
    body: FlagInput,
    response: PersonDetail,
    successStatus: 201,
  }),
  endFlag: endpoint({
    method: 'POST',
    path: '/api/register/flags/:id/end',
    permission: 'register.write',
    summary: 'End an at-risk flag',
    tag,
    params: IdParams,
    body: EndAssignment,
    response: PersonDetail,
  }),
  listFlagTypes: endpoint({
    method: 'GET',
    path: '/api/register/flag-types',
    permission: 'register.read',
    summary: 'The at-risk flag catalogue of the caller’s province',
    tag,
    query: z.strictObject({
      provinceCode: z
        .string()
        .regex(/^\d{2}$/)
        .optional(),
    }),
    response: z.object({ items: z.array(FlagType) }),
  }),
  saveFlagType: endpoint({
    method: 'PUT',
    path: '/api/register/flag-types/:provinceCode/:code',
    permission: 'register.manageCatalogue',
    summary: 'Add or edit an at-risk flag of a province’s catalogue',
    tag,
    params: z.strictObject({ provinceCode: z.string().regex(/^\d{2}$/), code: z.string().min(2).max(50) }),
    body: FlagTypeInput.omit({ code: true }),
    response: FlagType,
  }),
  checkDuplicates: endpoint({
    method: 'POST',
    path: '/api/register/duplicates/check',
    permission: 'register.write',
    summary: 'Likely duplicates of a record being typed in',
    tag,
    body: DuplicateCheck,
    response: z.object({ items: z.array(DuplicateCandidate) }),
  }),
  listDuplicates: endpoint({
    method: 'GET',
    path: '/api/register/duplicates',
    permission: 'register.merge',
    summary: 'Possible duplicate pairs in scope, for review',
    tag,
    query: DuplicateListQuery,
    response: paginated(DuplicatePair),
  }),
  dismissDuplicate: endpoint({
    method: 'POST',
    path: '/api/register/duplicates/dismiss',
    permission: 'register.merge',
    summary: 'Declare a pair not the same person; it is not suggested again',
    tag,
    body: DuplicateDismiss,
    response: Ok,
  }),
  mergePersons: endpoint({
    method: 'POST',
    path: '/api/register/persons/merge',
    permission: 'register.merge',
    summary: 'Merge two records of one person, keeping the history of both',
    tag,
    body: PersonMergeInput,
    response: PersonDetail,
  }),
};

// ---------------------------------------------------------------------------------------------------------------
// Files: import, export, print
// ---------------------------------------------------------------------------------------------------------------

/** A file answer (export, template, PDF). The server sends the bytes with a Content-Disposition header. */
export const FileResult = z.custom<{ fileName: string; contentType: string; body: Uint8Array }>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { fileName?: unknown }).fileName === 'string' &&
    (value as { body?: unknown }).body instanceof Uint8Array,
);
export type FileResult = z.infer<typeof FileResult>;

/** Raw uploaded bytes (the request's Content-Type is application/octet-stream, text/csv or the XLSX type). */
export const BinaryBody = z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.length > 0);

/** The most rows one export may hold (the messages of EXPORT_TOO_LARGE quote it). */
export const EXPORT_ROW_LIMIT = 200_000;

export const ExportQuery = PersonListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

export const registerFileEndpoints = {
  importTemplate: endpoint({
    method: 'GET',
    path: '/api/register/import/template',
    permission: 'register.import',
    summary: 'The XLSX template with Vietnamese headers that treem reads back',
    tag,
    response: FileResult,
    responseKind: 'file',
  }),
  uploadImport: endpoint({
    method: 'POST',
    path: '/api/register/imports',
    permission: 'register.import',
    summary: 'Upload an XLSX or CSV register file for a commune (raw bytes); proposes a column mapping',
    tag,
    query: ImportUploadQuery,
    body: BinaryBody,
    bodyKind: 'binary',
    response: ImportJob,
    successStatus: 201,
  }),
  listImports: endpoint({
    method: 'GET',
    path: '/api/register/imports',
    permission: 'register.import',
    summary: 'Imports in scope, newest first',
    tag,
    query: z.strictObject({ page: Page, pageSize: PageSize }),
    response: paginated(ImportJob),
  }),
  getImport: endpoint({
    method: 'GET',
    path: '/api/register/imports/:id',
    permission: 'register.import',
    summary: 'An import’s status and progress',
    tag,
    params: IdParams,
    response: ImportJob,
  }),
  importErrors: endpoint({
    method: 'GET',
    path: '/api/register/imports/:id/errors',
    permission: 'register.import',
    summary: 'The row-by-row error report of an import’s validation, or its warnings (`kind=warnings`)',
    tag,
    params: IdParams,
    query: z.strictObject({
      page: Page,
      pageSize: PageSize,
      kind: z.enum(['errors', 'warnings']).default('errors'),
    }),
    response: paginated(ImportRowError),
  }),
  importErrorReport: endpoint({
    method: 'GET',
    path: '/api/register/imports/:id/errors.xlsx',
    permission: 'register.import',
    summary: 'The error report as a spreadsheet',
    tag,
    params: IdParams,
    response: FileResult,
    responseKind: 'file',
  }),
  setImportMapping: endpoint({
    method: 'PUT',
    path: '/api/register/imports/:id/mapping',
    permission: 'register.import',
    summary: 'Set which file column holds which field',
    tag,
    params: IdParams,
    body: ImportMappingInput,
    response: ImportJob,
  }),
  validateImport: endpoint({
    method: 'POST',
    path: '/api/register/imports/:id/validate',
    permission: 'register.import',
    summary: 'Dry run: check every row and report errors, writing nothing (runs in the background)',
    tag,
    params: IdParams,
    response: ImportJob,
    successStatus: 202,
  }),
  runImport: endpoint({
    method: 'POST',
    path: '/api/register/imports/:id/run',
    permission: 'register.import',
    summary: 'Write a validated import, all rows or none (runs in the background)',
    tag,
    params: IdParams,
    response: ImportJob,
    successStatus: 202,
  }),
  exportPersons: endpoint({
    method: 'GET',
    path: '/api/register/persons/export',
    permission: 'register.export',
    summary: 'The register as XLSX or CSV, filtered as on screen',
    tag,
    query: ExportQuery,
    response: FileResult,
    responseKind: 'file',
  }),
  villageBook: endpoint({
    method: 'GET',
    path: '/api/register/villages/:id/book.pdf',
    permission: 'register.export',
    summary: 'The household child book of a village as PDF (A4, one page per household)',
    tag,
    params: IdParams,
    response: FileResult,
    responseKind: 'file',
  }),
};
