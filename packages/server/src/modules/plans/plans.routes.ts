import { api, AppError } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import { route, type RouteDeps } from '../../http/route.ts';
import * as activities from './activities.service.ts';
import * as budget from './budget.service.ts';
import { getActivityDetail, getPlanDetail, getTrainingDetail, listPlans, planBudget } from './plan.repo.ts';
import * as plans from './plan.service.ts';
import * as targets from './targets.service.ts';
import { findPlanTemplate, planTemplateSummaries } from './templates.ts';
import * as trainings from './trainings.service.ts';

/** Plans, targets, activities, trainings and budget (docs/plans.md). */
export function registerPlanRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const e = api.plans;
  route(app, deps, e.templates, async () => ({ items: planTemplateSummaries() }));
  route(app, deps, e.template, async ({ params }) => {
    const template = findPlanTemplate(params.code);
    if (!template) throw new AppError('NOT_FOUND', { entity: 'planTemplate' });
    return template;
  });

  route(app, deps, e.list, async ({ query }, ctx) => listPlans(ctx.db, ctx.scope, query));
  route(app, deps, e.create, async ({ body }, ctx) => plans.createPlan(ctx, body));
  route(app, deps, e.createFromTemplate, async ({ body }, ctx) => plans.createPlanFromTemplate(ctx, body));
  route(app, deps, e.get, async ({ params }, ctx) => getPlanDetail(ctx.db, ctx.scope, params.id));
  route(app, deps, e.update, async ({ params, body }, ctx) => plans.updatePlan(ctx, params.id, body));
  route(app, deps, e.setStatus, async ({ params, body }, ctx) => plans.setPlanStatus(ctx, params.id, body));
  route(app, deps, e.derive, async ({ params, body }, ctx) => plans.derivePlan(ctx, params.id, body));
  route(app, deps, e.budget, async ({ params }, ctx) => planBudget(ctx.db, ctx.scope, params.id));

  route(app, deps, e.addTarget, async ({ params, body }, ctx) => targets.addTarget(ctx, params.id, body));
  route(app, deps, e.updateTarget, async ({ params, body }, ctx) =>
    targets.updateTarget(ctx, params.id, body),
  );
  route(app, deps, e.linkTargetIndicator, async ({ params, body }, ctx) =>
    targets.linkTargetIndicator(ctx, params.id, body),
  );
  route(app, deps, e.removeTarget, async ({ params }, ctx) => targets.removeTarget(ctx, params.id));

  route(app, deps, e.addActivity, async ({ params, body }, ctx) =>
    activities.addActivity(ctx, params.id, body),
  );
  route(app, deps, e.activity, async ({ params }, ctx) => getActivityDetail(ctx.db, ctx.scope, params.id));
  route(app, deps, e.updateActivity, async ({ params, body }, ctx) =>
    activities.updateActivity(ctx, params.id, body),
  );
  route(app, deps, e.setActivityStatus, async ({ params, body }, ctx) =>
    activities.setActivityStatus(ctx, params.id, body),
  );
  route(app, deps, e.addNote, async ({ params, body }, ctx) =>
    activities.addActivityNote(ctx, params.id, body),
  );
  route(app, deps, e.addDocument, async ({ params, body }, ctx) =>
    activities.addActivityDocument(ctx, params.id, body),
  );
  route(app, deps, e.removeDocument, async ({ params }, ctx) =>
    activities.removeActivityDocument(ctx, params.id, params.documentId),
  );
  route(app, deps, e.addEvent, async ({ params, body }, ctx) =>
    activities.addCampaignEvent(ctx, params.id, body),
  );
  route(app, deps, e.removeEvent, async ({ params }, ctx) =>
    activities.removeCampaignEvent(ctx, params.id, params.eventId),
  );

  route(app, deps, e.addTraining, async ({ params, body }, ctx) =>
    trainings.addTraining(ctx, params.id, body),
  );
  route(app, deps, e.training, async ({ params }, ctx) => getTrainingDetail(ctx.db, ctx.scope, params.id));
  route(app, deps, e.updateTraining, async ({ params, body }, ctx) =>
    trainings.updateTraining(ctx, params.id, body),
  );
  route(app, deps, e.setParticipants, async ({ params, body }, ctx) =>
    trainings.setTrainingParticipants(ctx, params.id, body),
  );
  route(app, deps, e.removeTraining, async ({ params }, ctx) => trainings.removeTraining(ctx, params.id));

  route(app, deps, e.addBudgetLine, async ({ params, body }, ctx) =>
    budget.addBudgetLine(ctx, params.id, body),
  );
  route(app, deps, e.updateBudgetLine, async ({ params, body }, ctx) =>
    budget.updateBudgetLine(ctx, params.id, body),
  );
  route(app, deps, e.removeBudgetLine, async ({ params }, ctx) => budget.removeBudgetLine(ctx, params.id));
}
