import type { indicatorsVi } from './indicators.vi.ts';

type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

/** English strings of the indicators screens: the same shape as `indicatorsVi`. */
export const indicatorsEn: Widen<typeof indicatorsVi> = {};
