import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../http/route.ts';

/** Aggregate data entry and period locks (docs/aggregate-entry.md). */
export function registerAggregateRoutes(_app: FastifyInstance, _deps: RouteDeps): void {}
