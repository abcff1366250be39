import { CaseStep, RiskLevel, type CaseListQuery } from '@treem/shared';

/*
 * The case lists keep their filters and page in the URL, like the register's lists: a list can be bookmarked and
 * is restored by the back button. Anything the server would refuse is dropped here.
 */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const casePageSizes = [10, 20, 50, 100] as const;
export const defaultCasePageSize = 20;

function uuid(value: unknown): string | undefined {
  return typeof value === 'string' && uuidPattern.test(value) ? value.toLowerCase() : undefined;
}

function integer(value: unknown, min: number, max: number): number | undefined {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

function pageSize(value: unknown): number | undefined {
  const size = integer(value, 1, 200);
  return size !== undefined &&
    (casePageSizes as readonly number[]).includes(size) &&
    size !== defaultCasePageSize
    ? size
    : undefined;
}

export interface PagingSearch {
  /** 1 is the default and is left out of the URL, as is the default page size. */
  page?: number | undefined;
  size?: number | undefined;
}

export function parsePagingSearch(search: Record<string, unknown>): PagingSearch {
  return { page: integer(search.page, 2, 100_000), size: pageSize(search.size) };
}

export function toPagingQuery(search: PagingSearch): { page: number; pageSize: number } {
  return { page: search.page ?? 1, pageSize: search.size ?? defaultCasePageSize };
}

/** The URL form of a page change: defaults left out. */
export function pagingSearch(page: number, size: number): PagingSearch {
  return { page: page > 1 ? page : undefined, size: size !== defaultCasePageSize ? size : undefined };
}

export interface CasesSearch extends PagingSearch {
  step?: CaseStep | undefined;
  risk?: RiskLevel | undefined;
  due?: 'overdue' | 'due_soon' | undefined;
  /** Open cases are the default and are left out of the URL. */
  status?: 'closed' | 'all' | undefined;
  q?: string | undefined;
}

export function parseCasesSearch(search: Record<string, unknown>): CasesSearch {
  const step = CaseStep.safeParse(search.step);
  const risk = RiskLevel.safeParse(search.risk);
  const q = typeof search.q === 'string' ? search.q.trim().slice(0, 100) : '';
  return {
    ...parsePagingSearch(search),
    step: step.success ? step.data : undefined,
    risk: risk.success ? risk.data : undefined,
    due: search.due === 'overdue' || search.due === 'due_soon' ? search.due : undefined,
    status: search.status === 'closed' || search.status === 'all' ? search.status : undefined,
    q: q || undefined,
  };
}

export function hasCaseFilters(search: CasesSearch): boolean {
  return Boolean(search.step ?? search.risk ?? search.due ?? search.status ?? search.q);
}

export function toCaseListQuery(search: CasesSearch): CaseListQuery {
  return {
    step: search.step,
    riskLevel: search.risk,
    due: search.due,
    status: search.status ?? 'open',
    q: search.q,
    ...toPagingQuery(search),
  };
}

export interface ReportSearch {
  /** The child the report is about, when it was opened from the child's profile. */
  person?: string | undefined;
}

export function parseReportSearch(search: Record<string, unknown>): ReportSearch {
  return { person: uuid(search.person) };
}
