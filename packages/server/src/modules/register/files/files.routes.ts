import { api } from '@treem/shared';
import type { FastifyInstance } from 'fastify';
import { route, type RouteDeps } from '../../../http/route.ts';
import { exportPersons } from './export.service.ts';
import * as imports from './import.service.ts';
import { buildImportTemplate } from './template.ts';
import { printVillageBook } from './villageBook.ts';

/** Import, export and print of the register (api.registerFiles). */
export function registerRegisterFileRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const files = api.registerFiles;
  route(app, deps, files.importTemplate, async () => buildImportTemplate());
  route(app, deps, files.uploadImport, async ({ query, body }, ctx) =>
    imports.uploadImport(ctx, query, body),
  );
  route(app, deps, files.listImports, async ({ query }, ctx) => imports.listImports(ctx, query));
  route(app, deps, files.getImport, async ({ params }, ctx) => imports.getImport(ctx, params.id));
  route(app, deps, files.importErrors, async ({ params, query }, ctx) =>
    imports.listImportErrors(ctx, params.id, query),
  );
  route(app, deps, files.importErrorReport, async ({ params }, ctx) =>
    imports.importErrorReport(ctx, params.id),
  );
  route(app, deps, files.setImportMapping, async ({ params, body }, ctx) =>
    imports.setImportMapping(ctx, params.id, body.mapping),
  );
  route(app, deps, files.validateImport, async ({ params }, ctx) =>
    imports.startValidation(ctx, params.id, { logger: ctx.request.log }),
  );
  route(app, deps, files.runImport, async ({ params }, ctx) =>
    imports.startImport(ctx, params.id, { logger: ctx.request.log, databaseUrl: ctx.config.databaseUrl }),
  );
  route(app, deps, files.exportPersons, async ({ query }, ctx) => exportPersons(ctx, query));
  route(app, deps, files.villageBook, async ({ params }, ctx) => printVillageBook(ctx, params.id));
}
