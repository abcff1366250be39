import { ActionListKind, assertNever, isPlainDate, type PlainDate } from '@treem/shared';

/*
 * The early-childhood pages keep their choices in the URL, like the register's lists, so a list can be bookmarked,
 * printed again and restored by the back button. Anything the server would refuse is dropped here.
 */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const actionListPageSizes = [10, 20, 50, 100] as const;
export const defaultActionListPageSize = 20;
export const defaultNotMeasuredMonths = 3;

function uuid(value: unknown): string | undefined {
  return typeof value === 'string' && uuidPattern.test(value) ? value.toLowerCase() : undefined;
}

function integer(value: unknown, min: number, max: number): number | undefined {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

export interface ActionListsSearch {
  /** A village or commune; absent = the working unit when it is one. */
  unit?: string | undefined;
  /** overdue_doses is the default and is left out of the URL. */
  kind?: Exclude<ActionListKind, 'overdue_doses'> | undefined;
  /** Months without a measurement for `not_measured_under2`; 3 is the default and is left out. */
  months?: number | undefined;
  page?: number | undefined;
  size?: number | undefined;
}

export function parseActionListsSearch(search: Record<string, unknown>): ActionListsSearch {
  const kind = ActionListKind.safeParse(search.kind);
  const months = integer(search.months, 1, 24);
  const size = integer(search.size, 1, 200);
  return {
    unit: uuid(search.unit),
    kind: kind.success && kind.data !== 'overdue_doses' ? kind.data : undefined,
    months: months !== undefined && months !== defaultNotMeasuredMonths ? months : undefined,
    page: integer(search.page, 2, 100_000),
    size:
      size !== undefined &&
      (actionListPageSizes as readonly number[]).includes(size) &&
      size !== defaultActionListPageSize
        ? size
        : undefined,
  };
}

export function actionListKindOf(search: ActionListsSearch): ActionListKind {
  return search.kind ?? 'overdue_doses';
}

/** The server query of the list on screen (`unitId` chosen by the page). */
export function toActionListQuery(search: ActionListsSearch, unitId: string) {
  return {
    unitId,
    months: search.months ?? defaultNotMeasuredMonths,
    page: search.page ?? 1,
    pageSize: search.size ?? defaultActionListPageSize,
  };
}

export interface WeighingDaySearch {
  village?: string | undefined;
  /** The weighing day; absent = today in Viet Nam. */
  date?: PlainDate | undefined;
}

export function parseWeighingDaySearch(search: Record<string, unknown>): WeighingDaySearch {
  const date = typeof search.date === 'string' && isPlainDate(search.date) ? search.date : undefined;
  return { village: uuid(search.village), date };
}

/** The profile tab that shows why a child is on a list, where the worker acts on it. */
export function profileTabForKind(
  kind: ActionListKind,
): 'immunization' | 'growth' | 'enrolment' | 'development' {
  switch (kind) {
    case 'overdue_doses':
    case 'due_this_month':
      return 'immunization';
    case 'malnourished_under5':
    case 'not_measured_under2':
      return 'growth';
    case 'not_in_preschool_5y':
      return 'enrolment';
    case 'screening_follow_up':
      return 'development';
    default:
      return assertNever(kind);
  }
}
