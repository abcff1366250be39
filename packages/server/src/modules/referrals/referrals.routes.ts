import { api } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import { route, type RouteDeps } from '../../http/route.ts';
import * as care from './care.service.ts';
import { referralLetter } from './referralLetter.ts';
import * as referrals from './referral.service.ts';

export function registerReferralRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = api.referrals;
  route(app, deps, r.createForCase, async ({ params, body }, ctx) =>
    referrals.referFromCase(ctx, params.id, body),
  );
  route(app, deps, r.createForPerson, async ({ params, body }, ctx) =>
    referrals.referForChild(ctx, params.id, body),
  );
  route(app, deps, r.listForPerson, async ({ params }, ctx) => referrals.referralsOfChild(ctx, params.id));
  route(app, deps, r.listForCase, async ({ params }, ctx) => referrals.referralsOfCase(ctx, params.id));
  route(app, deps, r.outgoing, async ({ query }, ctx) => referrals.outgoingReferrals(ctx, query));
  route(app, deps, r.incoming, async ({ query }, ctx) => referrals.incomingReferrals(ctx, query));
  route(app, deps, r.accept, async ({ params, body }, ctx) =>
    referrals.acceptReferral(ctx, params.id, body.note ?? null),
  );
  route(app, deps, r.decline, async ({ params, body }, ctx) =>
    referrals.declineReferral(ctx, params.id, body.note),
  );
  route(app, deps, r.complete, async ({ params, body }, ctx) =>
    referrals.completeReferral(ctx, params.id, body.outcome),
  );
  route(app, deps, r.recordAnswer, async ({ params, body }, ctx) =>
    referrals.recordReferralAnswer(ctx, params.id, body),
  );
  route(app, deps, r.cancel, async ({ params, body }, ctx) =>
    referrals.cancelReferral(ctx, params.id, body.reason),
  );
  route(app, deps, r.letter, async ({ params, query }, ctx) => referralLetter(ctx, params.id, query.format));

  route(app, deps, r.proposeCare, async ({ body }, ctx) => care.proposeCare(ctx, body));
  route(app, deps, r.careForPerson, async ({ params }, ctx) => care.careForPerson(ctx, params.id));
  route(app, deps, r.decideCare, async ({ params, body }, ctx) => care.decideCare(ctx, params.id, body));
  route(app, deps, r.handOver, async ({ params, body }, ctx) =>
    care.handOverCare(ctx, params.id, body.handedOverOn),
  );
  route(app, deps, r.recordVisit, async ({ params, body }, ctx) =>
    care.recordCareVisit(ctx, params.id, body),
  );
  route(app, deps, r.terminateCare, async ({ params, body }, ctx) =>
    care.terminateCare(ctx, params.id, body),
  );
}
