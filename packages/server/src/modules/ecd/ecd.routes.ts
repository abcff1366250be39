import { api } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import { route, type RouteDeps } from '../../http/route.ts';
import { exportActionList } from './actionListExport.ts';
import { actionList } from './actionLists.ts';
import { importDoses } from './doseImport.ts';
import * as growth from './growth.service.ts';
import * as immunization from './immunization.service.ts';
import * as records from './records.service.ts';

export function registerEcdRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const e = api.ecd;
  route(app, deps, e.listMeasurements, async ({ params }, ctx) =>
    growth.listMeasurements(ctx.db, ctx.scope, params.id),
  );
  route(app, deps, e.createMeasurement, async ({ params, body }, ctx) =>
    growth.createMeasurement(ctx, params.id, body),
  );
  route(app, deps, e.updateMeasurement, async ({ params, body }, ctx) =>
    growth.updateMeasurement(ctx, params.id, body),
  );
  route(app, deps, e.deleteMeasurement, async ({ params, body }, ctx) => {
    await growth.deleteMeasurement(ctx, params.id, body.reason);
    return { ok: true as const };
  });
  route(app, deps, e.weighingDayChildren, async ({ query }, ctx) =>
    growth.weighingDayChildren(ctx.db, ctx.scope, query.villageId, query.on),
  );
  route(app, deps, e.saveWeighingDay, async ({ body }, ctx) => growth.saveWeighingDay(ctx, body));

  route(app, deps, e.immunizationCard, async ({ params }, ctx) =>
    immunization.immunizationCard(ctx.db, ctx.scope, params.id),
  );
  route(app, deps, e.recordDose, async ({ params, body }, ctx) =>
    immunization.recordDose(ctx, params.id, body),
  );
  route(app, deps, e.deleteDose, async ({ params, body }, ctx) =>
    immunization.deleteDose(ctx, params.id, body.reason),
  );
  route(app, deps, e.importDoses, async ({ query, body }, ctx) => importDoses(ctx, query.unitId, body));

  route(app, deps, e.listScreenings, async ({ params }, ctx) =>
    records.listScreenings(ctx.db, ctx.scope, params.id),
  );
  route(app, deps, e.createScreening, async ({ params, body }, ctx) =>
    records.createScreening(ctx, params.id, body),
  );
  route(app, deps, e.completeFollowUp, async ({ params, body }, ctx) =>
    records.completeFollowUp(ctx, params.id, body),
  );
  route(app, deps, e.deleteScreening, async ({ params, body }, ctx) => {
    await records.deleteScreening(ctx, params.id, body.reason);
    return { ok: true as const };
  });
  route(app, deps, e.listServices, async ({ params }, ctx) =>
    records.listServices(ctx.db, ctx.scope, params.id),
  );
  route(app, deps, e.createService, async ({ params, body }, ctx) =>
    records.createService(ctx, params.id, body),
  );
  route(app, deps, e.deleteService, async ({ params, body }, ctx) => {
    await records.deleteService(ctx, params.id, body.reason);
    return { ok: true as const };
  });
  route(app, deps, e.listEnrolments, async ({ params }, ctx) =>
    records.listEnrolments(ctx.db, ctx.scope, params.id),
  );
  route(app, deps, e.saveEnrolment, async ({ params, body }, ctx) =>
    records.saveEnrolment(ctx, params.id, body),
  );

  route(app, deps, e.deleteEnrolment, async ({ params, body }, ctx) => {
    await records.deleteEnrolment(ctx, params.id, body.reason);
    return { ok: true as const };
  });
  route(app, deps, e.actionList, async ({ params, query }, ctx) =>
    actionList(ctx.db, ctx.scope, params.kind, query),
  );
  route(app, deps, e.exportActionList, async ({ params, query }, ctx) =>
    exportActionList(ctx, params.kind, query),
  );
}
