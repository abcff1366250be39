import {
  CircumstanceGroupCode,
  personSorts,
  PovertyStatus,
  SexCode,
  type api,
  type EndpointQuery,
  type PersonListQueryInput,
} from '@treem/shared';

type HouseholdListQueryInput = EndpointQuery<typeof api.register.listHouseholds>;
type ExportQueryInput = EndpointQuery<typeof api.registerFiles.exportPersons>;

/*
 * The register pages keep their filters in the URL, so a list can be bookmarked, shared and restored by the back
 * button. These parsers are pure: a hand-edited URL can never put a page in an impossible state — anything the
 * server would refuse is dropped here.
 */

export type PersonSort = (typeof personSorts)[number];
export type PersonKind = 'child' | 'adult' | 'all';
export type SortOrder = 'asc' | 'desc';

export interface PersonsSearch {
  /** Name, any spelling (the server folds tones and case). */
  q?: string | undefined;
  /** Personal ID, 3–12 digits (a prefix is enough). */
  pid?: string | undefined;
  /** Org unit (province, commune or village) the list is limited to. */
  unit?: string | undefined;
  sex?: SexCode | undefined;
  ageFrom?: number | undefined;
  ageTo?: number | undefined;
  /** A special-circumstance group code, or `any`. */
  circ?: string | undefined;
  /** An at-risk flag code, or `any`. */
  flag?: string | undefined;
  /** child is the default and is left out of the URL. */
  kind?: 'adult' | 'all' | undefined;
  inactive?: true | undefined;
  noId?: true | undefined;
  /** name ascending is the default and is left out of the URL. */
  sort?: PersonSort | undefined;
  order?: 'desc' | undefined;
  page?: number | undefined;
  size?: number | undefined;
}

export interface HouseholdsSearch {
  q?: string | undefined;
  unit?: string | undefined;
  poverty?: PovertyStatus | undefined;
  inactive?: true | undefined;
  page?: number | undefined;
  size?: number | undefined;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const pageSizes = [10, 20, 50, 100] as const;
export const defaultPageSize = 20;

function text(value: unknown, max = 100): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().replace(/\s+/g, ' ');
  return trimmed && trimmed.length <= max ? trimmed : undefined;
}

function flag(value: unknown): true | undefined {
  return value === true || value === 'true' || value === 1 || value === '1' ? true : undefined;
}

