/** Vietnamese strings of the aggregate screens (merged into vi.ts as `t.aggregate`). Plain data: no imports of React. */
export const aggregateVi = {} as const;
