import { z } from 'zod';
import { EcdDomainCode } from '../domain/ecd/ecdDomains.ts';
import { ProviderLevel, ProviderSector } from '../domain/providers/providerSectors.ts';
import { ReferralServiceCode, referralServiceCodes } from '../domain/providers/referralServices.ts';
import { OrgLevel, Role } from '../permissions.ts';
import { endpoint, Page, PageSize, paginated, Uuid } from './endpoint.ts';
import { UserStatus } from './users.ts';

// The service provider directory and the referral network's coverage (docs/providers.md).

const optionalText = (max: number) => z.string().trim().max(max).nullish();
/** A telephone number as people write it; short numbers count too (111, 113). Empty means none. */
const PhoneNumber = z
  .string()
  .trim()
  .regex(/^(\+?[0-9][0-9 .()-]{1,19})?$/)
  .nullish();

/** Where a unit a provider is attached to sits in the tree. */
export const ProviderUnit = z.object({
  id: Uuid,
  name: z.string(),
  fullName: z.string(),
  level: OrgLevel,
  path: z.string(),
});
export type ProviderUnit = z.infer<typeof ProviderUnit>;

/** A treem user who acts for the provider (receives its referrals). */
export const ProviderMember = z.object({
  userId: Uuid,
  username: z.string(),
  fullName: z.string(),
  role: Role,
  status: UserStatus,
});
export type ProviderMember = z.infer<typeof ProviderMember>;

export const ProviderInput = z.strictObject({
  /** The province or commune that keeps the entry: its staff edit it, and its scope decides who reads it. */
  ownerUnitId: Uuid,
  name: z.string().trim().min(2).max(200),
  sector: ProviderSector,
  level: ProviderLevel,
  address: optionalText(300),
  phone: PhoneNumber,
  email: z.email().max(200).nullish(),
  contactPerson: optionalText(120),
  contactPhone: PhoneNumber,
  /** As people say it: "Thứ 2 – Thứ 6, 7:30–11:30 và 13:30–17:00". */
  openingHours: optionalText(300),
  /** Reachable day and night (the 111 hotline, the police): what an emergency referral looks for first. */
  open24Hours: z.boolean().default(false),
  services: z.array(ReferralServiceCode).min(1).max(referralServiceCodes.length),
  notes: optionalText(2000),
});
export type ProviderInput = z.input<typeof ProviderInput>;

export const ProviderCreate = ProviderInput.extend({
  /** Communes, villages or the whole province the provider serves; the owning unit when left out. */
  coverageUnitIds: z.array(Uuid).min(1).max(500).optional(),
});
export type ProviderCreate = z.input<typeof ProviderCreate>;

export const ProviderCoverageInput = z.strictObject({ unitIds: z.array(Uuid).min(1).max(500) });
export type ProviderCoverageInput = z.input<typeof ProviderCoverageInput>;

export const ProviderMembersInput = z.strictObject({ userIds: z.array(Uuid).max(100) });
export type ProviderMembersInput = z.input<typeof ProviderMembersInput>;

export const ProviderDeactivate = z.strictObject({ reason: z.string().trim().min(3).max(500) });
export type ProviderDeactivate = z.input<typeof ProviderDeactivate>;

