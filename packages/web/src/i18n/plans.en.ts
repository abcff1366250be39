import type { plansVi } from './plans.vi.ts';

type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

/** English strings of the plans screens: the same shape as `plansVi`. */
export const plansEn: Widen<typeof plansVi> = {};
