import { Role, UserStatus } from '@treem/shared';

/*
 * Search-parameter parsers for the routes. Pure, so a hand-edited URL can never put a page in an impossible state:
 * anything unexpected is dropped.
 */

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function flag(value: unknown): true | undefined {
  return value === true || value === 'true' || value === 1 || value === '1' ? true : undefined;
}

function pageNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n > 1 ? n : undefined;
}

/** Only same-origin paths: a `redirect` pointing elsewhere would make the sign-in page an open redirect. */
export function safeRedirect(value: unknown): string | undefined {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return undefined;
  }
  return value.startsWith('/login') ? undefined : value;
}

export interface LoginSearch {
  redirect?: string | undefined;
  /** Set when the session ended under the user, so the sign-in page can say why they are there. */
  expired?: true | undefined;
}

export function parseLoginSearch(search: Record<string, unknown>): LoginSearch {
  return { redirect: safeRedirect(search.redirect), expired: flag(search.expired) };
}

export interface OrgUnitsSearch {
  /** The unit whose children are listed; `roots` lists the user's scope roots; absent = the working unit. */
  parent?: string | undefined;
  q?: string | undefined;
  history?: true | undefined;
  closed?: true | undefined;
  page?: number | undefined;
}

export function parseOrgUnitsSearch(search: Record<string, unknown>): OrgUnitsSearch {
  return {
    parent: text(search.parent),
    q: text(search.q),
    history: flag(search.history),
    closed: flag(search.closed),
    page: pageNumber(search.page),
  };
}

export interface UsersSearch {
  q?: string | undefined;
  role?: Role | undefined;
  status?: UserStatus | undefined;
  page?: number | undefined;
}

export function parseUsersSearch(search: Record<string, unknown>): UsersSearch {
  const role = Role.safeParse(search.role);
  const status = UserStatus.safeParse(search.status);
  return {
    q: text(search.q),
    role: role.success ? role.data : undefined,
    status: status.success ? status.data : undefined,
    page: pageNumber(search.page),
  };
}
