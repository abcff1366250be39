import { budgetSources, type BudgetAmounts, type BudgetLine, type BudgetSource } from '@treem/shared';

/** Spent over planned (0–1, above 1 when overspent); null when nothing was planned. */
export function spentShare(amounts: BudgetAmounts): number | null {
  return amounts.planned > 0 ? amounts.spent / amounts.planned : null;
}

export interface LineTotals {
  /** Every source in the catalogue's order, zeros included. */
  bySource: (BudgetAmounts & { source: BudgetSource })[];
  total: BudgetAmounts;
}

/** An activity's lines summed by source, planned against spent (the drawer's figures, as the plan's are). */
export function totalsOfLines(
  lines: readonly Pick<BudgetLine, 'source' | 'plannedVnd' | 'spentVnd'>[],
): LineTotals {
  const bySource = budgetSources.map((source) => ({ source, planned: 0, spent: 0 }));
  const total = { planned: 0, spent: 0 };
  for (const line of lines) {
    const row = bySource.find((entry) => entry.source === line.source)!;
    row.planned += line.plannedVnd;
    row.spent += line.spentVnd;
    total.planned += line.plannedVnd;
    total.spent += line.spentVnd;
  }
  return { bySource, total };
}

/** The sources with any money, for a compact table; all of them when none has any. */
export function sourcesInUse<T extends BudgetAmounts>(rows: readonly T[]): T[] {
  const used = rows.filter((row) => row.planned > 0 || row.spent > 0);
  return used.length > 0 ? used : [...rows];
}
