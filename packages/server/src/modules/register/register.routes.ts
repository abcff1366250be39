import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../http/route.ts';

export function registerRegisterRoutes(_app: FastifyInstance, _deps: RouteDeps): void {}
