import { describe, expect, test } from 'vitest';
import type { PlanTarget } from '@treem/shared';
import { sourcesInUse, spentShare, totalsOfLines } from './budget.ts';
import { kanbanColumns, moveTargets } from './kanban.ts';
import {
  formFieldOf,
  linesOf,
  planBody,
  PlanForm,
  targetBody,
  TargetForm,
  targetFormValues,
} from './planForms.ts';
import { parsePlansSearch } from './plansSearch.ts';
import {
  dataYears,
  defaultDataYear,
  statusDirection,
  targetStatus,
  targetValueFor,
  targetYears,
} from './targetValues.ts';

const target = (overrides: Partial<PlanTarget>): PlanTarget => ({
  id: '0193c1a2-7b4e-7c1d-9a51-2f0e8d6b4c3a',
  planId: '0193c1a2-7b4e-7c1d-9a51-2f0e8d6b4c3b',
  code: 'CT04a',
  text: 'Suy dinh dưỡng thể nhẹ cân dưới 9% vào năm 2025 và dưới 6% vào năm 2030',
  en: 'Underweight',
  measure: null,
  unit: 'percent',
  direction: 'decrease',
  comparator: '<',
  values: [
    { year: 2025, value: 9 },
    { year: 2030, value: 6 },
  ],
  disaggregation: [],
  population: null,
  responsibleAgency: null,
  note: null,
  indicatorCode: 'NPA-04a',
  ...overrides,
});

describe('budget totals', () => {
  test('sum an activity’s lines by source in the catalogue’s order, planned against spent', () => {
    const totals = totalsOfLines([
      { source: 'oda_unicef', plannedVnd: 50_000_000, spentVnd: 45_000_000 },
      { source: 'state_commune', plannedVnd: 20_000_000, spentVnd: 0 },
      { source: 'oda_unicef', plannedVnd: 10_000_000, spentVnd: 12_500_000 },
    ]);
    expect(totals.total).toEqual({ planned: 80_000_000, spent: 57_500_000 });
    expect(totals.bySource.map((row) => row.source)).toEqual([
      'state_central',
      'state_province',
      'state_commune',
      'oda_unicef',
      'social_mobilisation',
      'other',
    ]);
    expect(totals.bySource[3]).toEqual({ source: 'oda_unicef', planned: 60_000_000, spent: 57_500_000 });
    expect(sourcesInUse(totals.bySource).map((row) => row.source)).toEqual(['state_commune', 'oda_unicef']);
    expect(sourcesInUse(totalsOfLines([]).bySource)).toHaveLength(6);
  });

  test('the spent share is spent over planned, above 1 when overspent, none without a plan', () => {
    expect(spentShare({ planned: 80, spent: 20 })).toBe(0.25);
    expect(spentShare({ planned: 10, spent: 15 })).toBe(1.5);
    expect(spentShare({ planned: 0, spent: 5 })).toBeNull();
  });
});

describe('the kanban', () => {
  test('puts each activity in its status’s column, columns in the statuses’ order, plan order kept', () => {
    const columns = kanbanColumns([
      { id: 'a', status: 'done' as const },
      { id: 'b', status: 'planned' as const },
      { id: 'c', status: 'in_progress' as const },
      { id: 'd', status: 'planned' as const },
    ]);
    expect(columns.map((column) => [column.status, column.items.map((item) => item.id)])).toEqual([
      ['planned', ['b', 'd']],
      ['in_progress', ['c']],
      ['done', ['a']],
      ['cancelled', []],
    ]);
    expect(moveTargets('in_progress')).toEqual(['planned', 'done', 'cancelled']);
  });
});

describe('a target against the current value', () => {
  test('uses the year’s value, else the next checkpoint’s, with the value’s own comparator', () => {
    const underOne = target({
      comparator: '<=',
      values: [
        { year: 2025, value: 1 },
        { year: 2030, value: 1, comparator: '<' },
      ],
    });
    expect(targetValueFor(underOne, 2023)).toEqual({ value: 1, comparator: '<=' });
    expect(targetValueFor(underOne, 2027)).toEqual({ value: 1, comparator: '<' });
    expect(targetValueFor(underOne, 2031)).toBeNull();
    expect(
      targetValueFor(
        target({ unit: 'boolean', comparator: '=', values: [{ year: 2020, value: true }] }),
        2020,
      ),
    ).toEqual({ value: 100, comparator: '=' });
    // Set per group only: there is no figure for the whole unit.
    expect(
      targetValueFor(
        target({
          values: [
            { year: 2025, value: 5, group: 'rural' },
            { year: 2025, value: 10, group: 'urban' },
          ],
        }),
        2025,
      ),
    ).toBeNull();
  });

  test('each province’s own numbers decide the status: 85 % is on track for 80 %, off track for 95 %', () => {
    const hanoi = target({
      direction: 'increase',
      comparator: '>=',
      values: [
        { year: 2020, value: 80 },
        { year: 2025, value: 95 },
      ],
    });
    expect(targetStatus(85, hanoi, 2020, 'higher_is_better')).toBe('on_track');
    expect(targetStatus(85, hanoi, 2025, 'higher_is_better')).toBe('off_track');
    // 9.5 % of a "below 9 %" target misses by 0.5 point, inside the 10 % band: at risk.
    expect(targetStatus(9.5, target({}), 2025, 'lower_is_better')).toBe('at_risk');
    expect(targetStatus(null, target({}), 2025, 'lower_is_better')).toBe('no_data');
    expect(targetStatus(5, target({ values: [] }), 2025, undefined)).toBe('no_target');
  });

  test('the direction is the indicator’s when linked, else read from the target', () => {
    expect(statusDirection('increase', 'lower_is_better')).toBe('lower_is_better');
    expect(statusDirection('decrease', undefined)).toBe('lower_is_better');
    expect(statusDirection('maintain', undefined)).toBe('higher_is_better');
  });

  test('years: the table’s columns, and the data years one may open', () => {
    expect(
      targetYears([
        target({}),
        target({
          values: [
            { year: 2020, value: 1 },
            { year: 2025, value: 2 },
          ],
        }),
      ]),
    ).toEqual([2020, 2025, 2030]);
    expect(defaultDataYear(2021, 2030, 2026)).toBe(2026);
    expect(defaultDataYear(2016, 2020, 2026)).toBe(2020);
    expect(defaultDataYear(2027, 2030, 2026)).toBe(2027);
    expect(dataYears(2021, 2030, 2024)).toEqual([2024, 2023, 2022, 2021]);
    expect(dataYears(2027, 2030, 2024)).toEqual([2027]);
  });
});

