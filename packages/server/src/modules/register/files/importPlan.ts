import {
  foldVietnamese,
  formatPlainDateVi,
  newId,
  type PlainDate,
  type RelationshipToHead,
  type SexCode,
} from '@treem/shared';
import { sql } from 'kysely';
import type { Executor } from '../../../db/transaction.ts';
import type { CopySession } from './copySession.ts';
import { cellText } from './importFile.ts';
import { headerOf } from './importColumns.ts';
import type { ImportMapping } from './importMapping.ts';
import type { ErrorCollector, FileHousehold, ImportRow } from './importRows.ts';

/**
 * What a run would write, worked out against the register in a few set-based queries (households by key, persons
 * by key, members of the households already there, personal IDs already used) — never a query per row. The dry
 * run computes the plan to find the conflicts and throws it away; the run computes it again inside its
 * transaction and writes it.
 *
 * Matching, so that importing the same file twice writes nothing the second time:
 * - a household is the one with the same import key (`<communeId>:<number>`), or a household of the commune
 *   entered by hand with the same book number;
 * - a person is the one with the same import key (household key, folded name, date of birth, personal ID), or a
 *   member of the matched household with the same folded name and date of birth and no other personal ID;
 * - a mother, father, caregiver or head is a person of the household with that folded name (a row of the file, a
 *   member already registered, or an adult created for an earlier row).
 * Records already in the register are never changed by an import: their rows count as skipped.
 */

export interface PlanContext {
  provinceCode: string;
  communeId: string;
  communePath: string;
  today: PlainDate;
  fileName: string;
  userId: string | null;
  mapping: ImportMapping;
}

export interface NewHousehold {
  id: string;
  key: string;
  household: FileHousehold;
  headPersonId: string | null;
  notes: string | null;
}

export interface NewPerson {
  id: string;
  householdId: string;
  villageId: string;
  orgPath: string;
  fullName: string;
  nameSearch: string;
  sex: SexCode;
  birthDate: PlainDate;
  birthDatePrecision: 'day' | 'month' | 'year';
  importKey: string;
  relationshipToHead: RelationshipToHead | null;
  /** The file row, for children; adults made from a name have none. */
  row: ImportRow | null;
  motherId: string | null;
  fatherId: string | null;
  caregiverId: string | null;
  notes: string | null;
}

export interface ImportPlan {
  households: NewHousehold[];
  persons: NewPerson[];
  /** Children created from rows (the rest of `persons` are adults created from names). */
  createdChildren: number;
  createdAdults: number;
  skippedPersons: number;
  matchedHouseholds: number;
  circumstances: number;
}

interface ExistingHousehold {
  id: string;
  import_key: string | null;
  book_number: string | null;
  village_id: string;
  org_path: string;
}

interface ExistingPerson {
  id: string;
  household_id: string | null;
  name_search: string;
  birth_date: string;
  personal_id: string | null;
  import_key: string | null;
}

const BATCH = 10_000;

