import { api } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import { route, type RouteDeps } from '../../http/route.ts';
import * as cases from './case.service.ts';
import { caseForm } from './caseDocuments.ts';
import { getCaseSettings, saveCaseSettings } from './caseSettings.ts';
import { caseApprovals, caseInbox, casesForPerson, casesTransferredIn, listMyCases } from './caseLists.ts';
import { reportCase } from './intake.service.ts';

const ok = { ok: true as const };

export function registerCaseRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const c = api.cases;
  route(app, deps, c.report, async ({ body }, ctx) => reportCase(ctx, body));
  route(app, deps, api.caseSettings.get, async ({ params }, ctx) =>
    getCaseSettings(ctx, params.provinceCode),
  );
  route(app, deps, api.caseSettings.save, async ({ params, body }, ctx) =>
    saveCaseSettings(ctx, params.provinceCode, body),
  );
  route(app, deps, c.list, async ({ query }, ctx) => listMyCases(ctx, query));
  route(app, deps, c.inbox, async ({ query }, ctx) => caseInbox(ctx, query));
  route(app, deps, c.approvals, async ({ query }, ctx) => caseApprovals(ctx, query));
  route(app, deps, c.transfersIn, async ({ query }, ctx) => casesTransferredIn(ctx, query));
  route(app, deps, c.transferTargets, async ({ params, query }, ctx) =>
    cases.transferTargets(ctx, params.id, query.search),
  );
  route(app, deps, c.shareCandidates, async ({ params, query }, ctx) =>
    cases.shareCandidates(ctx, params.id, query.search),
  );
  route(app, deps, c.forPerson, async ({ params }, ctx) => casesForPerson(ctx, params.id));
  route(app, deps, c.get, async ({ params }, ctx) => cases.getCaseDetail(ctx, params.id));
  route(app, deps, c.form, async ({ params, query }, ctx) =>
    caseForm(ctx, params.id, params.form, query.format),
  );
  route(app, deps, c.take, async ({ params }, ctx) => {
    await cases.takeCase(ctx, params.id);
    return ok;
  });
  route(app, deps, c.act, async ({ params, body }, ctx) => cases.actOnCase(ctx, params.id, body, 'worker'));
  route(app, deps, c.decide, async ({ params, body }, ctx) =>
    cases.actOnCase(ctx, params.id, body, 'approver'),
  );
  route(app, deps, c.addNote, async ({ params, body }, ctx) => {
    await cases.addCaseNote(ctx, params.id, body);
    return ok;
  });
  route(app, deps, c.share, async ({ params, body }, ctx) => {
    await cases.shareCase(ctx, params.id, body);
    return ok;
  });
  route(app, deps, c.revokeShare, async ({ params }, ctx) => {
    await cases.revokeCaseShare(ctx, params.id, params.shareId);
    return ok;
  });
  route(app, deps, c.updatePlanAction, async ({ params, body }, ctx) => {
    await cases.updatePlanAction(ctx, params.id, params.actionId, body);
    return ok;
  });
  route(app, deps, c.linkChild, async ({ params, body }, ctx) => {
    await cases.linkCaseChild(ctx, params.id, body.personId);
    return ok;
  });
  route(app, deps, c.requestTransfer, async ({ params, body }, ctx) => {
    await cases.requestCaseTransfer(ctx, params.id, body);
    return ok;
  });
  route(app, deps, c.acceptTransfer, async ({ params, body }, ctx) => {
    await cases.acceptCaseTransfer(ctx, params.id, body.reason ?? null);
    return ok;
  });
  route(app, deps, c.declineTransfer, async ({ params, body }, ctx) => {
    await cases.declineCaseTransfer(ctx, params.id, body.reason);
    return ok;
  });
}
