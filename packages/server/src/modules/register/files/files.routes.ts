import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../../http/route.ts';

/** Import, export and print of the register (api.registerFiles). */
export function registerRegisterFileRoutes(_app: FastifyInstance, _deps: RouteDeps): void {}
