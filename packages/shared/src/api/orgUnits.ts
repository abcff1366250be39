import { z } from 'zod';
import { OrgLevel } from '../permissions.ts';
import { endpoint, Page, PageSize, paginated, PlainDateString, QueryBoolean, Uuid } from './endpoint.ts';

/** Which list a unit comes from: the two-tier units in force, the 2008 three-tier history, or app-managed villages. */
export const OrgGeneration = z.enum(['current', 'y2008', 'village']);
export type OrgGeneration = z.infer<typeof OrgGeneration>;

export const OrgUnitStatus = z.enum(['active', 'closed', 'historical']);
export type OrgUnitStatus = z.infer<typeof OrgUnitStatus>;

export const villageTypes = [
  'thon',
  'to_dan_pho',
  'ap',
  'ban',
  'buon',
  'xom',
  'khom',
  'lang',
  'khu_pho',
] as const;
export const VillageType = z.enum(villageTypes);
export type VillageType = z.infer<typeof VillageType>;

/** The Vietnamese word that precedes a village's name ("Thôn Đông", "Tổ dân phố 5"): part of its official name. */
export const villageTypeNames = {
  thon: 'Thôn',
  to_dan_pho: 'Tổ dân phố',
  ap: 'Ấp',
  ban: 'Bản',
  buon: 'Buôn',
  xom: 'Xóm',
  khom: 'Khóm',
  lang: 'Làng',
  khu_pho: 'Khu phố',
} as const satisfies Record<VillageType, string>;

export const OrgUnit = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  /** Vietnamese unit type as published (Xã, Phường, Đặc khu, Thôn…). */
  type: z.string(),
  typeCode: z.string(),
  level: OrgLevel,
  generation: OrgGeneration,
  status: OrgUnitStatus,
  parentId: Uuid.nullable(),
  path: z.string(),
  provinceCode: z.string().nullable(),
  validFrom: PlainDateString.nullable(),
  validTo: PlainDateString.nullable(),
  childCount: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const MergeType = z.enum(['full', 'partial']);
export type MergeType = z.infer<typeof MergeType>;

export const OrgUnitLink = z.object({ unit: OrgUnit, mergeType: MergeType, effectiveDate: PlainDateString });
export type OrgUnitLink = z.infer<typeof OrgUnitLink>;

export const OrgUnitChange = z.object({
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  effectiveDate: PlainDateString,
  reason: z.string().nullable(),
});
export type OrgUnitChange = z.infer<typeof OrgUnitChange>;

export const OrgUnitCrumb = z.object({ id: Uuid, name: z.string(), fullName: z.string(), level: OrgLevel });

export const OrgUnitDetail = z.object({
  unit: OrgUnit,
  /** From the top of the user's visible tree down to the parent. */
  ancestors: z.array(OrgUnitCrumb),
  successors: z.array(OrgUnitLink),
  predecessors: z.array(OrgUnitLink),
  changes: z.array(OrgUnitChange),
});
export type OrgUnitDetail = z.infer<typeof OrgUnitDetail>;

export const OrgUnitListQuery = z.strictObject({
  parentId: Uuid.optional(),
  search: z.string().trim().min(1).max(100).optional(),
  level: OrgLevel.optional(),
  includeHistory: QueryBoolean.optional(),
  includeClosed: QueryBoolean.optional(),
  page: Page,
  pageSize: PageSize,
});
export type OrgUnitListQuery = z.infer<typeof OrgUnitListQuery>;

export const VillageCreate = z.strictObject({
  name: z.string().trim().min(1).max(100),
  type: VillageType,
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z_-]{1,20}$/)
    .optional(),
});
export type VillageCreate = z.infer<typeof VillageCreate>;

export const VillageRename = z.strictObject({
  name: z.string().trim().min(1).max(100),
  type: VillageType.optional(),
  reason: z.string().trim().min(1).max(500).optional(),
});
export type VillageRename = z.infer<typeof VillageRename>;

export const VillageClose = z.strictObject({
  closedOn: PlainDateString,
  reason: z.string().trim().min(1).max(500),
});
export type VillageClose = z.infer<typeof VillageClose>;

export const VillageMove = z.strictObject({
  communeId: Uuid,
  reason: z.string().trim().min(1).max(500),
});
export type VillageMove = z.infer<typeof VillageMove>;

const IdParams = z.strictObject({ id: Uuid });

export const orgUnitEndpoints = {
  roots: endpoint({
    method: 'GET',
    path: '/api/org-units/roots',
    permission: 'orgUnit.read',
    summary: 'The top units of the caller’s scope',
    tag: 'org-units',
    response: z.object({ items: z.array(OrgUnit) }),
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/org-units',
    permission: 'orgUnit.read',
    summary: 'Children of a unit, or a tone-insensitive name search, within the caller’s scope',
    tag: 'org-units',
    query: OrgUnitListQuery,
    response: paginated(OrgUnit),
  }),
  lookup: endpoint({
    method: 'GET',
    path: '/api/org-units/lookup',
    permission: 'orgUnit.read',
    summary: 'Find units by GSO code (2008 or 2025), with their successors',
    tag: 'org-units',
    query: z.strictObject({
      code: z
        .string()
        .trim()
        .regex(/^[0-9]{2,5}$/),
    }),
    response: z.object({ items: z.array(z.object({ unit: OrgUnit, successors: z.array(OrgUnitLink) })) }),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/org-units/:id',
    permission: 'orgUnit.read',
    summary: 'One unit with its ancestors, successors, predecessors and changes',
    tag: 'org-units',
    params: IdParams,
    response: OrgUnitDetail,
  }),
  createVillage: endpoint({
    method: 'POST',
    path: '/api/org-units/:id/villages',
    permission: 'orgUnit.manageVillages',
    summary: 'Create a village (thôn/tổ dân phố) in a commune',
    tag: 'org-units',
    params: IdParams,
    body: VillageCreate,
    response: OrgUnit,
    successStatus: 201,
  }),
  renameVillage: endpoint({
    method: 'PATCH',
    path: '/api/org-units/:id',
    permission: 'orgUnit.manageVillages',
    summary: 'Rename a village',
    tag: 'org-units',
    params: IdParams,
    body: VillageRename,
    response: OrgUnit,
  }),
  closeVillage: endpoint({
    method: 'POST',
    path: '/api/org-units/:id/close',
    permission: 'orgUnit.manageVillages',
    summary: 'Close a village from a date',
    tag: 'org-units',
    params: IdParams,
    body: VillageClose,
    response: OrgUnit,
  }),
  moveVillage: endpoint({
    method: 'POST',
    path: '/api/org-units/:id/move',
    permission: 'orgUnit.manageVillages',
    summary: 'Move a village to another commune',
    tag: 'org-units',
    params: IdParams,
    body: VillageMove,
    response: OrgUnit,
  }),
};