describe('the plan forms', () => {
  test('lists are one line each; empty lines are dropped', () => {
    expect(linesOf(' Luật Trẻ em 2016 \n\n  Nghị định 56/2017 \n')).toEqual([
      'Luật Trẻ em 2016',
      'Nghị định 56/2017',
    ]);
    expect(linesOf(null)).toEqual([]);
    const parsed = PlanForm.parse({
      title: 'Kế hoạch',
      documentNumber: '',
      legalBasisText: 'Luật Trẻ em 2016\nQuyết định 23/QĐ-TTg',
      periodStart: 2021,
      periodEnd: 2030,
      fundingSourcesText: '',
    });
    expect(planBody(parsed)).toEqual({
      title: 'Kế hoạch',
      documentNumber: null,
      issuedDate: null,
      issuedBy: null,
      legalBasis: ['Luật Trẻ em 2016', 'Quyết định 23/QĐ-TTg'],
      generalGoal: null,
      periodStart: 2021,
      periodEnd: 2030,
      fundingSources: [],
    });
    expect(
      PlanForm.safeParse({ title: 'x', periodStart: 2025, periodEnd: 2024 }).error?.issues[0],
    ).toMatchObject({
      path: ['periodEnd'],
      message: 'period_end_before_start',
    });
  });

  test('a target saved unchanged sends back exactly the value objects it read', () => {
    const ct13 = target({
      code: 'CT13',
      unit: 'percent_reduction_per_year',
      comparator: '>=',
      values: [{ year: 2025, toYear: 2030, value: 2, valueMax: 3 }],
    });
    const cp05 = target({
      code: 'CP-05',
      unit: 'count',
      comparator: '=',
      disaggregation: ['districts', 'communes'],
      values: [
        { year: 2020, value: 30, group: 'districts', implied: true },
        { year: 2020, value: 584, group: 'communes', implied: true },
      ],
    });
    for (const original of [ct13, cp05, target({})]) {
      const body = targetBody(TargetForm.parse(targetFormValues(original)));
      expect(body.values).toStrictEqual(original.values);
      expect(body).toMatchObject({
        code: original.code,
        en: 'Underweight',
        disaggregation: original.disaggregation,
      });
    }
  });

  test('impossible rows are named on their field', () => {
    const result = TargetForm.safeParse({
      ...targetFormValues(target({})),
      values: [
        { year: 2025, value: 120 },
        { year: 2025, value: 5 },
        { year: 2026, value: true },
        { year: 2027, value: 5, group: 'urban' },
      ],
    });
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)).toEqual([
      'values.0.value percent_over_100',
      'values.1.year duplicate_year',
      'values.2.value value_type_unit',
      'values.3.group unknown_group',
    ]);
  });

  test('server issue paths land on the form’s fields', () => {
    expect(formFieldOf('body.values.2.year')).toBe('values.2.year');
    expect(formFieldOf('body.legalBasis.1', { legalBasis: 'legalBasisText' })).toBe('legalBasisText');
    expect(formFieldOf('body.disaggregation', { disaggregation: 'disaggregationText' })).toBe(
      'disaggregationText',
    );
  });
});

describe('the plan list’s URL', () => {
  test('keeps a unit id and a known status, drops anything else', () => {
    expect(
      parsePlansSearch({ unitId: '0193C1A2-7B4E-7C1D-9A51-2F0E8D6B4C3A', status: 'in_force', x: 1 }),
    ).toEqual({
      unitId: '0193c1a2-7b4e-7c1d-9a51-2f0e8d6b4c3a',
      status: 'in_force',
    });
    expect(parsePlansSearch({ unitId: 'vn.p01', status: 'archived' })).toEqual({});
  });
});