function* batches<T>(items: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export function personKeyOf(
  householdKey: string,
  row: Pick<ImportRow, 'nameSearch' | 'birthDate' | 'personalId'>,
) {
  return `${householdKey}|${row.nameSearch}|${row.birthDate}|${row.personalId ?? ''}`;
}

const adultKeyOf = (householdKey: string, nameSearch: string) => `${householdKey}|${nameSearch}|adult`;

/** A book number as the key folds it ("012" is 12), for matching households entered by hand. */
const bookNumberKey = (bookNumber: string) => {
  const folded = foldVietnamese(bookNumber);
  return /^\d+$/.test(folded) ? String(Number(folded)) : folded;
};

export async function planImport(
  db: Executor,
  context: PlanContext,
  households: Map<string, FileHousehold>,
  errors: ErrorCollector,
): Promise<ImportPlan> {
  const fileHouseholds = [...households.values()];

  // 1. Households already in the register.
  const byKey = new Map<string, ExistingHousehold>();
  for (const keys of batches(fileHouseholds.map((h) => h.key))) {
    const rows = await db
      .selectFrom('household')
      .select(['id', 'import_key', 'book_number', 'village_id', 'org_path'])
      .where('province_code', '=', context.provinceCode)
      .where(sql<boolean>`import_key = any(${keys}::text[])`)
      .execute();
    for (const row of rows) byKey.set(row.import_key!, row);
  }
  const byBookNumber = new Map<string, ExistingHousehold>();
  const handEntered = await db
    .selectFrom('household')
    .select(['id', 'import_key', 'book_number', 'village_id', 'org_path'])
    .where('province_code', '=', context.provinceCode)
    .where(sql<boolean>`org_path <@ ${context.communePath}::ltree`)
    .where('import_key', 'is', null)
    .where('book_number', 'is not', null)
    .where('status', '=', 'active')
    .execute();
  for (const row of handEntered) {
    const key = `${context.communeId}:${bookNumberKey(row.book_number!)}`;
    if (!byBookNumber.has(key)) byBookNumber.set(key, row);
  }
  const matched = new Map<string, { existing: ExistingHousehold; byKey: boolean }>();
  const mismatched = new Set<string>();
  for (const household of fileHouseholds) {
    const existing = byKey.get(household.key);
    const found = existing ? { existing, byKey: true } : undefined;
    const handMatch = byBookNumber.get(household.key);
    const match = found ?? (handMatch ? { existing: handMatch, byKey: false } : undefined);
    if (!match) continue;
    if (match.existing.village_id !== household.village.id) {
      const sameCommune = match.existing.org_path.startsWith(`${context.communePath}.`);
      errors.add({
        row: household.firstRow,
        column: context.mapping.village ?? headerOf('village'),
        code: 'household_village_mismatch',
        message: `Hộ số ${household.number} đã có trong sổ ở ${sameCommune ? 'một thôn khác của xã' : 'một xã khác'}; hãy chuyển hộ trong treem trước, hoặc sửa thôn trong tệp.`,
        value: household.village.name,
      });
      mismatched.add(household.key);
      continue;
    }
    matched.set(household.key, match);
  }

  // 2. Persons already in the register: by key (households imported before) and the members of matched households.
  const personByKey = new Map<string, ExistingPerson>();
  const keyed = fileHouseholds.filter((h) => matched.get(h.key)?.byKey);
  const wantedKeys = keyed.flatMap((h) => [
    ...h.rows.map((r) => personKeyOf(h.key, r)),
    ...adultNames(h).map((n) => adultKeyOf(h.key, n)),
  ]);
  for (const keys of batches(wantedKeys)) {
    const rows = await db
      .selectFrom('person')
      .select(['id', 'household_id', 'name_search', 'birth_date', 'personal_id', 'import_key'])
      .where('province_code', '=', context.provinceCode)
      .where(sql<boolean>`import_key = any(${keys}::text[])`)
      .where('status', '<>', 'merged')
      .execute();
    for (const row of rows) personByKey.set(row.import_key!, row);
  }
  const members = new Map<string, ExistingPerson[]>();
  const matchedIds = [...matched.values()].map((m) => m.existing.id);
  for (const ids of batches(matchedIds, 5_000)) {
    const rows = await db
      .selectFrom('person')
      .select(['id', 'household_id', 'name_search', 'birth_date', 'personal_id', 'import_key'])
      .where('province_code', '=', context.provinceCode)
      .where(sql<boolean>`household_id = any(${ids}::uuid[])`)
      .where('status', '<>', 'merged')
      .orderBy('birth_date')
      .execute();
    for (const row of rows) {
      const list = members.get(row.household_id!) ?? [];
      list.push(row);
      members.set(row.household_id!, list);
    }
  }

  // 3. Resolve every row and name.
  const plan: ImportPlan = {
    households: [],
    persons: [],
    createdChildren: 0,
    createdAdults: 0,
    skippedPersons: 0,
    matchedHouseholds: matched.size,
    circumstances: 0,
  };
  const resolvedRow = new Map<ImportRow, string>();
  const currentYear = Number(context.today.slice(0, 4));
  for (const household of fileHouseholds) {
    const match = matched.get(household.key);
    if (mismatched.has(household.key)) continue;
    const householdId = match?.existing.id ?? newId();
    const existingMembers = match ? (members.get(householdId) ?? []) : [];
    const created: NewPerson[] = [];
    const byName = new Map<string, string>();
    const base = { householdId, villageId: household.village.id, orgPath: household.village.path };

    for (const row of household.rows) {
      const existing = personByKey.get(personKeyOf(household.key, row)) ?? sameMember(existingMembers, row);
      if (existing) {
        plan.skippedPersons += 1;
        resolvedRow.set(row, existing.id);
        if (!byName.has(row.nameSearch)) byName.set(row.nameSearch, existing.id);
        continue;
      }
      const person: NewPerson = {
        id: newId(),
        ...base,
        fullName: row.fullName,
        nameSearch: row.nameSearch,
        sex: row.sex,
        birthDate: row.birthDate,
        birthDatePrecision: row.birthDatePrecision,
        importKey: personKeyOf(household.key, row),
        relationshipToHead: row.relationshipToHead,
        row,
        motherId: null,
        fatherId: null,
        caregiverId: null,
        notes: row.notes,
      };
      created.push(person);
      resolvedRow.set(row, person.id);
      if (!byName.has(row.nameSearch)) byName.set(row.nameSearch, person.id);
      plan.createdChildren += 1;
      plan.circumstances += row.circumstances.length;
    }
    for (const member of existingMembers)
      if (!byName.has(member.name_search)) byName.set(member.name_search, member.id);

    let eldestYear = Number.POSITIVE_INFINITY;
    for (const row of household.rows) eldestYear = Math.min(eldestYear, Number(row.birthDate.slice(0, 4)));
    const names: NameContext = {
      household,
      base,
      byName,
      personByKey,
      created,
      plan,
      fileName: context.fileName,
      adultYear: Math.max(1900, Math.min(eldestYear - 25, currentYear - 18)),
    };

    const childPersons = created.filter((p) => p.row);
    for (const person of childPersons) {
      const row = person.row!;
      person.motherId = row.motherName
        ? personNamed(names, row.motherName, row.motherSearch!, 'female')
        : null;
      person.fatherId = row.fatherName ? personNamed(names, row.fatherName, row.fatherSearch!, 'male') : null;
      if (row.caregiverName) {
        person.caregiverId = personNamed(names, row.caregiverName, row.caregiverSearch!, null);
        if (!person.caregiverId)
          person.notes = appendNote(person.notes, `Người chăm sóc theo tệp nhập: ${row.caregiverName}.`);
      }
    }
    let headPersonId: string | null = null;
    let householdNotes: string | null = null;
    if (household.headName && match) {
      // A household already registered keeps its head; the name only helps to place the new members.
      headPersonId = byName.get(household.headSearch!) ?? null;
    } else if (household.headName) {
      headPersonId = personNamed(names, household.headName, household.headSearch!, null);
      if (!headPersonId)
        householdNotes = `Chủ hộ theo tệp nhập «${context.fileName}»: ${household.headName}.`;
    }
    assignRelationships(created, headPersonId);
    plan.persons.push(...created);
    if (!match) {
      plan.households.push({
        id: householdId,
        key: household.key,
        household,
        headPersonId,
        notes: householdNotes,
      });
    }
  }

  // 4. Personal IDs already used by someone else in the province.
  const withId = fileHouseholds.flatMap((h) => h.rows).filter((r) => r.personalId && resolvedRow.has(r));
  for (const rows of batches(withId)) {
    const found = await db
      .selectFrom('person')
      .select(['id', 'personal_id'])
      .where('province_code', '=', context.provinceCode)
      .where(sql<boolean>`personal_id = any(${rows.map((r) => r.personalId!)}::text[])`)
      .where('status', '<>', 'merged')
      .execute();
    const holders = new Map<string, string[]>();
    for (const f of found) holders.set(f.personal_id!, [...(holders.get(f.personal_id!) ?? []), f.id]);
    for (const row of rows) {
      const ids = holders.get(row.personalId!);
      if (ids && ids.some((id) => id !== resolvedRow.get(row))) {
        errors.add({
          row: row.row,
          column: context.mapping.personalId ?? headerOf('personalId'),
          code: 'personal_id_in_register',
          message: 'Số định danh này đã có trong sổ của tỉnh, ghi cho một người khác.',
          value: cellText(row.personalId),
        });
      }
    }
  }
  return plan;
}

/**
 * Warnings, never errors: the rows that would create a child who looks like one already in the register — the same
 * folded name and date of birth in the same commune (rule 2 of duplicates.ts), merged records left out. Rows matched
 * to a record (by import key or as a member of their household) create nothing and are not warned about. One
 * set-based query for the whole file: the distinct (name, date of birth) pairs of the created children, unnested
 * and joined to `person`.
 */
export async function findPossibleDuplicates(
  db: Executor,
  context: PlanContext,
  plan: ImportPlan,
  warnings: ErrorCollector,
): Promise<void> {
  const created = plan.persons.flatMap((p) => (p.row ? [p.row] : []));
  if (created.length === 0) return;
  const pairKey = (nameSearch: string, birthDate: string) => `${nameSearch}|${birthDate}`;
  const pairs = new Map<string, { nameSearch: string; birthDate: string }>();
  for (const row of created)
    pairs.set(pairKey(row.nameSearch, row.birthDate), {
      nameSearch: row.nameSearch,
      birthDate: row.birthDate,
    });
  const list = [...pairs.values()];
  const { rows } = await sql<{ name_search: string; birth_date: string; full_name: string; village: string }>`
    select p.name_search, p.birth_date::text as birth_date, p.full_name, v.full_name as village
    from unnest(${list.map((p) => p.nameSearch)}::text[], ${list.map((p) => p.birthDate)}::date[])
           as f(name_search, birth_date)
    join person p on p.province_code = ${context.provinceCode} and p.birth_date = f.birth_date
                 and p.name_search = f.name_search
    join org_unit v on v.id = p.village_id
    where p.org_path <@ ${context.communePath}::ltree and p.status <> 'merged'
    order by p.full_name, p.id`.execute(db);
  if (rows.length === 0) return;
  const existing = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = pairKey(r.name_search, r.birth_date);
    existing.set(key, [...(existing.get(key) ?? []), r]);
  }
  const column = context.mapping.fullName ?? headerOf('fullName');
  for (const row of [...created].sort((a, b) => a.row - b.row)) {
    const found = existing.get(pairKey(row.nameSearch, row.birthDate));
    if (!found) continue;
    const first = found[0]!;
    const more = found.length > 1 ? ` (và ${found.length - 1} trẻ khác)` : '';
    warnings.add({
      row: row.row,
      column,
      code: 'possible_duplicate',
      message: `Có thể trùng với trẻ đã có trong sổ: ${first.full_name}, sinh ngày ${formatPlainDateVi(first.birth_date)}, ${first.village}${more}. Dòng này vẫn được nhập thành một trẻ mới; nếu là cùng một trẻ, hãy bỏ dòng khỏi tệp hoặc gộp hồ sơ sau khi nhập.`,
      value: row.fullName,
    });
  }
}

