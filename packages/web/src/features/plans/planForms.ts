import {
  PlainDateString,
  PlanTargetValue,
  TargetComparator,
  TargetDirection,
  IndicatorUnit,
  type PlanDetail,
  type PlanTarget,
  type PlanTargetInput,
  type PlanTargetValue as TargetValue,
} from '@treem/shared';
import { z } from 'zod';

/*
 * The forms of the plan screens keep lists (legal basis, partners, groups) as one text with a line each, and turn
 * them into the API's arrays on submit. The API's own schemas then check the body again.
 */

/** One entry per non-empty line, trimmed. */
export function linesOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export const textOfLines = (lines: readonly string[]): string => lines.join('\n');

const optionalText = (max: number) => z.string().trim().max(max).nullish();
const Year = z.number({ error: 'required' }).int().min(2000).max(2100);

export const PlanForm = z
  .object({
    title: z.string().trim().min(1).max(1000),
    documentNumber: optionalText(60),
    issuedDate: PlainDateString.nullish(),
    issuedBy: optionalText(300),
    legalBasisText: z.string().max(60_000).nullish(),
    generalGoal: optionalText(10_000),
    periodStart: Year,
    periodEnd: Year,
    fundingSourcesText: z.string().max(90_000).nullish(),
  })
  .superRefine((value, context) => {
    if (value.periodEnd < value.periodStart)
      context.addIssue({ code: 'custom', path: ['periodEnd'], message: 'period_end_before_start' });
  });
export type PlanFormValues = z.input<typeof PlanForm>;

/** The header fields of a plan as the API takes them. */
export function planBody(values: z.output<typeof PlanForm>) {
  return {
    title: values.title,
    documentNumber: values.documentNumber || null,
    issuedDate: values.issuedDate || null,
    issuedBy: values.issuedBy || null,
    legalBasis: linesOf(values.legalBasisText),
    generalGoal: values.generalGoal || null,
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
    fundingSources: linesOf(values.fundingSourcesText),
  };
}

export function planFormValues(plan: PlanDetail | undefined, thisYear: number): PlanFormValues {
  if (!plan)
    return {
      title: '',
      documentNumber: null,
      issuedDate: null,
      issuedBy: null,
      legalBasisText: '',
      generalGoal: null,
      periodStart: thisYear,
      periodEnd: thisYear,
      fundingSourcesText: '',
    };
  return {
    title: plan.title,
    documentNumber: plan.documentNumber,
    issuedDate: plan.issuedDate,
    issuedBy: plan.issuedBy,
    legalBasisText: textOfLines(plan.legalBasis),
    generalGoal: plan.generalGoal,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    fundingSourcesText: textOfLines(plan.fundingSources),
  };
}

/** A row of the "values by year" editor; empty inputs are null until the row is checked. */
const ValueRow = z.object({
  year: Year,
  value: z.union([z.number({ error: 'required' }).finite().min(0), z.boolean()]),
  group: z.string().trim().max(40).nullish(),
  comparator: TargetComparator.nullish(),
  toYear: Year.nullish(),
  valueMax: z.number().finite().min(0).nullish(),
  implied: z.boolean().optional(),
});

export const TargetForm = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/),
    text: z.string().trim().min(1).max(2000),
    /** Kept as it was: the form does not show the English gloss. */
    en: optionalText(1000),
    measure: optionalText(500),
    unit: IndicatorUnit,
    direction: TargetDirection,
    comparator: TargetComparator.nullish(),
    disaggregationText: z.string().max(500).nullish(),
    population: optionalText(200),
    responsibleAgency: optionalText(300),
    note: optionalText(2000),
    values: z.array(ValueRow).max(40),
  })
  .superRefine((form, context) => {
    const groups = linesOf(form.disaggregationText);
    const seen = new Set<string>();
    form.values.forEach((row, index) => {
      const key = `${row.year}|${row.group ?? ''}`;
      if (seen.has(key))
        context.addIssue({ code: 'custom', path: ['values', index, 'year'], message: 'duplicate_year' });
      seen.add(key);
      if (row.group && !groups.includes(row.group))
        context.addIssue({ code: 'custom', path: ['values', index, 'group'], message: 'unknown_group' });
      if ((typeof row.value === 'boolean') !== (form.unit === 'boolean'))
        context.addIssue({ code: 'custom', path: ['values', index, 'value'], message: 'value_type_unit' });
      if (form.unit === 'percent' && typeof row.value === 'number' && row.value > 100)
        context.addIssue({ code: 'custom', path: ['values', index, 'value'], message: 'percent_over_100' });
    });
    if (form.values.length > 0 && !form.comparator)
      context.addIssue({ code: 'custom', path: ['comparator'], message: 'comparator_required' });
  });
export type TargetFormValues = z.input<typeof TargetForm>;

/** A target as the API takes it: every value object with only the keys it has. */
export function targetBody(form: z.output<typeof TargetForm>): z.input<typeof PlanTargetInput> {
  return {
    code: form.code,
    text: form.text,
    en: form.en || null,
    measure: form.measure || null,
    unit: form.unit,
    direction: form.direction,
    comparator: form.comparator ?? null,
    disaggregation: linesOf(form.disaggregationText),
    population: form.population || null,
    responsibleAgency: form.responsibleAgency || null,
    note: form.note || null,
    values: form.values.map((row): TargetValue =>
      PlanTargetValue.parse({
        year: row.year,
        value: row.value,
        ...(row.comparator ? { comparator: row.comparator } : {}),
        ...(row.group ? { group: row.group } : {}),
        ...(row.implied !== undefined ? { implied: row.implied } : {}),
        ...(row.toYear != null ? { toYear: row.toYear } : {}),
        ...(row.valueMax != null ? { valueMax: row.valueMax } : {}),
      }),
    ),
  };
}

export function targetFormValues(target: PlanTarget | undefined): TargetFormValues {
  if (!target)
    return {
      code: '',
      text: '',
      en: null,
      measure: null,
      unit: 'percent',
      direction: 'increase',
      comparator: '>=',
      disaggregationText: '',
      population: null,
      responsibleAgency: null,
      note: null,
      values: [],
    };
  return {
    code: target.code,
    text: target.text,
    en: target.en,
    measure: target.measure,
    unit: target.unit,
    direction: target.direction,
    comparator: target.comparator,
    disaggregationText: textOfLines(target.disaggregation),
    population: target.population,
    responsibleAgency: target.responsibleAgency,
    note: target.note,
    values: target.values.map((value) => ({
      year: value.year,
      value: value.value,
      group: value.group ?? null,
      comparator: value.comparator ?? null,
      toYear: value.toYear ?? null,
      valueMax: value.valueMax ?? null,
      ...(value.implied !== undefined ? { implied: value.implied } : {}),
    })),
  };
}

/** A server issue path (`body.values.2.year`, `body.legalBasis.1`) as the form's field. */
export function formFieldOf(path: string, renamed: Record<string, string> = {}): string {
  const field = path.replace(/^body\./, '');
  for (const [from, to] of Object.entries(renamed))
    if (field === from || field.startsWith(`${from}.`)) return to;
  return field;
}
