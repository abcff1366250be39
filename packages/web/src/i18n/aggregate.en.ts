import type { aggregateVi } from './aggregate.vi.ts';

type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

/** English strings of the aggregate screens: the same shape as `aggregateVi`. */
export const aggregateEn: Widen<typeof aggregateVi> = {};