/** The folded names of the adults a household's rows mention. */
function adultNames(household: FileHousehold): string[] {
  const names = new Set<string>();
  if (household.headSearch) names.add(household.headSearch);
  for (const row of household.rows) {
    if (row.motherSearch) names.add(row.motherSearch);
    if (row.fatherSearch) names.add(row.fatherSearch);
    if (row.caregiverSearch) names.add(row.caregiverSearch);
  }
  return [...names];
}

/** A member already registered with the row's folded name and date of birth, and no other personal ID. */
function sameMember(members: readonly ExistingPerson[], row: ImportRow): ExistingPerson | undefined {
  for (const m of members) {
    if (
      m.name_search === row.nameSearch &&
      m.birth_date === row.birthDate &&
      (!m.personal_id || !row.personalId || m.personal_id === row.personalId)
    ) {
      return m;
    }
  }
  return undefined;
}

interface NameContext {
  household: FileHousehold;
  base: { householdId: string; villageId: string; orgPath: string };
  byName: Map<string, string>;
  personByKey: Map<string, ExistingPerson>;
  created: NewPerson[];
  plan: ImportPlan;
  fileName: string;
  adultYear: number;
}

/** The person of the household with this (folded) name, creating an adult when the sex is known. */
function personNamed(names: NameContext, name: string, folded: string, sex: SexCode | null): string | null {
  const { household } = names;
  const known = names.byName.get(folded) ?? names.personByKey.get(adultKeyOf(household.key, folded))?.id;
  if (known) return known;
  const inferred = sex ?? sexFromName(name);
  if (!inferred) return null;
  const rows: number[] = [];
  for (const r of household.rows) {
    if (
      r.motherSearch === folded ||
      r.fatherSearch === folded ||
      r.caregiverSearch === folded ||
      r.headSearch === folded
    ) {
      rows.push(r.row);
    }
  }
  const adult: NewPerson = {
    id: newId(),
    ...names.base,
    fullName: name,
    nameSearch: folded,
    sex: inferred,
    birthDate: `${names.adultYear}-01-01`,
    birthDatePrecision: 'year',
    importKey: adultKeyOf(household.key, folded),
    relationshipToHead: null,
    row: null,
    motherId: null,
    fatherId: null,
    caregiverId: null,
    notes: `Tạo khi nhập tệp «${names.fileName}» (dòng ${rows.join(', ')}): tệp không có ngày sinh, năm sinh ${names.adultYear} là ước tính; hãy cập nhật.`,
  };
  names.created.push(adult);
  names.byName.set(folded, adult.id);
  names.plan.createdAdults += 1;
  return adult.id;
}

