import { z } from 'zod';

/**
 * Roles → permissions: the single source. The server's `route()` checks these; the web menu follows them; the
 * permissions matrix test holds every route to them.
 */
export const roles = [
  'system_admin',
  'province_admin',
  'province_officer',
  'commune_worker',
  'commune_leader',
  'health_worker',
  'school_staff',
  'village_collaborator',
  'viewer',
] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** Sectors (ngành) a province officer or a scoped user may belong to. */
export const sectors = [
  'health',
  'education',
  'police',
  'justice',
  'culture',
  'social_protection',
  'statistics',
  'women_union',
  'youth_union',
] as const;
export const Sector = z.enum(sectors);
export type Sector = z.infer<typeof Sector>;

export const permissions = [
  'orgUnit.read',
  'orgUnit.manageVillages',
  'user.read',
  'user.manage',
  'audit.read',
  'register.read',
  'register.write',
  'register.merge',
  'register.import',
  'register.export',
  'register.manageCatalogue',
  'ecd.read',
  'ecd.write',
  'ecd.export',
  // Child protection (Decree 56/2017). `case.read` opens the case routes; which cases a user sees is decided per
  // case (assigned workers, approvers, explicit shares), never by role alone.
  'case.intake',
  'case.read',
  'case.manage',
  'case.approve',
  /** Knowing that a child "has an open protection case", without any of its content. */
  'case.knowOpen',
  'provider.read',
  'provider.manage',
  /** Acting on referrals sent to a provider the user belongs to. */
  'referral.respond',
  /** Following up the referrals one sent: from a case (its worker), or from a young child's need. */
  'referral.send',
  /** A province's own case deadlines and days off. */
  'caseSettings.manage',
  // Indicators, targets and plans (docs/indicators.md, docs/plans.md).
  /** The catalogue, live values, breakdowns and the children behind a number (those of cases only as seen). */
  'indicator.read',
  /** Entering aggregate data for the indicators of one's own sector. */
  'aggregate.enter',
  /** Locking a unit's period once its report is approved (and unlocking it, with a reason). */
  'aggregate.lock',
  'plan.read',
  /** Plans, their targets, activities, trainings and budget. */
  'plan.manage',
] as const;
export const Permission = z.enum(permissions);
export type Permission = z.infer<typeof Permission>;

/**
 * Route access beyond the permission list: `public` needs no session (login, health checks),
 * `authenticated` needs only a signed-in user (their own profile, logout, password, 2FA).
 */
export type Access = Permission | 'public' | 'authenticated';

const everyone: readonly Permission[] = ['orgUnit.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  // The national administrator runs the system and reads no child's record.
  system_admin: [...everyone, 'orgUnit.manageVillages', 'user.read', 'user.manage', 'audit.read'],
  province_admin: [
    ...everyone,
    'orgUnit.manageVillages',
    'user.read',
    'user.manage',
    'audit.read',
    'register.read',
    'register.import',
    'register.export',
    'register.manageCatalogue',
    'ecd.read',
    'ecd.export',
    'provider.read',
    'provider.manage',
    'caseSettings.manage',
    'indicator.read',
    'aggregate.enter',
    'aggregate.lock',
    'plan.read',
    'plan.manage',
  ],
  province_officer: [
    ...everyone,
    'register.read',
    'register.export',
    'ecd.read',
    'ecd.export',
    'case.intake',
    'case.read',
    'provider.read',
    'referral.respond',
    'indicator.read',
    'aggregate.enter',
    'plan.read',
    'plan.manage',
  ],
  commune_worker: [
    ...everyone,
    'orgUnit.manageVillages',
    'user.read',
    'register.read',
    'register.write',
    'register.merge',
    'register.import',
    'register.export',
    'ecd.read',
    'ecd.write',
    'ecd.export',
    'case.intake',
    'case.read',
    'case.manage',
    'case.knowOpen',
    'provider.read',
    'provider.manage',
    'referral.send',
    'indicator.read',
    'aggregate.enter',
    'plan.read',
    'plan.manage',
  ],
  commune_leader: [
    ...everyone,
    'user.read',
    'register.read',
    'register.export',
    'ecd.read',
    'ecd.export',
    'case.intake',
    'case.read',
    'case.approve',
    'case.knowOpen',
    'provider.read',
    'indicator.read',
    'aggregate.lock',
    'plan.read',
    'plan.manage',
  ],
  // Health station staff weigh, vaccinate and screen, and print the lists of children to see.
  health_worker: [
    ...everyone,
    'register.read',
    'register.write',
    'ecd.read',
    'ecd.write',
    'ecd.export',
    'case.intake',
    'case.read',
    'case.knowOpen',
    'provider.read',
    'referral.respond',
    'referral.send',
    'indicator.read',
    'aggregate.enter',
    'plan.read',
  ],
  // Schools and preschools record enrolment, development screenings and school-based services.
  school_staff: [
    ...everyone,
    'register.read',
    'ecd.read',
    'ecd.write',
    'case.intake',
    'case.read',
    'case.knowOpen',
    'provider.read',
    'referral.respond',
    'referral.send',
    'indicator.read',
    'aggregate.enter',
    'plan.read',
  ],
  village_collaborator: [
    ...everyone,
    'register.read',
    'register.write',
    'ecd.read',
    'ecd.write',
    'ecd.export',
    'case.intake',
    'case.read',
    'case.knowOpen',
    'provider.read',
    'indicator.read',
    'plan.read',
  ],
  viewer: [...everyone, 'register.read', 'ecd.read', 'provider.read', 'indicator.read', 'plan.read'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** The org-unit level(s) at which a role's scope units may sit. */
export const roleScopeLevels: Record<Role, readonly OrgLevel[]> = {
  system_admin: ['country'],
  province_admin: ['province'],
  province_officer: ['province'],
  commune_worker: ['commune'],
  commune_leader: ['commune'],
  health_worker: ['commune'],
  school_staff: ['commune'],
  village_collaborator: ['village'],
  viewer: ['country', 'province', 'commune', 'village'],
};

/** Roles that must name a sector (a province officer works for one department). */
export const rolesNeedingSector: readonly Role[] = ['province_officer'];

export const orgLevels = ['country', 'province', 'district', 'commune', 'village'] as const;
export const OrgLevel = z.enum(orgLevels);
export type OrgLevel = z.infer<typeof OrgLevel>;

/**
 * Which roles an administrator may grant. Admins never create peers above themselves; the scope rule (only within
 * their own subtree) is enforced separately by the user service.
 */
export const grantableRoles: Record<Role, readonly Role[]> = {
  system_admin: roles,
  province_admin: roles.filter((role) => role !== 'system_admin'),
  province_officer: [],
  commune_worker: [],
  commune_leader: [],
  health_worker: [],
  school_staff: [],
  village_collaborator: [],
  viewer: [],
};