export const Provider = z.object({
  id: Uuid,
  provinceCode: z.string(),
  name: z.string(),
  sector: ProviderSector,
  level: ProviderLevel,
  ownerUnit: ProviderUnit,
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  openingHours: z.string().nullable(),
  open24Hours: z.boolean(),
  services: z.array(ReferralServiceCode),
  /** The domains its services reach, in the order of the six domains. */
  domains: z.array(EcdDomainCode),
  notes: z.string().nullable(),
  active: z.boolean(),
  deactivatedAt: z.string().nullable(),
  coverage: z.array(ProviderUnit),
  memberCount: z.number().int(),
  /** The caller may change it: they manage providers and the owning unit is inside their scope. */
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Provider = z.infer<typeof Provider>;

export const ProviderDetail = Provider.extend({ members: z.array(ProviderMember) });
export type ProviderDetail = z.infer<typeof ProviderDetail>;

export const ProviderStatusFilter = z.enum(['active', 'inactive', 'all']);
export type ProviderStatusFilter = z.infer<typeof ProviderStatusFilter>;

export const ProviderListQuery = z.strictObject({
  /** Part of the name, with or without diacritics. */
  search: z.string().trim().min(1).max(100).optional(),
  sector: ProviderSector.optional(),
  level: ProviderLevel.optional(),
  service: ReferralServiceCode.optional(),
  domain: EcdDomainCode.optional(),
  /** Providers that reach this unit: they cover it or a unit above it. */
  coversUnitId: Uuid.optional(),
  status: ProviderStatusFilter.default('active'),
  page: Page,
  pageSize: PageSize,
});
export type ProviderListQuery = z.input<typeof ProviderListQuery>;

export const ProviderCoverageQuery = z.strictObject({
  /** A province (each of its communes), a commune, or a village (its commune). */
  unitId: Uuid,
});
export type ProviderCoverageQuery = z.input<typeof ProviderCoverageQuery>;

export const DomainCoverage = z.object({
  domain: EcdDomainCode,
  /** Active providers that cover the commune or a unit above it and offer a service of the domain. */
  providers: z.number().int(),
  covered: z.boolean(),
});
export type DomainCoverage = z.infer<typeof DomainCoverage>;

export const CommuneCoverage = z.object({
  commune: ProviderUnit,
  /** The six domains, in their order. */
  domains: z.array(DomainCoverage),
  fullyCovered: z.boolean(),
});
export type CommuneCoverage = z.infer<typeof CommuneCoverage>;

export const ProviderCoverage = z.object({
  unit: ProviderUnit,
  communes: z.array(CommuneCoverage),
  communeCount: z.number().int(),
  fullyCoveredCount: z.number().int(),
  /** Communes with all six domains covered ÷ communes; null when the unit has no commune. */
  fullyCoveredShare: z.number().nullable(),
});
export type ProviderCoverage = z.infer<typeof ProviderCoverage>;

const IdParams = z.strictObject({ id: Uuid });
const tag = 'providers';

export const providerEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/providers',
    permission: 'provider.read',
    summary:
      'Service providers the caller can refer to: by sector, level, service, domain, area, or part of the name',
    tag,
    query: ProviderListQuery,
    response: paginated(Provider),
  }),
  coverage: endpoint({
    method: 'GET',
    path: '/api/providers/coverage',
    permission: 'provider.read',
    summary:
      'Referral network coverage: per commune, the active providers reachable for each of the six ECD domains',
    tag,
    query: ProviderCoverageQuery,
    response: ProviderCoverage,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/providers/:id',
    permission: 'provider.read',
    summary: 'One provider with its coverage area and members',
    tag,
    params: IdParams,
    response: ProviderDetail,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/providers',
    permission: 'provider.manage',
    summary: 'Add a provider to the directory of a province or commune',
    tag,
    body: ProviderCreate,
    response: ProviderDetail,
    successStatus: 201,
  }),
  update: endpoint({
    method: 'PUT',
    path: '/api/providers/:id',
    permission: 'provider.manage',
    summary: "Replace a provider's details (every field is sent)",
    tag,
    params: IdParams,
    body: ProviderInput,
    response: ProviderDetail,
  }),
  deactivate: endpoint({
    method: 'POST',
    path: '/api/providers/:id/deactivate',
    permission: 'provider.manage',
    summary: 'Take a provider out of the network (kept for the referrals that name it), with a reason',
    tag,
    params: IdParams,
    body: ProviderDeactivate,
    response: ProviderDetail,
  }),
  reactivate: endpoint({
    method: 'POST',
    path: '/api/providers/:id/reactivate',
    permission: 'provider.manage',
    summary: 'Put a deactivated provider back into the network',
    tag,
    params: IdParams,
    response: ProviderDetail,
  }),
  setCoverage: endpoint({
    method: 'PUT',
    path: '/api/providers/:id/coverage',
    permission: 'provider.manage',
    summary: 'Set the communes, villages or province a provider serves',
    tag,
    params: IdParams,
    body: ProviderCoverageInput,
    response: ProviderDetail,
  }),
  setMembers: endpoint({
    method: 'PUT',
    path: '/api/providers/:id/members',
    permission: 'provider.manage',
    summary: 'Set the treem users who act for a provider',
    tag,
    params: IdParams,
    body: ProviderMembersInput,
    response: ProviderDetail,
  }),
};
