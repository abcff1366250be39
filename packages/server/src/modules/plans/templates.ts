// The seed plans as templates: the five JSON files of data/plans (copied from shared/data/plans, with their README
// that defines the schema), read once and checked against that schema. A file that drifts from it stops the
// server at the first use rather than loading a plan with a value missing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ActivityKind,
  IndicatorUnit,
  planTemplateIndicators,
  TargetComparator,
  TargetDirection,
  type PlanAgency,
  type PlanReporting,
  type PlanTemplate,
  type PlanTemplateSummary,
  type PlanTargetValue,
} from '@treem/shared';
import { z } from 'zod';

export const planDataDir = fileURLToPath(new URL('../../../data/plans/', import.meta.url));

const RawValue = z.strictObject({
  year: z.number().int(),
  value: z.union([z.number(), z.boolean()]),
  comparator: TargetComparator.optional(),
  group: z.string().optional(),
  implied: z.boolean().optional(),
  to_year: z.number().int().optional(),
  value_max: z.number().optional(),
});

const RawTarget = z.object({
  code: z.string(),
  text: z.string(),
  en: z.string().nullish(),
  measure: z.string().nullish(),
  unit: IndicatorUnit,
  direction: TargetDirection,
  comparator: TargetComparator.nullable(),
  values: z.array(RawValue),
  disaggregation: z.array(z.string()),
  population: z.string().nullish(),
  responsible_agency: z.string().nullish(),
  note: z.string().nullish(),
});

const RawActivity = z.object({
  code: z.string(),
  section: z.string().nullish(),
  parent_title: z.string().nullish(),
  title: z.string(),
  en: z.string().nullish(),
  kind: ActivityKind,
  lead: z.string().nullable(),
  partners: z.array(z.string()),
  purpose: z.string().nullish(),
  details: z.array(z.string()),
});

const RawAgency = z.object({
  name: z.string(),
  en: z.string().nullish(),
  sector: z.string(),
  standing_agency: z.boolean().optional(),
  requested: z.boolean().optional(),
  members: z.array(z.string()).optional(),
  duties: z.array(z.string()),
  indicators: z.array(z.string()).optional(),
});

const RawReporting = z.object({
  text: z.array(z.string()).optional(),
  periodicity: z.array(z.string()),
  deadlines: z.array(
    z.object({
      report: z.string(),
      due: z.string().nullable(),
      to: z.string().nullish(),
      forwarded_to: z.array(z.string()).optional(),
    }),
  ),
  recipients: z.array(z.string()),
  milestones: z.array(
    z.object({
      event: z.string(),
      year: z.number().int().nullable(),
      due: z.string().nullish(),
      when: z.string().nullish(),
      text: z.string(),
    }),
  ),
});

const RawPlan = z.object({
  code: z.string(),
  title: z.string(),
  title_as_printed: z.string().nullish(),
  en: z.string(),
  document_number: z.string().nullable(),
  issued_by: z.string(),
  issued_date: z.string().nullable(),
  legal_basis: z.array(z.string()),
  national_programme: z.string().nullish(),
  admin_level: z.enum(['province', 'commune']),
  area: z.string(),
  period: z.object({ start: z.number().int(), end: z.number().int() }),
  checkpoint_years: z.array(z.number().int()),
  general_goal: z.string(),
  targets: z.array(RawTarget),
  activities: z.array(RawActivity),
  agencies: z.array(RawAgency),
  funding_sources: z.array(z.string()),
  reporting: RawReporting,
  notes: z.array(z.string()).optional(),
});
type RawValue = z.infer<typeof RawValue>;

/** A template value object in the API's spelling, with exactly the keys the file has. */
export function templateValue(raw: RawValue): PlanTargetValue {
  return {
    year: raw.year,
    value: raw.value,
    ...(raw.comparator !== undefined ? { comparator: raw.comparator } : {}),
    ...(raw.group !== undefined ? { group: raw.group } : {}),
    ...(raw.implied !== undefined ? { implied: raw.implied } : {}),
    ...(raw.to_year !== undefined ? { toYear: raw.to_year } : {}),
    ...(raw.value_max !== undefined ? { valueMax: raw.value_max } : {}),
  };
}

