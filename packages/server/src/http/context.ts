import type { Permission, Role, Sector } from '@treem/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/audit.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Scope } from '../modules/access/scope.ts';

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  sector: Sector | null;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
  permissions: readonly Permission[];
}

export interface Session {
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
  scope: Scope;
}

/** What every handler receives besides its parsed input. */
export interface RequestContext {
  db: Kysely<DB>;
  config: Config;
  request: FastifyRequest;
  reply: FastifyReply;
  actor: Actor;
  session: Session | null;
}

/** Who performs a service operation: a signed-in user through the API, or the system through the CLI. */
export interface Operator {
  db: Kysely<DB>;
  scope: Scope;
  actor: Actor;
  /** The acting user's id; null for the system (CLI, seeding). */
  userId: string | null;
}

/** The context of a route that requires a signed-in user: the session is always there. */
export interface AuthedContext extends RequestContext, Operator {
  session: Session;
  userId: string;
}
