/** Vietnamese strings of the plans screens (merged into vi.ts as `t.plans`). Plain data: no imports of React. */
export const plansVi = {} as const;