/** The middle names that say a Vietnamese name's sex: Thị (women), Văn (men). Otherwise unknown. */
export function sexFromName(name: string): SexCode | null {
  const words = foldVietnamese(name).split(' ');
  const middle = words.slice(1, -1);
  if (middle.includes('thi')) return 'female';
  if (middle.includes('van')) return 'male';
  return null;
}

function appendNote(notes: string | null, note: string): string {
  return notes ? `${notes}\n${note}` : note;
}

/**
 * Relationships of the persons created for a household: the head is `head`; a parent of a child who is the head's
 * child is the head's spouse; a parent of the head's grandchild is the head's child. Otherwise the row's own cell.
 */
function assignRelationships(created: NewPerson[], headPersonId: string | null): void {
  const byId = new Map(created.map((p) => [p.id, p]));
  for (const person of created) if (person.id === headPersonId) person.relationshipToHead = 'head';
  if (!headPersonId) return;
  for (const child of created) {
    if (!child.row) continue;
    for (const parentId of [child.motherId, child.fatherId]) {
      const parent = parentId ? byId.get(parentId) : undefined;
      if (!parent || parent.row || parent.relationshipToHead) continue;
      if (child.relationshipToHead === 'child') parent.relationshipToHead = 'spouse';
      else if (child.relationshipToHead === 'grandchild') parent.relationshipToHead = 'child';
    }
  }
}