function toTemplate(raw: z.infer<typeof RawPlan>): PlanTemplate {
  const indicators = planTemplateIndicators[raw.code] ?? {};
  const agencies: PlanAgency[] = raw.agencies.map((agency) => ({
    name: agency.name,
    en: agency.en ?? null,
    sector: agency.sector,
    standingAgency: agency.standing_agency ?? false,
    requested: agency.requested ?? false,
    members: agency.members ?? [],
    duties: agency.duties,
    targets: agency.indicators ?? [],
  }));
  const reporting: PlanReporting = {
    periodicity: raw.reporting.periodicity,
    text: raw.reporting.text ?? [],
    deadlines: raw.reporting.deadlines.map((deadline) => ({
      report: deadline.report,
      due: deadline.due,
      to: deadline.to ?? null,
      forwardedTo: deadline.forwarded_to ?? [],
    })),
    milestones: raw.reporting.milestones.map((milestone) => ({
      event: milestone.event,
      year: milestone.year,
      due: milestone.due ?? null,
      when: milestone.when ?? null,
      text: milestone.text,
    })),
    recipients: raw.reporting.recipients,
  };
  return {
    code: raw.code,
    title: raw.title,
    titleAsPrinted: raw.title_as_printed ?? null,
    en: raw.en,
    documentNumber: raw.document_number,
    issuedBy: raw.issued_by,
    issuedDate: raw.issued_date,
    level: raw.admin_level,
    area: raw.area,
    periodStart: raw.period.start,
    periodEnd: raw.period.end,
    nationalProgramme: raw.national_programme ?? null,
    targetCount: raw.targets.length,
    activityCount: raw.activities.length,
    agencyCount: raw.agencies.length,
    legalBasis: raw.legal_basis,
    generalGoal: raw.general_goal,
    checkpointYears: raw.checkpoint_years,
    targets: raw.targets.map((target) => ({
      code: target.code,
      text: target.text,
      en: target.en ?? null,
      measure: target.measure ?? null,
      unit: target.unit,
      direction: target.direction,
      comparator: target.comparator,
      values: target.values.map(templateValue),
      disaggregation: target.disaggregation,
      population: target.population ?? null,
      responsibleAgency: target.responsible_agency ?? null,
      note: target.note ?? null,
      indicatorCode: indicators[target.code] ?? null,
    })),
    activities: raw.activities.map((activity) => ({
      code: activity.code,
      section: activity.section ?? null,
      parentTitle: activity.parent_title ?? null,
      title: activity.title,
      en: activity.en ?? null,
      kind: activity.kind,
      lead: activity.lead,
      partners: activity.partners,
      purpose: activity.purpose ?? null,
      details: activity.details,
    })),
    agencies,
    fundingSources: raw.funding_sources,
    reporting,
    notes: raw.notes ?? [],
  };
}

let loaded: Map<string, PlanTemplate> | undefined;

/** Every template by code, read from `dir` once (in file-name order). */
export function planTemplates(dir = planDataDir): Map<string, PlanTemplate> {
  if (loaded && dir === planDataDir) return loaded;
  const templates = new Map<string, PlanTemplate>();
  for (const file of fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const json: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const parsed = z.object({ plan: RawPlan }).safeParse(json);
    if (!parsed.success) throw new Error(`${file}: not a plan template (${parsed.error.message})`);
    if (`${parsed.data.plan.code}.json` !== file)
      throw new Error(`${file}: its code is ${parsed.data.plan.code}`);
    templates.set(parsed.data.plan.code, toTemplate(parsed.data.plan));
  }
  if (dir === planDataDir) loaded = templates;
  return templates;
}

export function findPlanTemplate(code: string): PlanTemplate | undefined {
  return planTemplates().get(code);
}

export function planTemplateSummaries(): PlanTemplateSummary[] {
  return [...planTemplates().values()].map((template) => ({
    code: template.code,
    title: template.title,
    en: template.en,
    documentNumber: template.documentNumber,
    issuedBy: template.issuedBy,
    issuedDate: template.issuedDate,
    level: template.level,
    area: template.area,
    periodStart: template.periodStart,
    periodEnd: template.periodEnd,
    nationalProgramme: template.nationalProgramme,
    targetCount: template.targetCount,
    activityCount: template.activityCount,
    agencyCount: template.agencyCount,
  }));
}
