import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../http/route.ts';

/** Plans, targets, activities, trainings and budget (docs/plans.md). */
export function registerPlanRoutes(_app: FastifyInstance, _deps: RouteDeps): void {}
