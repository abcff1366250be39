import { AppError, api } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import { route, type RouteDeps } from '../../http/route.ts';
import {
  dismissDuplicate,
  findDuplicateCandidates,
  communeOfPath,
  listDuplicatePairs,
} from './duplicates.ts';
import { listFlagTypes, saveFlagType } from './flagCatalogue.ts';
import * as households from './household.service.ts';
import { mergePersons, personHistory } from './merge.service.ts';
import { getPersonDetail, listPersons } from './person.repo.ts';
import * as persons from './person.service.ts';
import { resolveVillage } from './registerScope.ts';

export function registerRegisterRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = api.register;
  route(app, deps, r.listHouseholds, async ({ query }, ctx) =>
    households.listHouseholds(ctx.db, ctx.scope, query),
  );
  route(app, deps, r.getHousehold, async ({ params }, ctx) =>
    households.getHouseholdDetail(ctx.db, ctx.scope, params.id),
  );
  route(app, deps, r.createHousehold, async ({ body }, ctx) => households.createHousehold(ctx, body));
  route(app, deps, r.updateHousehold, async ({ params, body }, ctx) =>
    households.updateHousehold(ctx, params.id, body),
  );
  route(app, deps, r.moveHousehold, async ({ params, body }, ctx) =>
    households.moveHousehold(ctx, params.id, body),
  );

  route(app, deps, r.listPersons, async ({ query }, ctx) => listPersons(ctx.db, ctx.scope, query));
  route(app, deps, r.getPerson, async ({ params }, ctx) => getPersonDetail(ctx.db, ctx.scope, params.id));
  route(app, deps, r.personHistory, async ({ params }, ctx) => ({
    items: await personHistory(ctx.db, ctx.scope, params.id),
  }));
  route(app, deps, r.createPerson, async ({ body }, ctx) => persons.createPerson(ctx, body));
  route(app, deps, r.updatePerson, async ({ params, body }, ctx) =>
    persons.updatePerson(ctx, params.id, body),
  );
  route(app, deps, r.movePerson, async ({ params, body }, ctx) => persons.movePerson(ctx, params.id, body));
  route(app, deps, r.moveOutPerson, async ({ params, body }, ctx) =>
    persons.moveOutPerson(ctx, params.id, body),
  );
  route(app, deps, r.recordDeath, async ({ params, body }, ctx) => persons.recordDeath(ctx, params.id, body));
  route(app, deps, r.assignCircumstance, async ({ params, body }, ctx) =>
    persons.assignCircumstance(ctx, params.id, body),
  );
  route(app, deps, r.endCircumstance, async ({ params, body }, ctx) =>
    persons.endCircumstance(ctx, params.id, body),
  );
  route(app, deps, r.assignFlag, async ({ params, body }, ctx) => persons.assignFlag(ctx, params.id, body));
  route(app, deps, r.endFlag, async ({ params, body }, ctx) => persons.endFlag(ctx, params.id, body));
  route(app, deps, r.listFlagTypes, async ({ query }, ctx) => ({
    items: await listFlagTypes(ctx.db, ctx.scope, query.provinceCode),
  }));
  route(app, deps, r.saveFlagType, async ({ params, body }, ctx) => saveFlagType(ctx, params, body));

  route(app, deps, r.checkDuplicates, async ({ body }, ctx) => {
    let communePath: string;
    let provinceCode: string;
    if (body.householdId) {
      const household = await households.getHouseholdRow(ctx.db, ctx.scope, body.householdId);
      communePath = communeOfPath(household.org_path);
      provinceCode = household.province_code;
    } else if (body.villageId) {
      const village = await resolveVillage(ctx.db, ctx.scope, body.villageId);
      communePath = communeOfPath(village.path);
      provinceCode = village.provinceCode;
    } else {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'body.householdId', code: 'required', message: 'a household or a village is required' },
      ]);
    }
    return {
      items: await findDuplicateCandidates(ctx.db, ctx.scope, {
        provinceCode,
        communePath,
        fullName: body.fullName,
        birthDate: body.birthDate,
        personalId: body.personalId ?? null,
        motherId: body.motherId ?? null,
        householdId: body.householdId ?? null,
        excludeId: body.excludeId ?? null,
      }),
    };
  });
  route(app, deps, r.listDuplicates, async ({ query }, ctx) => listDuplicatePairs(ctx.db, ctx.scope, query));
  route(app, deps, r.dismissDuplicate, async ({ body }, ctx) => {
    await dismissDuplicate(ctx, body);
    return { ok: true as const };
  });
  route(app, deps, r.mergePersons, async ({ body }, ctx) => mergePersons(ctx, body));
}