function integer(value: unknown, min: number, max: number): number | undefined {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

function uuid(value: unknown): string | undefined {
  return typeof value === 'string' && uuidPattern.test(value) ? value.toLowerCase() : undefined;
}

function pageNumber(value: unknown): number | undefined {
  return integer(value, 2, 100_000);
}

function pageSize(value: unknown): number | undefined {
  const n = integer(value, 1, 200);
  return n !== undefined && (pageSizes as readonly number[]).includes(n) && n !== defaultPageSize
    ? n
    : undefined;
}

/** Digits only; spaces and dots typed while copying from a card are ignored. */
export function personalIdFilter(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const digits = String(value).replace(/[\s.-]/g, '');
  return /^\d{3,12}$/.test(digits) ? digits : undefined;
}

function flagCode(value: unknown): string | undefined {
  const code = text(value, 50);
  return code && /^[a-z][a-z0-9_]{1,49}$/.test(code) ? code : undefined;
}

export function parsePersonsSearch(search: Record<string, unknown>): PersonsSearch {
  const sex = SexCode.safeParse(search.sex);
  const circ = search.circ === 'any' ? 'any' : CircumstanceGroupCode.safeParse(search.circ).data;
  const sort = personSorts.find((value) => value === search.sort && value !== 'name');
  let ageFrom = integer(search.ageFrom, 0, 120);
  let ageTo = integer(search.ageTo, 0, 120);
  // A reversed range is what the user meant the other way round.
  if (ageFrom !== undefined && ageTo !== undefined && ageFrom > ageTo) [ageFrom, ageTo] = [ageTo, ageFrom];
  return {
    q: text(search.q),
    pid: personalIdFilter(search.pid),
    unit: uuid(search.unit),
    sex: sex.success ? sex.data : undefined,
    ageFrom,
    ageTo,
    circ,
    flag: search.flag === 'any' ? 'any' : flagCode(search.flag),
    kind: search.kind === 'adult' || search.kind === 'all' ? search.kind : undefined,
    inactive: flag(search.inactive),
    noId: flag(search.noId),
    sort,
    order: search.order === 'desc' ? 'desc' : undefined,
    page: pageNumber(search.page),
    size: pageSize(search.size),
  };
}

export function parseHouseholdsSearch(search: Record<string, unknown>): HouseholdsSearch {
  const poverty = PovertyStatus.safeParse(search.poverty);
  return {
    q: text(search.q),
    unit: uuid(search.unit),
    poverty: poverty.success ? poverty.data : undefined,
    inactive: flag(search.inactive),
    page: pageNumber(search.page),
    size: pageSize(search.size),
  };
}

/** The filters of a person list, without paging: shared by the list and the export. */
function personFilters(search: PersonsSearch): Omit<PersonListQueryInput, 'page' | 'pageSize'> {
  return {
    search: search.q,
    personalId: search.pid,
    orgUnitId: search.unit,
    sex: search.sex,
    ageFrom: search.ageFrom,
    ageTo: search.ageTo,
    circumstance: search.circ,
    flag: search.flag,
    kind: search.kind ?? 'child',
    includeInactive: search.inactive ? 'true' : undefined,
    missingPersonalId: search.noId ? 'true' : undefined,
    sort: search.sort ?? 'name',
    order: search.order ?? 'asc',
  };
}

export function toPersonListQuery(search: PersonsSearch): PersonListQueryInput {
  return { ...personFilters(search), page: search.page ?? 1, pageSize: search.size ?? defaultPageSize };
}

/** The same rows as on screen, every page of them, in a file. */
export function toExportQuery(search: PersonsSearch, format: 'xlsx' | 'csv'): ExportQueryInput {
  return { ...personFilters(search), format };
}

export function toHouseholdListQuery(search: HouseholdsSearch): HouseholdListQueryInput {
  return {
    orgUnitId: search.unit,
    search: search.q,
    povertyStatus: search.poverty,
    includeInactive: search.inactive ? 'true' : undefined,
    page: search.page ?? 1,
    pageSize: search.size ?? defaultPageSize,
  };
}

/** Whether any filter narrows the list (the empty state then says "nothing matches" rather than "no records"). */
export function hasPersonFilters(search: PersonsSearch): boolean {
  const filterKeys = Object.keys(search).filter((key) => !['sort', 'order', 'page', 'size'].includes(key));
  return filterKeys.some((key) => search[key as keyof PersonsSearch] !== undefined);
}

/** A click on a sortable column header: antd's `ascend`/`descend`/none → the URL's sort and order. */
export function sortFromTable(
  column: string | undefined,
  order: 'ascend' | 'descend' | null | undefined,
): Pick<PersonsSearch, 'sort' | 'order'> {
  const sort = personSorts.find((value) => value === column);
  if (!sort || !order) return { sort: undefined, order: undefined };
  return { sort: sort === 'name' ? undefined : sort, order: order === 'descend' ? 'desc' : undefined };
}

/** The antd sort state of a column, from the URL. */
export function tableSortOrder(search: PersonsSearch, column: PersonSort): 'ascend' | 'descend' | null {
  const current = search.sort ?? 'name';
  if (current !== column) return null;
  return search.order === 'desc' ? 'descend' : 'ascend';
}

export const profileTabs = [
  'identity',
  'family',
  'circumstances',
  'growth',
  'immunization',
  'development',
  'services',
  'enrolment',
  'history',
  'protection',
] as const;
export type ProfileTab = (typeof profileTabs)[number];

/** The early-childhood tabs: shown for children, to roles that may read early-childhood records. */
export const ecdProfileTabs: readonly ProfileTab[] = [
  'growth',
  'immunization',
  'development',
  'services',
  'enrolment',
];

export interface PersonProfileSearch {
  /** identity is the default and is left out of the URL. */
  tab?: Exclude<ProfileTab, 'identity'> | undefined;
}

export function parsePersonProfileSearch(search: Record<string, unknown>): PersonProfileSearch {
  const tab = profileTabs.find((value) => value === search.tab && value !== 'identity');
  return { tab: tab as PersonProfileSearch['tab'] };
}

export interface NewHouseholdSearch {
  /** Set once the household is saved: the page then adds its children, and survives a reload. */
  household?: string | undefined;
}

export function parseNewHouseholdSearch(search: Record<string, unknown>): NewHouseholdSearch {
  return { household: uuid(search.household) };
}

export interface DuplicatesSearch {
  unit?: string | undefined;
  page?: number | undefined;
}

export function parseDuplicatesSearch(search: Record<string, unknown>): DuplicatesSearch {
  return { unit: uuid(search.unit), page: pageNumber(search.page) };
}

export interface ImportSearch {
  /** The import being worked on; absent = the upload step. */
  job?: string | undefined;
}

export function parseImportSearch(search: Record<string, unknown>): ImportSearch {
  return { job: uuid(search.job) };
}
