// The referral network's coverage per commune (docs/providers.md, "Coverage"): for each of the six ECD domains, how
// many active providers reach the commune. The indicator engine is to count "communes with a referral network" with
// `referralNetworkCoverage` too, so the screen and the indicator cannot disagree.
import {
  AppError,
  ecdDomainCodes,
  referralServices,
  type CommuneCoverage,
  type EcdDomainCode,
  type ProviderCoverage,
} from '@treem/shared';
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { withinScope, type Scope } from '../access/scope.ts';
import { provinceCodeOfPath } from '../register/registerScope.ts';
import { toProviderUnit } from './provider.repo.ts';

interface CoverageRow {
  id: string;
  name: string;
  full_name: string;
  path: string;
  domain: EcdDomainCode;
  providers: number | string;
}

/**
 * Coverage of the communes under `rootPath` (a province, or one commune's path), read without scope: the caller
 * has checked that the unit is theirs. One set-based statement: the communes × the six domains, each with the
 * number of distinct active providers that cover the commune or a unit above it and offer a service of the domain.
 */
export async function communeCoverage(db: Executor, rootPath: string): Promise<CommuneCoverage[]> {
  const provinceCode = provinceCodeOfPath(rootPath);
  const { rows } = await sql<CoverageRow>`
    with commune as (
      select id, name, full_name, path, name_search
      from org_unit
      where generation = 'current' and level = 'commune' and valid_to is null and path <@ ${rootPath}::ltree
    ),
    service_domain as (
      select * from unnest(${referralServices.map((s) => s.code)}::text[],
                           ${referralServices.map((s) => s.domain)}::text[]) as sd(code, domain)
    ),
    reach as (
      select distinct c.id as commune_id, sd.domain, p.id as provider_id
      from commune c
      join service_provider_coverage pc on pc.province_code = ${provinceCode} and pc.org_path @> c.path
      join service_provider p on p.province_code = pc.province_code and p.id = pc.provider_id and p.active
      join service_domain sd on sd.code = any (p.services)
    )
    select c.id, c.name, c.full_name, c.path::text as path, d.domain, count(r.provider_id) as providers
    from commune c
    cross join unnest(${[...ecdDomainCodes]}::text[]) with ordinality as d(domain, position)
    left join reach r on r.commune_id = c.id and r.domain = d.domain
    group by c.id, c.name, c.full_name, c.path, c.name_search, d.domain, d.position
    order by c.name_search, c.id, d.position`.execute(db);

  const communes = new Map<string, CommuneCoverage>();
  for (const row of rows) {
    let commune = communes.get(row.id);
    if (!commune) {
      commune = {
        commune: toProviderUnit({ ...row, level: 'commune' }),
        domains: [],
        fullyCovered: false,
      };
      communes.set(row.id, commune);
    }
    const providers = Number(row.providers);
    commune.domains.push({ domain: row.domain, providers, covered: providers > 0 });
  }
  for (const commune of communes.values()) commune.fullyCovered = commune.domains.every((d) => d.covered);
  return [...communes.values()];
}

/**
 * The coverage of a province (each of its communes), a commune, or a village (its commune), for a caller whose
 * scope holds the unit (NOT_FOUND otherwise). A commune is fully covered when every one of the six domains is.
 */
export async function referralNetworkCoverage(
  db: Executor,
  scope: Scope,
  unitId: string,
): Promise<ProviderCoverage> {
  const unit = await db
    .selectFrom('org_unit as o')
    .select(['o.id', 'o.name', 'o.full_name', 'o.level', 'o.path', 'o.valid_to'])
    .where('o.id', '=', unitId)
    .where('o.generation', 'in', ['current', 'village'])
    .where('o.level', 'in', ['province', 'commune', 'village'])
    .where(withinScope('o.path', scope))
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND', { entity: 'orgUnit' });
  if (unit.valid_to !== null) throw new AppError('ORG_UNIT_CLOSED');
  // A village's collaborator sees their commune's row: every provider counted for it covers the commune or the
  // province, which their own scope already shows them.
  const rootPath = unit.level === 'village' ? unit.path.split('.').slice(0, -1).join('.') : unit.path;
  const communes = await communeCoverage(db, rootPath);
  const fullyCoveredCount = communes.filter((c) => c.fullyCovered).length;
  return {
    unit: toProviderUnit(unit),
    communes,
    communeCount: communes.length,
    fullyCoveredCount,
    fullyCoveredShare: communes.length === 0 ? null : fullyCoveredCount / communes.length,
  };
}