/** Writes a plan with `insert … select from unnest(…)`, a batch of rows per statement. */
export async function writePlan(
  db: Executor,
  context: PlanContext,
  plan: ImportPlan,
  onProgress: (personsWritten: number) => void,
  copy?: CopySession,
): Promise<void> {
  if (copy) return copyPlan(copy, context, plan, onProgress);
  const { provinceCode, userId } = context;
  for (const batch of batches(plan.households, 5_000)) {
    await sql`
      insert into household (province_code, id, village_id, org_path, book_number, address, head_person_id,
                             poverty_status, poverty_year, notes, import_key, created_by)
      select ${provinceCode}, t.* , ${userId}::uuid from unnest(
        ${batch.map((h) => h.id)}::uuid[],
        ${batch.map((h) => h.household.village.id)}::uuid[],
        ${batch.map((h) => h.household.village.path)}::text[]::ltree[],
        ${batch.map((h) => h.household.number)}::text[],
        ${batch.map((h) => h.household.address ?? h.household.village.fullName)}::text[],
        ${batch.map((h) => h.headPersonId)}::uuid[],
        ${batch.map((h) => h.household.povertyStatus ?? 'none')}::text[],
        ${batch.map((h) => h.household.povertyYear)}::int[],
        ${batch.map((h) => h.notes)}::text[],
        ${batch.map((h) => h.key)}::text[]
      ) as t`.execute(db);
  }
  let written = 0;
  for (const batch of batches(plan.persons, 5_000)) {
    const rows = batch.map((p) => p.row);
    await sql`
      insert into person (province_code, id, household_id, village_id, org_path, full_name, name_search, sex,
                          birth_date, birth_date_precision, personal_id, ethnicity_code, relationship_to_head,
                          birth_registered, disability_type, disability_level, school_name, has_health_insurance,
                          health_insurance_number, living_arrangement, mother_id, father_id, caregiver_id, notes,
                          import_key, created_by)
      select ${provinceCode}, t.*, ${userId}::uuid from unnest(
        ${batch.map((p) => p.id)}::uuid[],
        ${batch.map((p) => p.householdId)}::uuid[],
        ${batch.map((p) => p.villageId)}::uuid[],
        ${batch.map((p) => p.orgPath)}::text[]::ltree[],
        ${batch.map((p) => p.fullName)}::text[],
        ${batch.map((p) => p.nameSearch)}::text[],
        ${batch.map((p) => p.sex)}::text[],
        ${batch.map((p) => p.birthDate)}::date[],
        ${batch.map((p) => p.birthDatePrecision)}::text[],
        ${rows.map((r) => r?.personalId ?? null)}::text[],
        ${rows.map((r) => r?.ethnicityCode ?? '01')}::text[],
        ${batch.map((p) => p.relationshipToHead)}::text[],
        ${rows.map((r) => r?.birthRegistered ?? null)}::boolean[],
        ${rows.map((r) => r?.disabilityType ?? null)}::text[],
        ${rows.map((r) => r?.disabilityLevel ?? null)}::text[],
        ${rows.map((r) => r?.schoolName ?? null)}::text[],
        ${rows.map((r) => r?.hasHealthInsurance ?? null)}::boolean[],
        ${rows.map((r) => r?.healthInsuranceNumber ?? null)}::text[],
        ${rows.map((r) => r?.livingArrangement ?? null)}::text[],
        ${batch.map((p) => p.motherId)}::uuid[],
        ${batch.map((p) => p.fatherId)}::uuid[],
        ${batch.map((p) => p.caregiverId)}::uuid[],
        ${batch.map((p) => p.notes)}::text[],
        ${batch.map((p) => p.importKey)}::text[]
      ) as t`.execute(db);
    written += batch.filter((p) => p.row).length;
    onProgress(written);
  }
  const assignments = plan.persons.flatMap((p) =>
    (p.row?.circumstances ?? []).map((c) => ({ person: p, ...c })),
  );
  const note = `Nhập từ tệp «${context.fileName}»`;
  for (const batch of batches(assignments, 5_000)) {
    await sql`
      insert into circumstance_assignment (province_code, id, person_id, org_path, group_code, sub_group_code,
                                           valid_from, notes, created_by)
      select ${provinceCode}, t.*, ${context.today}::date, ${note}, ${userId}::uuid from unnest(
        ${batch.map(() => newId())}::uuid[],
        ${batch.map((a) => a.person.id)}::uuid[],
        ${batch.map((a) => a.person.orgPath)}::text[]::ltree[],
        ${batch.map((a) => a.groupCode)}::text[],
        ${batch.map((a) => a.subGroupCode)}::text[]
      ) as t`.execute(db);
  }
}

