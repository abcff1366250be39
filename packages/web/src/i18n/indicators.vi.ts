/** Vietnamese strings of the indicators screens (merged into vi.ts as `t.indicators`). Plain data: no imports of React. */
export const indicatorsVi = {} as const;
