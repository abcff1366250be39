import type { Role } from '@treem/shared';
import {
  seedActivity,
  seedBudgetLine,
  seedCampaignEvent,
  seedDocument,
  seedPlan,
  seedTarget,
  seedTraining,
  type SeedRecord,
} from '../modules/plans/testing/planFactories.ts';
import type { MatrixCase, MatrixContext } from './caseMatrix.ts';
import type { SeedUnit } from './factories.ts';

/**
 * The permissions-matrix rows of plans, targets, activities, trainings and budget (http/permissions.matrix.test.ts).
 * In scope is a draft plan of the commune (every reader sees it: it is the commune's, or above the village; every
 * manager may change it: the province's staff and the commune's). Out of scope is the same aimed at a plan of the
 * foreign province, which must answer 404.
 */

const readers: readonly Role[] = [
  'province_admin',
  'province_officer',
  'commune_worker',
  'commune_leader',
  'health_worker',
  'school_staff',
  'village_collaborator',
  'viewer',
];
const managers: readonly Role[] = ['province_admin', 'province_officer', 'commune_worker', 'commune_leader'];

type Probe = Awaited<ReturnType<MatrixCase['inScope']>>;

export function planMatrix(get: () => MatrixContext): Record<string, MatrixCase> {
  const db = () => get().t.db;
  const outside = (build: () => Promise<Probe>) => async (role: Role) =>
    role === 'system_admin' ? null : build();
  const here = () => get().commune;
  const foreign = () => get().foreignCommune;

  const plan = (where: SeedUnit) => seedPlan(db(), where);
  const target = async (where: SeedUnit) => (await seedTarget(db(), await plan(where))).id;
  const activity = async (where: SeedUnit) => seedActivity(db(), await plan(where));
  const course = async (where: SeedUnit) => (await seedTraining(db(), await activity(where))).id;
  const line = async (where: SeedUnit) => (await seedBudgetLine(db(), await activity(where))).id;

  /** A row whose in-scope probe is `build(commune)` and whose out-of-scope probe is `build(foreign commune)`. */
  const row = (allowed: readonly Role[], build: (where: SeedUnit) => Promise<Probe>): MatrixCase => ({
    allowed,
    inScope: async () => build(here()),
    outOfScope: outside(async () => build(foreign())),
  });
  const withActivity = (build: (activity: SeedRecord) => Promise<Probe>) => async (where: SeedUnit) =>
    build(await activity(where));

  const targetBody = {
    code: 'M1',
    text: 'Tỷ lệ trẻ em dưới 5 tuổi được cân, đo đạt 95% vào năm 2025',
    unit: 'percent',
    direction: 'increase',
    comparator: '>=',
    values: [{ year: 2025, value: 95 }],
  };
  const courseBody = { kind: 'training', topic: 'Tập huấn', startDate: '2025-03-10', endDate: '2025-03-11' };
  const lineBody = { source: 'state_commune', year: 2025, plannedVnd: 5_000_000, spentVnd: 0 };

  return {
    'GET /api/plan-templates': {
      allowed: readers,
      inScope: async () => ({ method: 'GET', url: '/api/plan-templates' }),
    },
    'GET /api/plan-templates/:code': {
      allowed: readers,
      inScope: async () => ({ method: 'GET', url: '/api/plan-templates/thanh-hoa-commune-ecd-2024' }),
    },
    'GET /api/plans': row(readers, async (where) => {
      await plan(where);
      return { method: 'GET', url: `/api/plans?unitId=${where.id}` };
    }),
    'POST /api/plans': row(managers, async (where) => ({
      method: 'POST',
      url: '/api/plans',
      body: { unitId: where.id, title: 'Kế hoạch năm 2025', periodStart: 2025, periodEnd: 2025 },
    })),
    'POST /api/plans/from-template': row(managers, async (where) => ({
      method: 'POST',
      url: '/api/plans/from-template',
      body: { unitId: where.id, templateCode: 'thanh-hoa-commune-ecd-2024' },
    })),
    'GET /api/plans/:id': row(readers, async (where) => ({
      method: 'GET',
      url: `/api/plans/${(await plan(where)).id}`,
    })),
    'PUT /api/plans/:id': row(managers, async (where) => ({
      method: 'PUT',
      url: `/api/plans/${(await plan(where)).id}`,
      body: { title: 'Kế hoạch sửa', periodStart: 2021, periodEnd: 2030, version: 1 },
    })),
    'POST /api/plans/:id/status': row(managers, async (where) => ({
      method: 'POST',
      url: `/api/plans/${(await plan(where)).id}/status`,
      body: { status: 'in_force', version: 1 },
    })),
    'POST /api/plans/:id/derive': {
      allowed: managers,
      // The province's plan, derived for the commune.
      inScope: async () => ({
        method: 'POST',
        url: `/api/plans/${(await plan(get().province)).id}/derive`,
        body: { unitId: here().id },
      }),
      outOfScope: outside(async () => ({
        method: 'POST',
        url: `/api/plans/${(await plan(get().foreignProvince)).id}/derive`,
        body: { unitId: foreign().id },
      })),
    },
    'GET /api/plans/:id/budget': row(readers, async (where) => ({
      method: 'GET',
      url: `/api/plans/${(await plan(where)).id}/budget`,
    })),
    'POST /api/plans/:id/targets': row(managers, async (where) => ({
      method: 'POST',
      url: `/api/plans/${(await plan(where)).id}/targets`,
      body: targetBody,
    })),
    'POST /api/plans/:id/activities': row(managers, async (where) => ({
      method: 'POST',
      url: `/api/plans/${(await plan(where)).id}/activities`,
      body: { kind: 'communication', title: 'Truyền thông' },
    })),
    'PUT /api/plan-targets/:id': row(managers, async (where) => ({
      method: 'PUT',
      url: `/api/plan-targets/${await target(where)}`,
      body: targetBody,
    })),
    'PUT /api/plan-targets/:id/indicator': row(managers, async (where) => ({
      method: 'PUT',
      url: `/api/plan-targets/${await target(where)}/indicator`,
      body: { indicatorCode: 'NPA-02' },
    })),
    'POST /api/plan-targets/:id/delete': row(managers, async (where) => ({
      method: 'POST',
      url: `/api/plan-targets/${await target(where)}/delete`,
    })),
    'GET /api/plan-activities/:id': row(
      readers,
      withActivity(async (a) => ({ method: 'GET', url: `/api/plan-activities/${a.id}` })),
    ),
    'PUT /api/plan-activities/:id': row(
      managers,
      withActivity(async (a) => ({
        method: 'PUT',
        url: `/api/plan-activities/${a.id}`,
        body: { kind: 'pilot_model', title: 'Mô hình thí điểm', status: 'in_progress' },
      })),
    ),
    'POST /api/plan-activities/:id/status': row(
      managers,
      withActivity(async (a) => ({
        method: 'POST',
        url: `/api/plan-activities/${a.id}/status`,
        body: { status: 'done' },
      })),
    ),
    'POST /api/plan-activities/:id/notes': row(
      managers,
      withActivity(async (a) => ({
        method: 'POST',
        url: `/api/plan-activities/${a.id}/notes`,
        body: { notedOn: '2025-05-01', text: 'Đã triển khai' },
      })),
    ),
    'POST /api/plan-activities/:id/documents': row(
      managers,
      withActivity(async (a) => ({
        method: 'POST',
        url: `/api/plan-activities/${a.id}/documents`,
        body: { title: 'Công văn', number: '1/UBND' },
      })),
    ),
    'POST /api/plan-activities/:id/documents/:documentId/delete': row(
      managers,
      withActivity(async (a) => ({
        method: 'POST',
        url: `/api/plan-activities/${a.id}/documents/${await seedDocument(db(), a)}/delete`,
      })),
    ),
    'POST /api/plan-activities/:id/events': row(
      managers,
      withActivity(async (a) => ({
        method: 'POST',
        url: `/api/plan-activities/${a.id}/events`,
        body: { heldOn: '2025-06-01', place: 'Nhà văn hóa', audience: 'Cha mẹ', reach: 40 },
      })),
    ),
    'POST /api/plan-activities/:id/events/:eventId/delete': row(
      managers,
      withActivity(async (a) => ({
        method: 'POST',
        url: `/api/plan-activities/${a.id}/events/${await seedCampaignEvent(db(), a)}/delete`,
      })),
    ),
    'POST /api/plan-activities/:id/trainings': row(
      managers,
      withActivity(async (a) => ({
        method: 'POST',
        url: `/api/plan-activities/${a.id}/trainings`,
        body: courseBody,
      })),
    ),
    'POST /api/plan-activities/:id/budget-lines': row(
      managers,
      withActivity(async (a) => ({
        method: 'POST',
        url: `/api/plan-activities/${a.id}/budget-lines`,
        body: lineBody,
      })),
    ),
    'GET /api/trainings/:id': row(readers, async (where) => ({
      method: 'GET',
      url: `/api/trainings/${await course(where)}`,
    })),
    'PUT /api/trainings/:id': row(managers, async (where) => ({
      method: 'PUT',
      url: `/api/trainings/${await course(where)}`,
      body: courseBody,
    })),
    'PUT /api/trainings/:id/participants': row(managers, async (where) => ({
      method: 'PUT',
      url: `/api/trainings/${await course(where)}/participants`,
      body: { participants: [{ fullName: 'Lò Thị Mai', role: 'parent', sex: 'female', attended: true }] },
    })),
    'POST /api/trainings/:id/delete': row(managers, async (where) => ({
      method: 'POST',
      url: `/api/trainings/${await course(where)}/delete`,
    })),
    'PUT /api/budget-lines/:id': row(managers, async (where) => ({
      method: 'PUT',
      url: `/api/budget-lines/${await line(where)}`,
      body: lineBody,
    })),
    'POST /api/budget-lines/:id/delete': row(managers, async (where) => ({
      method: 'POST',
      url: `/api/budget-lines/${await line(where)}/delete`,
    })),
  };
}