const householdColumns = [
  'province_code',
  'id',
  'village_id',
  'org_path',
  'book_number',
  'address',
  'head_person_id',
  'poverty_status',
  'poverty_year',
  'notes',
  'import_key',
  'created_by',
] as const;

const personColumns = [
  'province_code',
  'id',
  'household_id',
  'village_id',
  'org_path',
  'full_name',
  'name_search',
  'sex',
  'birth_date',
  'birth_date_precision',
  'personal_id',
  'ethnicity_code',
  'relationship_to_head',
  'birth_registered',
  'disability_type',
  'disability_level',
  'school_name',
  'has_health_insurance',
  'health_insurance_number',
  'living_arrangement',
  'mother_id',
  'father_id',
  'caregiver_id',
  'notes',
  'import_key',
  'created_by',
] as const;

const circumstanceColumns = [
  'province_code',
  'id',
  'person_id',
  'org_path',
  'group_code',
  'sub_group_code',
  'valid_from',
  'notes',
  'created_by',
] as const;

/** The same rows as the `unnest` statements, through COPY on the run's own connection (native PostgreSQL). */
async function copyPlan(
  copy: CopySession,
  context: PlanContext,
  plan: ImportPlan,
  onProgress: (personsWritten: number) => void,
): Promise<void> {
  const { provinceCode, userId } = context;
  await copy.copy(
    'household',
    householdColumns,
    plan.households.map((h) => [
      provinceCode,
      h.id,
      h.household.village.id,
      h.household.village.path,
      h.household.number,
      h.household.address ?? h.household.village.fullName,
      h.headPersonId,
      h.household.povertyStatus ?? 'none',
      h.household.povertyYear,
      h.notes,
      h.key,
      userId,
    ]),
  );
  let written = 0;
  for (const batch of batches(plan.persons, 50_000)) {
    await copy.copy(
      'person',
      personColumns,
      batch.map((p) => {
        const r = p.row;
        return [
          provinceCode,
          p.id,
          p.householdId,
          p.villageId,
          p.orgPath,
          p.fullName,
          p.nameSearch,
          p.sex,
          p.birthDate,
          p.birthDatePrecision,
          r?.personalId ?? null,
          r?.ethnicityCode ?? '01',
          p.relationshipToHead,
          r?.birthRegistered ?? null,
          r?.disabilityType ?? null,
          r?.disabilityLevel ?? null,
          r?.schoolName ?? null,
          r?.hasHealthInsurance ?? null,
          r?.healthInsuranceNumber ?? null,
          r?.livingArrangement ?? null,
          p.motherId,
          p.fatherId,
          p.caregiverId,
          p.notes,
          p.importKey,
          userId,
        ];
      }),
    );
    for (const p of batch) if (p.row) written += 1;
    onProgress(written);
  }
  const note = `Nhập từ tệp «${context.fileName}»`;
  await copy.copy(
    'circumstance_assignment',
    circumstanceColumns,
    plan.persons.flatMap((p) =>
      (p.row?.circumstances ?? []).map((c) => [
        provinceCode,
        newId(),
        p.id,
        p.orgPath,
        c.groupCode,
        c.subGroupCode,
        context.today,
        note,
        userId,
      ]),
    ),
  );
}
