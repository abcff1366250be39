import {
  EcdDomainCode,
  ProviderLevel,
  ProviderSector,
  ReferralServiceCode,
  type api,
  type EndpointQuery,
} from '@treem/shared';

type ProviderListQuery = EndpointQuery<typeof api.providers.list>;

/*
 * The directory keeps its filters and the open provider in the URL, like the register's lists, so a search can be
 * bookmarked, shared with a colleague and restored by the back button. Anything the server would refuse is dropped.
 */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const providerPageSizes = [10, 20, 50, 100] as const;
export const defaultProviderPageSize = 20;

function uuid(value: unknown): string | undefined {
  return typeof value === 'string' && uuidPattern.test(value) ? value.toLowerCase() : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().slice(0, 100);
  return trimmed === '' ? undefined : trimmed;
}

function integer(value: unknown, min: number, max: number): number | undefined {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** The value when it is one of the enum's codes. */
function code<T extends string>(options: readonly T[], value: unknown): T | undefined {
  return options.find((option) => option === value);
}

export interface ProvidersSearch {
  /** Part of the name, any spelling. */
  q?: string | undefined;
  sector?: ProviderSector | undefined;
  level?: ProviderLevel | undefined;
  service?: ReferralServiceCode | undefined;
  domain?: EcdDomainCode | undefined;
  /** Providers that reach this unit (province, commune or village). */
  area?: string | undefined;
  /** Active providers are the default and are left out of the URL. */
  status?: 'inactive' | 'all' | undefined;
  page?: number | undefined;
  size?: number | undefined;
  /** The provider open in the side panel. */
  provider?: string | undefined;
}

export function parseProvidersSearch(search: Record<string, unknown>): ProvidersSearch {
  const size = integer(search.size, 1, 200);
  return {
    q: text(search.q),
    sector: code(ProviderSector.options, search.sector),
    level: code(ProviderLevel.options, search.level),
    service: code(ReferralServiceCode.options, search.service),
    domain: code(EcdDomainCode.options, search.domain),
    area: uuid(search.area),
    status: search.status === 'inactive' || search.status === 'all' ? search.status : undefined,
    page: integer(search.page, 2, 100_000),
    size:
      size !== undefined &&
      (providerPageSizes as readonly number[]).includes(size) &&
      size !== defaultProviderPageSize
        ? size
        : undefined,
    provider: uuid(search.provider),
  };
}

/** The server query of the list on screen. */
export function toProviderListQuery(search: ProvidersSearch): ProviderListQuery {
  return {
    ...(search.q ? { search: search.q } : {}),
    ...(search.sector ? { sector: search.sector } : {}),
    ...(search.level ? { level: search.level } : {}),
    ...(search.service ? { service: search.service } : {}),
    ...(search.domain ? { domain: search.domain } : {}),
    ...(search.area ? { coversUnitId: search.area } : {}),
    status: search.status ?? 'active',
    page: search.page ?? 1,
    pageSize: search.size ?? defaultProviderPageSize,
  };
}

/** Whether any filter narrows the list (the empty state then says "nothing matches", not "nothing yet"). */
export function isFiltered(search: ProvidersSearch): boolean {
  return Boolean(
    search.q ||
    search.sector ||
    search.level ||
    search.service ||
    search.domain ||
    search.area ||
    search.status,
  );
}

export interface ProviderCoverageSearch {
  /** A province, commune or village; absent = the working unit. */
  unit?: string | undefined;
}

export function parseProviderCoverageSearch(search: Record<string, unknown>): ProviderCoverageSearch {
  return { unit: uuid(search.unit) };
}
