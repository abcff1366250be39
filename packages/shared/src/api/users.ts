import { z } from 'zod';
import { endpoint, Ok, Page, PageSize, paginated, Uuid } from './endpoint.ts';
import { Role, Sector } from '../permissions.ts';
import { ScopeUnit } from './auth.ts';

export const UserStatus = z.enum(['active', 'disabled']);
export type UserStatus = z.infer<typeof UserStatus>;

export const User = z.object({
  id: Uuid,
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: Role,
  sector: Sector.nullable(),
  scope: z.array(ScopeUnit),
  status: UserStatus,
  mfaEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/);
const FullName = z.string().trim().min(2).max(120);
const Email = z.email().max(200).nullable().optional();
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,20}$/)
  .nullable()
  .optional();

export const UserCreate = z.strictObject({
  username: Username,
  fullName: FullName,
  email: Email,
  phone: Phone,
  role: Role,
  sector: Sector.nullable().optional(),
  scopeOrgUnitIds: z.array(Uuid).min(1).max(20),
  password: z.string().min(1).max(256),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.strictObject({
  fullName: FullName.optional(),
  email: Email,
  phone: Phone,
  role: Role.optional(),
  sector: Sector.nullable().optional(),
  scopeOrgUnitIds: z.array(Uuid).min(1).max(20).optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserListQuery = z.strictObject({
  search: z.string().trim().min(1).max(100).optional(),
  role: Role.optional(),
  status: UserStatus.optional(),
  page: Page,
  pageSize: PageSize,
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserDisable = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type UserDisable = z.infer<typeof UserDisable>;

export const PasswordReset = z.strictObject({ newPassword: z.string().min(1).max(256) });
export type PasswordReset = z.infer<typeof PasswordReset>;

const IdParams = z.strictObject({ id: Uuid });

export const userEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/users',
    permission: 'user.read',
    summary: 'Users whose scope lies within the caller’s scope',
    tag: 'users',
    query: UserListQuery,
    response: paginated(User),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/users/:id',
    permission: 'user.read',
    summary: 'One user',
    tag: 'users',
    params: IdParams,
    response: User,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/users',
    permission: 'user.manage',
    summary: 'Create a user with a role and a scope inside the caller’s own',
    tag: 'users',
    body: UserCreate,
    response: User,
    successStatus: 201,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/users/:id',
    permission: 'user.manage',
    summary: 'Change a user’s details, role or scope',
    tag: 'users',
    params: IdParams,
    body: UserUpdate,
    response: User,
  }),
  disable: endpoint({
    method: 'POST',
    path: '/api/users/:id/disable',
    permission: 'user.manage',
    summary: 'Disable a user and end their sessions',
    tag: 'users',
    params: IdParams,
    body: UserDisable,
    response: User,
  }),
  enable: endpoint({
    method: 'POST',
    path: '/api/users/:id/enable',
    permission: 'user.manage',
    summary: 'Enable a disabled user',
    tag: 'users',
    params: IdParams,
    response: User,
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/users/:id/reset-password',
    permission: 'user.manage',
    summary: 'Set a temporary password (must be changed at next sign-in) and unlock',
    tag: 'users',
    params: IdParams,
    body: PasswordReset,
    response: Ok,
  }),
  resetMfa: endpoint({
    method: 'POST',
    path: '/api/users/:id/reset-mfa',
    permission: 'user.manage',
    summary: 'Remove a user’s second factor (lost phone)',
    tag: 'users',
    params: IdParams,
    response: Ok,
  }),
};
