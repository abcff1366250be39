import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../http/route.ts';

/** Indicators: catalogue, values, trend, lineage (docs/indicators.md). */
export function registerIndicatorRoutes(_app: FastifyInstance, _deps: RouteDeps): void {}
