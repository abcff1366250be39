import { z } from 'zod';
import { OrgLevel, Permission, Role, Sector } from '../permissions.ts';
import { endpoint, Ok, Uuid } from './endpoint.ts';

export const ScopeUnit = z.object({
  orgUnitId: Uuid,
  name: z.string(),
  fullName: z.string(),
  level: OrgLevel,
  path: z.string(),
});
export type ScopeUnit = z.infer<typeof ScopeUnit>;

export const Me = z.object({
  user: z.object({
    id: Uuid,
    username: z.string(),
    fullName: z.string(),
    role: Role,
    sector: Sector.nullable(),
    scope: z.array(ScopeUnit),
    mfaEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
  }),
  permissions: z.array(Permission),
  csrfToken: z.string(),
  sessionExpiresAt: z.string(),
  idleTimeoutSeconds: z.number().int(),
});
export type Me = z.infer<typeof Me>;

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), me: Me }),
  z.object({ status: z.literal('mfa_required') }),
]);
export type LoginResult = z.infer<typeof LoginResult>;

/** A 6-digit TOTP code, or one of the recovery codes (xxxxx-xxxxx). */
export const MfaCode = z.strictObject({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([0-9]{6}|[a-z0-9]{5}-[a-z0-9]{5})$/),
});
export type MfaCode = z.infer<typeof MfaCode>;

export const PasswordChange = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type PasswordChange = z.infer<typeof PasswordChange>;

export const MfaDisable = z.strictObject({ password: z.string().min(1).max(256) });
export type MfaDisable = z.infer<typeof MfaDisable>;

export const MfaEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const authEndpoints = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    permission: 'public',
    summary: 'Sign in with username and password; may ask for a second factor',
    tag: 'auth',
    body: LoginRequest,
    response: LoginResult,
  }),
  loginMfa: endpoint({
    method: 'POST',
    path: '/api/auth/login/mfa',
    permission: 'public',
    summary: 'Complete sign-in with a TOTP or recovery code',
    tag: 'auth',
    body: MfaCode,
    response: Me,
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/auth/logout',
    permission: 'authenticated',
    summary: 'End the current session',
    tag: 'auth',
    response: Ok,
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/auth/me',
    permission: 'authenticated',
    summary: 'The signed-in user, their permissions and scope',
    tag: 'auth',
    response: Me,
  }),
  changePassword: endpoint({
    method: 'POST',
    path: '/api/auth/password',
    permission: 'authenticated',
    summary: 'Change one’s own password (strength-checked)',
    tag: 'auth',
    body: PasswordChange,
    response: Ok,
  }),
  mfaEnrol: endpoint({
    method: 'POST',
    path: '/api/auth/mfa/enrol',
    permission: 'authenticated',
    summary: 'Start TOTP enrolment: a new secret and its QR code',
    tag: 'auth',
    response: MfaEnrolment,
  }),
  mfaConfirm: endpoint({
    method: 'POST',
    path: '/api/auth/mfa/confirm',
    permission: 'authenticated',
    summary: 'Confirm TOTP enrolment with a code; returns one-time recovery codes',
    tag: 'auth',
    body: MfaCode,
    response: RecoveryCodes,
  }),
  mfaDisable: endpoint({
    method: 'POST',
    path: '/api/auth/mfa/disable',
    permission: 'authenticated',
    summary: 'Turn off two-factor sign-in (needs the password)',
    tag: 'auth',
    body: MfaDisable,
    response: Ok,
  }),
};
